package org.movierec.index;

/**
 * Vectors of one dimension laid one after the other in one array (row {@code r} at {@code r * dimension}), scored by
 * exactly {@link InnerProduct#of}: each score accumulates its products in double, in index order, and is rounded once
 * to float, so that every backend reports the same bits. Scoring several rows interleaves their sums (each still in
 * index order): the CPU then overlaps the additions of different rows instead of waiting on one sum's. Immutable;
 * the array is owned by this object.
 */
final class FlatVectors {
  private final float[] data;
  private final int size;
  private final int dimension;

  FlatVectors(float[] data, int size, int dimension) {
    if (data.length != (long) size * dimension) {
      throw new IllegalArgumentException(size + " vectors of dimension " + dimension + " need " + (long) size
          * dimension + " values, got: " + data.length);
    }
    this.data = data;
    this.size = size;
    this.dimension = dimension;
  }

  int size() {
    return size;
  }

  int dimension() {
    return dimension;
  }

  /** {@code InnerProduct.of(q, vector(row))}; {@code q} must have {@link #dimension()} elements. */
  float score(float[] q, int row) {
    double sum = 0;
    int at = row * dimension;
    for (int i = 0; i < dimension; i++) {
      sum += (double) q[i] * data[at + i];
    }
    return (float) sum;
  }

  /** {@code out[i] = score(q, rows[i])} for the first {@code count} rows. */
  void score(float[] q, int[] rows, int count, float[] out) {
    int i = 0;
    for (; i + 4 <= count; i += 4) {
      int a = rows[i] * dimension;
      int b = rows[i + 1] * dimension;
      int c = rows[i + 2] * dimension;
      int d = rows[i + 3] * dimension;
      double sa = 0;
      double sb = 0;
      double sc = 0;
      double sd = 0;
      for (int j = 0; j < dimension; j++) {
        double qj = q[j];
        sa += qj * data[a + j];
        sb += qj * data[b + j];
        sc += qj * data[c + j];
        sd += qj * data[d + j];
      }
      out[i] = (float) sa;
      out[i + 1] = (float) sb;
      out[i + 2] = (float) sc;
      out[i + 3] = (float) sd;
    }
    for (; i < count; i++) {
      out[i] = score(q, rows[i]);
    }
  }

  /** Element {@code j} of vector {@code row}. */
  float element(int row, int j) {
    return data[row * dimension + j];
  }

  /** A copy of one vector. */
  float[] vector(int row) {
    float[] v = new float[dimension];
    System.arraycopy(data, row * dimension, v, 0, dimension);
    return v;
  }
}
