package org.movierec.model;

/** Solves a small symmetric positive definite system by Cholesky decomposition, in place. */
final class Cholesky {
  private Cholesky() {}

  /**
   * Solves {@code A x = b} for {@code A} of {@code n x n}, row-major, of which only the lower triangle is read; {@code
   * A} is overwritten with its factor and {@code b} with {@code x}, which is returned.
   *
   * @throws IllegalStateException when {@code A} is not positive definite
   */
  static double[] solveInPlace(double[] a, int n, double[] b) {
    for (int j = 0; j < n; j++) {
      int rowJ = j * n;
      double diagonal = a[rowJ + j];
      for (int p = 0; p < j; p++) {
        diagonal -= a[rowJ + p] * a[rowJ + p];
      }
      if (!(diagonal > 0)) {
        throw new IllegalStateException("the system of " + n + " unknowns is not positive definite");
      }
      double l = Math.sqrt(diagonal);
      a[rowJ + j] = l;
      for (int i = j + 1; i < n; i++) {
        int rowI = i * n;
        double sum = a[rowI + j];
        for (int p = 0; p < j; p++) {
          sum -= a[rowI + p] * a[rowJ + p];
        }
        a[rowI + j] = sum / l;
      }
    }
    for (int i = 0; i < n; i++) { // L y = b
      int rowI = i * n;
      double sum = b[i];
      for (int p = 0; p < i; p++) {
        sum -= a[rowI + p] * b[p];
      }
      b[i] = sum / a[rowI + i];
    }
    for (int i = n - 1; i >= 0; i--) { // L' x = y
      double sum = b[i];
      for (int p = i + 1; p < n; p++) {
        sum -= a[p * n + i] * b[p];
      }
      b[i] = sum / a[i * n + i];
    }
    return b;
  }
}
