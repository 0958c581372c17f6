package org.movierec.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.movierec.data.RatedMovie;

/**
 * A biased matrix factorization whose user half is not stored: {@code stars = mu + b[m] + bu + pu . q[m]}, where the
 * movie biases {@code b} and vectors {@code q} are learned once and a user's bias {@code bu} and vector {@code pu} are
 * fitted from the user's ratings whenever they are asked for, by ridge regression against the fixed movie side:
 * minimise {@code sum (stars - mu - b[m] - bu - pu . q[m])^2 + n (lambda |pu|^2 + lambdaBias bu^2)} over the user's n
 * ratings. Those penalties are what stochastic gradient descent with per-rating regularization minimises, so a
 * training user's fitted factors are close to the learned ones, and a rating added later changes them at once.
 * Immutable and safe from many threads.
 *
 * @param mu the mean rating
 * @param movieBias {@code [movieRows]}, row 0 the unknown movie (0)
 * @param movieVectors {@code [movieRows, k]}, row 0 the unknown movie (zeros)
 * @param regularization lambda of the user vector, per rating; positive
 * @param biasRegularization lambda of the user bias, per rating; positive
 */
public record FoldInFactors(float mu, Tensor movieBias, Tensor movieVectors, float regularization,
    float biasRegularization) {

  public FoldInFactors {
    Objects.requireNonNull(movieBias, "movieBias");
    Objects.requireNonNull(movieVectors, "movieVectors");
    if (movieBias.shape().length != 1 || movieVectors.shape().length != 2
        || movieVectors.rows() != movieBias.rows()) {
      throw new IllegalArgumentException("movie biases [rows] and vectors [rows, k] must have the same rows, got "
          + Arrays.toString(movieBias.shape()) + " and " + Arrays.toString(movieVectors.shape()));
    }
    if (!(regularization > 0) || !(biasRegularization > 0)) {
      throw new IllegalArgumentException("regularizations must be positive, got: " + regularization + " and "
          + biasRegularization);
    }
  }

  /** The length of the user and movie vectors. */
  public int factors() {
    return movieVectors.cols();
  }

  /**
   * The user's bias and vector, {@code [bu, pu...]}, fitted from their ratings; zeros for none.
   *
   * @param rowOf the movie row of a movie id (0 for a movie the factorization never saw: its bias and vector are 0)
   */
  public float[] fitUser(List<RatedMovie> ratings, IntUnaryOperator rowOf) {
    int k = factors();
    int d = k + 1;
    float[] user = new float[d];
    int n = ratings.size();
    if (n == 0) {
      return user;
    }
    if (n < d) {
      return fitFewRatings(ratings, rowOf);
    }
    double[] a = new double[d * d]; // X'X + penalties
    double[] b = new double[d];
    double[] x = new double[d];
    float[] q = movieVectors.data();
    for (RatedMovie r : ratings) {
      int row = rowOf.applyAsInt(r.movieId());
      x[0] = 1;
      for (int f = 0; f < k; f++) {
        x[f + 1] = q[row * k + f];
      }
      double residual = r.stars() - mu - movieBias.data()[row];
      for (int i = 0; i < d; i++) {
        double xi = x[i];
        b[i] += xi * residual;
        int at = i * d;
        if (Dense.SIMD) { // the same sums, in the same order, 8 at a time (no alias-free loop for the JIT here)
          SimdKernels.addScaled(a, at + i, xi, x, i, d - i);
          continue;
        }
        for (int j = i; j < d; j++) { // the upper triangle; mirrored below
          a[at + j] += xi * x[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        a[i * d + j] = a[j * d + i];
      }
    }
    a[0] += (double) biasRegularization * n;
    for (int i = 1; i < d; i++) {
      a[i * d + i] += (double) regularization * n;
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(d);
    if (!solver.setA(DMatrixRMaj.wrap(d, d, a))) { // cannot happen: the penalties make it positive definite
      throw new IllegalStateException("the fold-in system of " + n + " ratings is not positive definite");
    }
    DMatrixRMaj solution = new DMatrixRMaj(d, 1);
    solver.solve(DMatrixRMaj.wrap(d, 1, b), solution);
    for (int i = 0; i < d; i++) {
      user[i] = (float) solution.data[i];
    }
    return user;
  }

  /**
   * The same minimum for fewer ratings than unknowns, through the n x n system instead of the d x d one (Woodbury):
   * with {@code X} the ratings' rows {@code [1, q[m]]}, {@code D} the penalties and {@code r} the residuals, {@code
   * (X'X + D)^-1 X'r = D^-1 X' (X D^-1 X' + I)^-1 r}. A new user who rated 3 movies then solves a 3 x 3 system where
   * the normal equations needed a 101 x 101 one (about 0.3 ms); the factors differ in the last bits of the doubles
   * only, which the rounding to float hides.
   */
  private float[] fitFewRatings(List<RatedMovie> ratings, IntUnaryOperator rowOf) {
    int k = factors();
    int d = k + 1;
    int n = ratings.size();
    float[] q = movieVectors.data();
    double biasPenalty = (double) biasRegularization * n;
    double vectorPenalty = (double) regularization * n;
    double[] xt = new double[d * n]; // X', by factor: xt[f * n + a]
    double[] r = new double[n];
    for (int a = 0; a < n; a++) {
      RatedMovie rating = ratings.get(a);
      int row = rowOf.applyAsInt(rating.movieId());
      xt[a] = 1;
      for (int f = 0; f < k; f++) {
        xt[(f + 1) * n + a] = q[row * k + f];
      }
      r[a] = rating.stars() - mu - movieBias.data()[row];
    }
    double[] m = new double[n * n]; // X D^-1 X' + I, lower triangle, built one factor at a time
    for (int f = 0; f < d; f++) {
      double inverse = 1 / (f == 0 ? biasPenalty : vectorPenalty);
      int at = f * n;
      for (int a = 0; a < n; a++) {
        double xa = xt[at + a] * inverse;
        if (xa == 0) {
          continue;
        }
        int rowA = a * n;
        if (Dense.SIMD) {
          SimdKernels.addScaled(m, rowA, xa, xt, at, a + 1);
          continue;
        }
        for (int b = 0; b <= a; b++) {
          m[rowA + b] += xa * xt[at + b];
        }
      }
    }
    for (int a = 0; a < n; a++) {
      m[a * n + a] += 1;
    }
    double[] alpha = Cholesky.solveInPlace(m, n, r);
    float[] user = new float[d];
    for (int f = 0; f < d; f++) {
      double sum = 0;
      int at = f * n;
      for (int a = 0; a < n; a++) {
        sum += xt[at + a] * alpha[a];
      }
      user[f] = (float) (sum / (f == 0 ? biasPenalty : vectorPenalty));
    }
    return user;
  }

  /** The predicted stars of a movie row for a user's fitted factors, unclipped. */
  public float predict(float[] user, int row) {
    int k = factors();
    float s = mu + movieBias.data()[row] + user[0];
    float[] q = movieVectors.data();
    for (int f = 0; f < k; f++) {
      s += user[f + 1] * q[row * k + f];
    }
    return s;
  }
}
