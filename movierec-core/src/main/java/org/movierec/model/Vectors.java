package org.movierec.model;


/** Small vector helpers; inputs are never modified. */
public final class Vectors {
  private Vectors() {}

  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors differ in length: " + a.length + " and " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return (float) s;
  }

  public static float norm(float[] a) {
    return (float) Math.sqrt(dot(a, a));
  }

  /** A unit-length copy; a zero vector stays zero. */
  public static float[] normalize(float[] a) {
    float n = norm(a);
    float[] out = a.clone();
    if (n > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= n;
      }
    }
    return out;
  }

  /** Cosine similarity; 0 when either vector is zero. */
  public static float cosine(float[] a, float[] b) {
    float na = norm(a);
    float nb = norm(b);
    return na == 0 || nb == 0 ? 0f : dot(a, b) / (na * nb);
  }

  /**
   * {@code out[r][i] = queries[r] · vectors[i]}, summed in float (fused, in the Vector API's lanes when the JVM has
   * {@code jdk.incubator.vector}): many dot products at a few loads each, to within float rounding of {@link #dot}.
   * Every vector has the dimension of the first; {@code out} is {@code queries.length} rows of {@code
   * vectors.length}.
   */
  public static void dots(float[][] queries, float[][] vectors, float[][] out) {
    int d = vectors.length > 0 ? vectors[0].length : queries.length > 0 ? queries[0].length : 0;
    requireDimension(queries, d, "query");
    requireDimension(vectors, d, "vector");
    if (out.length != queries.length) {
      throw new IllegalArgumentException("expected " + queries.length + " rows of output, got " + out.length);
    }
    for (float[] row : out) {
      if (row.length != vectors.length) {
        throw new IllegalArgumentException("expected output rows of " + vectors.length + ", got " + row.length);
      }
    }
    if (Dense.SIMD) {
      SimdKernels.dots(queries, vectors, out);
      return;
    }
    for (int r = 0; r < queries.length; r++) {
      for (int i = 0; i < vectors.length; i++) {
        float s = 0;
        for (int j = 0; j < d; j++) {
          s = Math.fma(queries[r][j], vectors[i][j], s);
        }
        out[r][i] = s;
      }
    }
  }

  private static void requireDimension(float[][] vectors, int d, String what) {
    for (int i = 0; i < vectors.length; i++) {
      if (vectors[i].length != d) {
        throw new IllegalArgumentException(what + " " + i + " has dimension " + vectors[i].length + ", expected " + d);
      }
    }
  }
}
