package org.movierec.index;

/**
 * Vectors quantized to one signed byte per element and stored by dimension, for a first, approximate pass over a
 * catalog: element {@code j} of vector {@code i} is {@code scale[j] * code} plus a residual, with {@code code} in
 * -127..127 and {@code scale[j]} the largest {@code |element j|} over 127. A quarter of the floats' bytes, so that
 * ml-1m's 3,883 × 257 vectors (1 MB) stay in a core's cache where the floats (4 MB) had to come from memory on every
 * query, which was most of a search's time; stored by dimension, one pass keeps a block of sums in vector registers.
 *
 * <p>{@link #radius(int)} bounds how far an approximate score is from the exact one, row by row: {@link ExactScan}
 * re-scores exactly the rows whose interval can reach the best {@code k}. Immutable.
 */
final class QuantizedColumns {
  private static final double UNIT = Math.scalb(1.0, -24);
  /** Rows are padded to a multiple of this, a whole number of {@link SimdScan}'s blocks on any vector size. */
  private static final int PADDING = 64;

  private final byte[] codes;
  private final float[] scales;
  private final double[] radii;
  private final int size;
  private final int stride; // size rounded up to whole SIMD blocks; the padding rows are zero
  private final int dimension;

  private QuantizedColumns(byte[] codes, float[] scales, double[] radii, int size, int stride, int dimension) {
    this.codes = codes;
    this.scales = scales;
    this.radii = radii;
    this.size = size;
    this.stride = stride;
    this.dimension = dimension;
  }

  /**
   * The quantized columns of these vectors, each of {@code dimension} finite elements, one after the other.
   *
   * <p>A row's radius: with {@code r} its residual ({@code v - scale · code}), {@code |Σ q_j r_j| ≤ |q| |r|}
   * (Cauchy-Schwarz). The float sum of the quantized products errs by at most {@code γ(d + 1) Σ|q_j scale_j code_j|
   * ≤ γ(d + 1) |q| (|v| + |r|)} (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 3.1; {@code γ(n) = n
   * u / (1 - n u)}, {@code u = 2^-24}, one more rounding for {@code q_j · scale_j}); the exact score rounded to float
   * moves by {@code u |q| |v|} more, its double sum by {@code d 2^-53 |q| |v|}. The radius is their sum per unit of
   * {@code |q|}, made 1 % larger against the rounding of these very bounds.
   */
  static QuantizedColumns of(FlatVectors rows) {
    int n = rows.size();
    int d = rows.dimension();
    float[] scales = new float[d];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < d; j++) {
        scales[j] = Math.max(scales[j], Math.abs(rows.element(r, j)));
      }
    }
    for (int j = 0; j < d; j++) {
      scales[j] /= 127f;
    }
    int stride = Math.addExact(n, PADDING - 1) / PADDING * PADDING;
    byte[] codes = new byte[Math.multiplyExact(stride, d)];
    double[] radii = new double[n];
    double gamma = (d + 1) * UNIT / (1 - (d + 1) * UNIT);
    for (int r = 0; r < n; r++) {
      double vv = 0;
      double rr = 0;
      for (int j = 0; j < d; j++) {
        float v = rows.element(r, j);
        int code = scales[j] == 0 ? 0 : Math.max(-127, Math.min(127, Math.round(v / scales[j])));
        codes[j * stride + r] = (byte) code;
        double residual = v - (double) scales[j] * code;
        vv += (double) v * v;
        rr += residual * residual;
      }
      double norm = Math.sqrt(vv);
      double residualNorm = Math.sqrt(rr);
      radii[r] = 1.01 * (residualNorm + gamma * (norm + residualNorm) + (UNIT + d * Math.scalb(1.0, -53)) * norm);
    }
    return new QuantizedColumns(codes, scales, radii, n, stride, d);
  }

  int size() {
    return size;
  }

  /** A bound on {@code |approximate score - exact score|} of row {@code row}, per unit of the query's length. */
  double radius(int row) {
    return radii[row];
  }

  /**
   * Whether the JVM has the Vector API ({@code --add-modules jdk.incubator.vector}): then {@link SimdScan} scores,
   * 16 lanes at a time on AVX-512; the plain loop below gives the same sums.
   */
  static final boolean SIMD = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  /**
   * Every row's approximate score: {@code Σ_j fl(q_j · scale_j) · code_j} in float, in order of j. A new array, of
   * at least {@link #size()} elements (those past it are the padding's zeros).
   */
  float[] approximateScores(float[] q) {
    float[] weights = new float[dimension];
    for (int j = 0; j < dimension; j++) {
      weights[j] = q[j] * scales[j];
    }
    float[] sums = new float[stride];
    if (SIMD) {
      SimdScan.scores(weights, codes, stride, sums);
      return sums;
    }
    for (int j = 0; j < dimension; j++) {
      float w = weights[j];
      int at = j * stride;
      for (int i = 0; i < stride; i++) {
        sums[i] = Math.fma(w, codes[at + i], sums[i]);
      }
    }
    return sums;
  }
}
