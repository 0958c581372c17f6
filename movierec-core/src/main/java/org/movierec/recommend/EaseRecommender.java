package org.movierec.recommend;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_MT_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.movierec.data.IdIndex;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data"): an item-item model in closed form. With
 * X the binary user-movie matrix of the training ratings (any rating counts as an interaction), {@code P = (X^T X +
 * lambda I)^-1} and {@code B = I - P diagMat(1 / diag(P))}, so that {@code B[i][j] = -P[i][j] / P[j][j]} off the
 * diagonal and 0 on it. A user's scores are {@code x_u B}: for each movie, the sum of its column over the rows of the
 * movies the user rated in training.
 *
 * <p>Any other history, such as a new user's few ratings, is folded in without retraining ({@link
 * #scores(UserProfile, int[], float[])}, Steck's fold-in): the scores are {@code sum over the profile's rated movies i
 * of w(stars_i) B'[i][j]}, plus a popularity prior {@code alpha log(1 + count_j) / log(1 + max count)}, where B' is B
 * computed with the fold-in's own, larger lambda, w weights a rating by its stars and count_j is movie j's number of
 * training ratings; see {@link FoldIn}. A few ratings are a much thinner history than a known user's hundred: the
 * larger lambda shrinks B' towards co-occurrence counts and the prior adds what the crowd likes, both of which a short
 * history needs.
 *
 * <p>The inverse is EJML's multi-threaded Cholesky solver (X^T X + lambda I is symmetric positive definite for lambda
 * above 0); B and B' are kept as floats, 55 MB each for MovieLens 1M's 3,706 movies (one array when both lambdas are
 * equal). A user without training ratings (cold start) has an empty x_u and would score every movie 0, so such a user
 * gets the movies' numbers of training ratings instead, as {@link PopularityRecommender#byRatings} would. A movie it
 * never saw scores 0. Immutable and safe from many threads.
 */
public final class EaseRecommender implements Scorer {
  /**
   * The default L2 weight, 500: tuned on the validation part of the ranking protocol of MovieLens 1M (seed 1), where
   * NDCG@10 was 0.2149 at 100, 0.2256 at 250 (RecBole's default), 0.2308 at 500, 0.2302 at 1000 and 0.2264 at 2000;
   * every value from 400 to 800 lies within 0.0003 of 500's, so the round value of the usual grid was kept.
   */
  public static final double DEFAULT_LAMBDA = 500;

  /**
   * How a profile's ratings are folded in: B' with its own lambda, each rated movie's row weighted by its stars, and a
   * popularity prior. The defaults were chosen on few-shot validation splits made from training users only; see
   * {@link #defaults()}.
   *
   * @param lambda the L2 weight of B', positive
   * @param starWeights w(stars): how much a rated movie's row of B' counts
   * @param popularityPrior alpha, at least 0: the weight of {@code log(1 + count_j) / log(1 + max count)} added to
   *     every movie's score; 0 for none
   */
  public record FoldIn(double lambda, StarWeights starWeights, double popularityPrior) {
    /**
     * The default fold-in lambda, 50,000: a hundred times B's. Measured with the default weights on the few-shot-5
     * validation splits (FewShotTuning in the tests: the seed-1 cold-start split's 5,436 training users, 544 of them
     * held out again with seeds 2 and 3, each revealing 5 ratings; never the test users), mean NDCG@10 at the best
     * prior of each lambda: 0.4237 at 500 (B itself), 0.4586 at 2,000, 0.4731 at 5,000, 0.4800 at 10,000, 0.4864 at
     * 20,000, 0.4897 at 50,000, 0.4874 at 100,000 and 0.4793 at 200,000. On the same splits popularity scores 0.3771,
     * segment popularity 0.4114, and plain fold-in ({@link #plain} with lambda 500) 0.3594.
     */
    public static final double DEFAULT_LAMBDA = 50_000;
    /**
     * The default weights: a rating counts as many times as its stars ({@link StarWeights#STARS}). At lambda 50,000
     * with the best prior of each (same validation), NDCG@10: equal weights 0.4849, liked only (0, 0, 0, 1, 1) 0.4805,
     * centred (-2, -1, 0, 1, 2) 0.4594, stars - 1 (0, 1, 2, 3, 4) 0.4905, stars 0.4897, stars + 1 0.4897, squares (1,
     * 4, 9, 16, 25) 0.4869. Disliked movies are better counted a little than against: their neighbours are still
     * movies of the kind the user watches. Stars - 1 was within the noise of stars, which was kept as the simpler.
     */
    public static final StarWeights DEFAULT_STAR_WEIGHTS = StarWeights.STARS;
    /**
     * The default popularity prior, 0.1. At lambda 50,000 with the default weights (same validation), NDCG@10 was
     * 0.4775 without a prior, 0.4830 at 0.02, 0.4884 at 0.05, 0.4897 at 0.1, 0.4782 at 0.2, 0.4526 at 0.5 and 0.4274
     * at 1. A smaller lambda wants a larger prior (0.5 to 1 below 10,000), a larger one none (200,000).
     */
    public static final double DEFAULT_POPULARITY_PRIOR = 0.1;

    public FoldIn {
      if (!(lambda > 0) || Double.isInfinite(lambda)) {
        throw new IllegalArgumentException("the fold-in lambda must be positive and finite, got: " + lambda);
      }
      Objects.requireNonNull(starWeights, "starWeights (StarWeights.EQUAL counts every rating once)");
      if (!(popularityPrior >= 0) || Double.isInfinite(popularityPrior)) {
        throw new IllegalArgumentException("the popularity prior must be 0 or more and finite, got: "
            + popularityPrior);
      }
    }

    /**
     * Plain fold-in: B itself ({@code lambda}), every rating counted once, no prior; what Steck's EASE does with a new
     * user's history.
     */
    public static FoldIn plain(double lambda) {
      return new FoldIn(lambda, StarWeights.EQUAL, 0);
    }

    /**
     * {@link #DEFAULT_LAMBDA}, {@link #DEFAULT_STAR_WEIGHTS}, {@link #DEFAULT_POPULARITY_PRIOR}: the best of 392
     * settings (8 lambdas x 7 weightings x 7 priors) on validation splits made from training users only, within
     * 0.001 NDCG@10 of the best measured (0.4905 against 0.4897): 1.19 x segment popularity there.
     */
    public static FoldIn defaults() {
      return new FoldIn(DEFAULT_LAMBDA, DEFAULT_STAR_WEIGHTS, DEFAULT_POPULARITY_PRIOR);
    }
  }

  /** The most movies whose n x n matrix fits in one Java array. */
  private static final int MAX_MOVIES = 46_340;

  private final double lambda;
  private final FoldIn foldIn;
  private final IdIndex movies;
  private final IdIndex users;
  /** B by movie rows 1..n, stored row-major without the unknown row: B[i][j] at (i - 1) * n + (j - 1). */
  private final float[] weights;
  /** B' (the fold-in's lambda), stored as {@link #weights}; the same array when both lambdas are equal. */
  private final float[] foldInWeights;
  /** The training movie rows of user row u: historyRows[historyStart[u] .. historyStart[u + 1]), ascending. */
  private final int[] historyStart;
  private final int[] historyRows;
  /** By movie row: the number of training ratings, the cold-start fallback. */
  private final int[] counts;
  /** By movie row: log(1 + count) / log(1 + max count), the fold-in's popularity prior before its weight. */
  private final float[] popularity;

  private EaseRecommender(double lambda, FoldIn foldIn, IdIndex movies, IdIndex users, float[] weights,
      float[] foldInWeights, int[] historyStart, int[] historyRows, int[] counts, float[] popularity) {
    this.lambda = lambda;
    this.foldIn = foldIn;
    this.movies = movies;
    this.users = users;
    this.weights = weights;
    this.foldInWeights = foldInWeights;
    this.historyStart = historyStart;
    this.historyRows = historyRows;
    this.counts = counts;
    this.popularity = popularity;
  }

  /** {@link #fit(Ratings, double, FoldIn)} with {@link #DEFAULT_LAMBDA} and {@link FoldIn#defaults()}. */
  public static EaseRecommender fit(Ratings train) {
    return fit(train, DEFAULT_LAMBDA, FoldIn.defaults());
  }

  /** {@link #fit(Ratings, double, FoldIn)} with {@link FoldIn#defaults()}. */
  public static EaseRecommender fit(Ratings train, double lambda) {
    return fit(train, lambda, FoldIn.defaults());
  }

  /**
   * Computes B, and B' for the fold-in, from the training ratings.
   *
   * @param lambda the L2 weight of B (known users), positive
   * @param foldIn how a profile's ratings are folded in
   * @throws IllegalArgumentException if lambda is not positive or {@code train} is empty
   */
  public static EaseRecommender fit(Ratings train, double lambda, FoldIn foldIn) {
    if (!(lambda > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be positive and finite, got: " + lambda);
    }
    Objects.requireNonNull(foldIn, "foldIn (FoldIn.defaults(), or FoldIn.plain(lambda) for B itself)");
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot learn from no ratings");
    }
    int[] userIds = new int[train.size()];
    int[] movieIds = new int[train.size()];
    for (int i = 0; i < train.size(); i++) {
      userIds[i] = train.userId(i);
      movieIds[i] = train.movieId(i);
    }
    IdIndex users = IdIndex.of(userIds);
    IdIndex movies = IdIndex.of(movieIds);
    int[] counts = new int[movies.rows()];
    // Distinct (user row, movie row) pairs, sorted, give each user's history in CSR form.
    long[] pairs = new long[train.size()];
    for (int i = 0; i < pairs.length; i++) {
      int movieRow = movies.row(movieIds[i]);
      counts[movieRow]++;
      pairs[i] = ((long) users.row(userIds[i]) << 32) | movieRow;
    }
    Arrays.sort(pairs);
    int distinct = 0;
    for (int i = 0; i < pairs.length; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        pairs[distinct++] = pairs[i];
      }
    }
    int[] historyStart = new int[users.rows() + 1];
    int[] historyRows = new int[distinct];
    for (int i = 0; i < distinct; i++) {
      historyStart[(int) (pairs[i] >>> 32) + 1]++;
      historyRows[i] = (int) pairs[i];
    }
    for (int u = 0; u < users.rows(); u++) {
      historyStart[u + 1] += historyStart[u];
    }
    float[] weights = weights(movies.size(), historyStart, historyRows, lambda);
    float[] foldInWeights = foldIn.lambda() == lambda ? weights
        : weights(movies.size(), historyStart, historyRows, foldIn.lambda());
    int max = Arrays.stream(counts).max().orElse(0);
    float[] popularity = new float[counts.length];
    for (int m = 1; m < counts.length; m++) {
      popularity[m] = (float) (Math.log1p(counts[m]) / Math.log1p(max));
    }
    return new EaseRecommender(lambda, foldIn, movies, users, weights, foldInWeights, historyStart, historyRows,
        counts, popularity);
  }

  /**
   * The same model folding profiles in another way; B and the training data stay. B' is shared when the lambda is
   * this model's fold-in lambda or B's, and computed from the training histories otherwise (as long as a fit).
   */
  public EaseRecommender withFoldIn(FoldIn other) {
    Objects.requireNonNull(other, "other");
    float[] otherWeights = other.lambda() == foldIn.lambda() ? foldInWeights
        : other.lambda() == lambda ? weights
        : weights(movies.size(), historyStart, historyRows, other.lambda());
    return new EaseRecommender(lambda, other, movies, users, weights, otherWeights, historyStart, historyRows, counts,
        popularity);
  }

  /** B for n movies (rows 1..n) from the users' histories. */
  private static float[] weights(int n, int[] historyStart, int[] historyRows, double lambda) {
    if (n > MAX_MOVIES) {
      throw new IllegalArgumentException("EASE keeps a dense movie-by-movie matrix; at most " + MAX_MOVIES
          + " movies fit in one array, got: " + n);
    }
    // The Gram matrix X^T X: co-occurrence counts. Each of two halves of the rows is filled by its own thread.
    double[] gram = new double[n * n];
    int users = historyStart.length - 1;
    IntStream.range(0, 2).parallel().forEach(half -> {
      for (int u = 0; u < users; u++) {
        for (int a = historyStart[u]; a < historyStart[u + 1]; a++) {
          int i = historyRows[a] - 1;
          if (i % 2 != half) {
            continue;
          }
          int rowStart = i * n;
          for (int b = historyStart[u]; b < historyStart[u + 1]; b++) {
            gram[rowStart + historyRows[b] - 1] += 1;
          }
        }
      }
    });
    for (int i = 0; i < n; i++) {
      gram[i * n + i] += lambda;
    }
    DMatrixRMaj a = DMatrixRMaj.wrap(n, n, gram);
    DMatrixRMaj p = new DMatrixRMaj(n, n);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_MT_DDRM.symmPosDef(n);
    if (!solver.setA(a)) {
      throw new IllegalStateException("X^T X + " + lambda + " I is not positive definite; is lambda too small?");
    }
    solver.invert(p);
    double[] inverse = p.data;
    float[] b = new float[n * n];
    IntStream.range(0, n).parallel().forEach(i -> {
      int rowStart = i * n;
      for (int j = 0; j < n; j++) {
        b[rowStart + j] = i == j ? 0f : (float) (-inverse[rowStart + j] / inverse[j * n + j]);
      }
    });
    return b;
  }

  @Override
  public String name() {
    return "ease";
  }

  /** B's lambda: known users' scores. */
  public double lambda() {
    return lambda;
  }

  public FoldIn foldIn() {
    return foldIn;
  }

  /** B[i][j] for two movie ids: how much having rated movie i adds to the score of movie j; 0 for unknown movies. */
  public float weight(int fromMovieId, int toMovieId) {
    return weight(weights, fromMovieId, toMovieId);
  }

  /** B'[i][j], as {@link #weight} but with the fold-in's lambda. */
  public float foldInWeight(int fromMovieId, int toMovieId) {
    return weight(foldInWeights, fromMovieId, toMovieId);
  }

  private float weight(float[] b, int fromMovieId, int toMovieId) {
    int i = movies.row(fromMovieId);
    int j = movies.row(toMovieId);
    return i == 0 || j == 0 ? 0f : b[(i - 1) * movies.size() + j - 1];
  }

  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    int u = user.isNew() ? 0 : users.row(user.id());
    if (u == 0) {
      for (int i = 0; i < movieIds.length; i++) {
        out[i] = counts[movies.row(movieIds[i])];
      }
      return;
    }
    int n = movies.size();
    float[] all = new float[n];
    for (int a = historyStart[u]; a < historyStart[u + 1]; a++) {
      int rowStart = (historyRows[a] - 1) * n;
      for (int j = 0; j < n; j++) {
        all[j] += weights[rowStart + j];
      }
    }
    for (int i = 0; i < movieIds.length; i++) {
      int j = movies.row(movieIds[i]);
      out[i] = j == 0 ? 0f : all[j - 1];
    }
  }

  /**
   * Folds the profile's ratings in ({@link FoldIn}), whoever the user is: the profile replaces a known user's training
   * history. Ratings of movies it never saw add nothing; a profile with no rating of a movie it saw is scored as
   * {@link #scores(User, int[], float[])} scores {@code profile.user()} (a new user: the numbers of training ratings).
   * The scores do not depend on the order of the profile's ratings.
   */
  @Override
  public void scores(UserProfile profile, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    int n = movies.size();
    float[] all = null;
    for (RatedMovie r : ItemKnnRecommender.sortedByMovie(profile)) {
      int i = movies.row(r.movieId());
      if (i == 0) {
        continue;
      }
      if (all == null) {
        all = new float[n];
      }
      float w = foldIn.starWeights().of(r.stars());
      int rowStart = (i - 1) * n;
      for (int j = 0; j < n; j++) {
        all[j] += w * foldInWeights[rowStart + j];
      }
    }
    if (all == null) {
      scores(profile.user(), movieIds, out);
      return;
    }
    float prior = (float) foldIn.popularityPrior();
    for (int i = 0; i < movieIds.length; i++) {
      int j = movies.row(movieIds[i]);
      out[i] = j == 0 ? 0f : all[j - 1] + prior * popularity[j];
    }
  }

  @Override
  public String toString() {
    return "EaseRecommender[lambda " + lambda + ", " + users.size() + " users, " + movies.size() + " movies, " + foldIn
        + "]";
  }
}
