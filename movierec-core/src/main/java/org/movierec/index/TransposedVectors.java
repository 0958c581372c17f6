package org.movierec.index;

/**
 * Vectors stored by dimension: element {@code j} of every vector, then element {@code j + 1}, in one array. Scoring
 * all of them against a query then reads contiguous memory with one independent sum per vector (with the Vector API,
 * a block of sums in registers); each sum still adds its products in double, in index order, so the scores are
 * exactly {@link InnerProduct#of}'s. Immutable.
 */
final class TransposedVectors {
  private final float[] columns;
  private final int size;
  private final int dimension;

  private TransposedVectors(float[] columns, int size, int dimension) {
    this.columns = columns;
    this.size = size;
    this.dimension = dimension;
  }

  /** The given vectors, each of {@code dimension} elements, transposed. */
  static TransposedVectors of(float[][] rows, int dimension) {
    int n = rows.length;
    float[] columns = new float[Math.multiplyExact(n, dimension)];
    for (int i = 0; i < n; i++) {
      float[] v = rows[i];
      for (int j = 0; j < dimension; j++) {
        columns[j * n + i] = v[j];
      }
    }
    return new TransposedVectors(columns, n, dimension);
  }

  /**
   * Whether the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}): then {@link SimdScan} scores, to
   * the same bits. The JIT does not vectorise the plain loop below (it mixes floats and doubles).
   */
  static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /** {@code InnerProduct.of(q, vector i)} before its rounding to float, for every vector; the array is the caller's. */
  double[] scores(float[] q) {
    double[] sums = new double[size];
    if (SIMD) {
      SimdScan.scores(q, columns, size, sums);
      return sums;
    }
    for (int j = 0; j < dimension; j++) {
      double qj = q[j];
      int at = j * size;
      for (int i = 0; i < size; i++) {
        sums[i] += qj * columns[at + i];
      }
    }
    return sums;
  }
}
