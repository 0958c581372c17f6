package org.movierec.model;

import java.util.Arrays;

/**
 * The few dense operations the plain-Java forward passes are made of, on row-major {@link Tensor}s. Inputs are never
 * modified; every returned array is new.
 */
final class Dense {
  /**
   * Whether the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}, as the server, the benchmarks and
   * the tests run): then {@link SimdKernels} does the fully connected layers, to the same bits.
   */
  static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Dense() {}

  /** Row {@code row} of a 2-d tensor (an embedding's row). */
  static float[] row(Tensor t, int row) {
    int cols = t.cols();
    if (row < 0 || row >= t.rows()) {
      throw new IllegalArgumentException(t.name() + " has rows 0.." + (t.rows() - 1) + ", asked for: " + row);
    }
    return Arrays.copyOfRange(t.data(), row * cols, (row + 1) * cols);
  }

  /** {@code x W + b} for a weight of shape {@code [in, out]} and a bias of shape {@code [out]}. */
  static float[] fc(float[] x, Tensor w, Tensor b) {
    int in = w.rows();
    int out = w.cols();
    if (x.length != in) {
      throw new IllegalStateException(w.name() + " expects " + in + " inputs, got: " + x.length);
    }
    float[] y = b.data().clone();
    float[] wd = w.data();
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      if (xi == 0f) {
        continue;
      }
      int base = i * out;
      if (SIMD) {
        SimdKernels.addScaled(y, xi, wd, base);
      } else {
        for (int j = 0; j < out; j++) {
          y[j] += xi * wd[base + j];
        }
      }
    }
    return y;
  }

  /** tanh of every element, in place; returns {@code x}. */
  static float[] tanh(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.tanh(x[i]);
    }
    return x;
  }

  /** {@code acc += scale * x}; returns {@code acc}. */
  static float[] addScaled(float[] acc, float[] x, float scale) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += scale * x[i];
    }
    return acc;
  }

  /** The arrays one after the other. */
  static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] out = new float[n];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /**
   * The text CNN both towers share: over the title's word indexes padded with one position on each side, a centred
   * window of 3 word embeddings, a fully connected layer, tanh, max-pooled over the title's {@code words} positions.
   */
  static float[] titleCnn(Tensor embedding, Tensor convW, Tensor convB, int[] titleIndices, int words) {
    int len = titleIndices.length;
    int[] padded = new int[len + 2];
    System.arraycopy(titleIndices, 0, padded, 1, len);
    int dim = embedding.cols();
    float[] window = new float[3 * dim];
    float[] pooled = new float[convW.cols()];
    Arrays.fill(pooled, Float.NEGATIVE_INFINITY);
    for (int t = 0; t < words; t++) {
      for (int k = 0; k < 3; k++) {
        System.arraycopy(embedding.data(), padded[t + k] * dim, window, k * dim, dim);
      }
      float[] h = tanh(fc(window, convW, convB));
      for (int f = 0; f < h.length; f++) {
        pooled[f] = Math.max(pooled[f], h[f]);
      }
    }
    return pooled;
  }
}
