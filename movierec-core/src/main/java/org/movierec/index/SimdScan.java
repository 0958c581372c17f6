package org.movierec.index;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TransposedVectors#scores} with the JDK's Vector API ({@code jdk.incubator.vector}): a block of movies' sums
 * stays in vector registers while the query's elements go by, each product converted to double and added in index
 * order as {@link InnerProduct#of} adds it, so the scores are the same to the bit. Loaded only when the JVM was
 * started with {@code --add-modules jdk.incubator.vector} ({@link TransposedVectors#SIMD}).
 */
final class SimdScan {
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Float> FLOATS =
      VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
  private static final int LANES = DOUBLES.length();
  private static final int BLOCK = 4 * LANES;

  private SimdScan() {}

  /** {@code sums[i] = sum over j of (double) q[j] * columns[j * n + i]}, in order of j, for {@code i < n}. */
  static void scores(float[] q, float[] columns, int n, double[] sums) {
    int i = 0;
    for (; i + BLOCK <= n; i += BLOCK) {
      DoubleVector a0 = DoubleVector.zero(DOUBLES);
      DoubleVector a1 = a0;
      DoubleVector a2 = a0;
      DoubleVector a3 = a0;
      for (int j = 0, at = i; j < q.length; j++, at += n) {
        double qj = q[j];
        a0 = a0.add(widen(columns, at).mul(qj));
        a1 = a1.add(widen(columns, at + LANES).mul(qj));
        a2 = a2.add(widen(columns, at + 2 * LANES).mul(qj));
        a3 = a3.add(widen(columns, at + 3 * LANES).mul(qj));
      }
      a0.intoArray(sums, i);
      a1.intoArray(sums, i + LANES);
      a2.intoArray(sums, i + 2 * LANES);
      a3.intoArray(sums, i + 3 * LANES);
    }
    for (; i < n; i++) {
      double sum = 0;
      for (int j = 0, at = i; j < q.length; j++, at += n) {
        sum += (double) q[j] * columns[at];
      }
      sums[i] = sum;
    }
  }

  private static DoubleVector widen(float[] columns, int at) {
    return (DoubleVector) FloatVector.fromArray(FLOATS, columns, at).convertShape(VectorOperators.F2D, DOUBLES, 0);
  }
}
