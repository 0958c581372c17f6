package org.movierec.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense kernels with the JDK's Vector API ({@code jdk.incubator.vector}), lane by lane the same operations as the
 * scalar loops of {@link Dense}, so the results are the same to the bit. Loaded only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} ({@link Dense#SIMD}); the JIT does not vectorise these loops by itself
 * (it cannot tell the two float arrays apart), and they ran 4 to 5 times slower without.
 */
final class SimdKernels {
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;

  private SimdKernels() {}

  /** {@code y[j] += a * x[from + j]} for {@code j < y.length}: a multiply then an add, per lane. */
  static void addScaled(float[] y, float a, float[] x, int from) {
    int n = y.length;
    int j = 0;
    for (int end = FLOATS.loopBound(n); j < end; j += FLOATS.length()) {
      FloatVector.fromArray(FLOATS, y, j).add(FloatVector.fromArray(FLOATS, x, from + j).mul(a)).intoArray(y, j);
    }
    for (; j < n; j++) {
      y[j] += a * x[from + j];
    }
  }

  /** {@code y[yFrom + j] += a * x[xFrom + j]} for {@code j < n}: a multiply then an add, per lane. */
  static void addScaled(double[] y, int yFrom, double a, double[] x, int xFrom, int n) {
    int j = 0;
    for (int end = DOUBLES.loopBound(n); j < end; j += DOUBLES.length()) {
      DoubleVector.fromArray(DOUBLES, y, yFrom + j).add(DoubleVector.fromArray(DOUBLES, x, xFrom + j).mul(a))
          .intoArray(y, yFrom + j);
    }
    for (; j < n; j++) {
      y[yFrom + j] += a * x[xFrom + j];
    }
  }
}
