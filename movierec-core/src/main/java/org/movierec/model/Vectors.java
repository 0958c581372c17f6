package org.movierec.model;

import java.util.Arrays;
import java.util.List;

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
   * Vectors of one dimension {@code d} laid out by dimension for {@link #dotsByDimension}: element {@code j} of
   * vector {@code i} at {@code [j * n + i]}, n the number of vectors.
   */
  public static float[] byDimension(List<float[]> vectors) {
    int n = vectors.size();
    int d = n == 0 ? 0 : vectors.get(0).length;
    float[] t = new float[d * n];
    for (int i = 0; i < n; i++) {
      float[] v = vectors.get(i);
      if (v.length != d) {
        throw new IllegalArgumentException("vector " + i + " has dimension " + v.length + ", the first has " + d);
      }
      for (int j = 0; j < d; j++) {
        t[j * n + i] = v[j];
      }
    }
    return t;
  }

  /**
   * {@code out[i] = q · vector i} of vectors laid out by {@link #byDimension} (n = {@code out.length}), summed in
   * float one dimension at a time (the Vector API's lanes when the JVM has {@code jdk.incubator.vector}): many dot
   * products with one query at a time's cost of a few.
   */
  public static void dotsByDimension(float[] q, float[] byDimension, float[] out) {
    int n = out.length;
    if (byDimension.length != q.length * n) {
      throw new IllegalArgumentException("expected " + q.length + " x " + n + " values by dimension, got "
          + byDimension.length);
    }
    Arrays.fill(out, 0f);
    for (int j = 0; j < q.length; j++) {
      if (Dense.SIMD) {
        SimdKernels.addScaled(out, q[j], byDimension, j * n);
      } else {
        for (int i = 0; i < n; i++) {
          out[i] += q[j] * byDimension[j * n + i];
        }
      }
    }
  }
}
