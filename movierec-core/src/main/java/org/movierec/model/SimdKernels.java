package org.movierec.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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

  /**
   * {@code out[r][i] = Σ_j queries[r][j] · vectors[i][j]}, summed in float lanes by fused multiply-adds: four queries
   * at a time share each load of a vector. Every array has {@code d} elements.
   */
  static void dots(float[][] queries, float[][] vectors, float[][] out) {
    int d = vectors.length == 0 ? 0 : vectors[0].length;
    int lanes = FLOATS.length();
    int end = FLOATS.loopBound(d);
    int r = 0;
    for (; r + 4 <= queries.length; r += 4) {
      float[] q0 = queries[r];
      float[] q1 = queries[r + 1];
      float[] q2 = queries[r + 2];
      float[] q3 = queries[r + 3];
      for (int i = 0; i < vectors.length; i++) {
        float[] v = vectors[i];
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int j = 0; j < end; j += lanes) {
          FloatVector x = FloatVector.fromArray(FLOATS, v, j);
          a0 = FloatVector.fromArray(FLOATS, q0, j).fma(x, a0);
          a1 = FloatVector.fromArray(FLOATS, q1, j).fma(x, a1);
          a2 = FloatVector.fromArray(FLOATS, q2, j).fma(x, a2);
          a3 = FloatVector.fromArray(FLOATS, q3, j).fma(x, a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (int j = end; j < d; j++) {
          s0 = Math.fma(q0[j], v[j], s0);
          s1 = Math.fma(q1[j], v[j], s1);
          s2 = Math.fma(q2[j], v[j], s2);
          s3 = Math.fma(q3[j], v[j], s3);
        }
        out[r][i] = s0;
        out[r + 1][i] = s1;
        out[r + 2][i] = s2;
        out[r + 3][i] = s3;
      }
    }
    for (; r < queries.length; r++) {
      float[] q = queries[r];
      for (int i = 0; i < vectors.length; i++) {
        float[] v = vectors[i];
        FloatVector a = FloatVector.zero(FLOATS);
        for (int j = 0; j < end; j += lanes) {
          a = FloatVector.fromArray(FLOATS, q, j).fma(FloatVector.fromArray(FLOATS, v, j), a);
        }
        float s = a.reduceLanes(VectorOperators.ADD);
        for (int j = end; j < d; j++) {
          s = Math.fma(q[j], v[j], s);
        }
        out[r][i] = s;
      }
    }
  }
}
