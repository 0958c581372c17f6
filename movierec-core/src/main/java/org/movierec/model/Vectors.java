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
}
