package org.movierec.index;

/** The one inner product every backend reports, so that their scores agree to the last bit. */
final class InnerProduct {
  private InnerProduct() {}

  /** Accumulates in double, then rounds once to float; the arrays must have the same length. */
  static float of(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return (float) sum;
  }

  /** Throws unless {@code v} is non-empty and every element finite; {@code what} names the vector in the message. */
  static void requireFinite(float[] v, String what) {
    if (v.length == 0) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        throw new IllegalArgumentException(what + " must be finite, got " + v[i] + " at index " + i);
      }
    }
  }
}
