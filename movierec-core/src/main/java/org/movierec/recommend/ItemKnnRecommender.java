package org.movierec.recommend;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.movierec.data.IdIndex;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * Item-based k nearest neighbours (Sarwar et al. 2001; Deshpande and Karypis 2004, "Item-based top-N recommendation
 * algorithms"). Each movie is a column of the training ratings, one entry per user who rated it: 1 ({@link
 * Similarity#BINARY}) or the stars ({@link Similarity#STARS}). The similarity of two movies is the cosine of their
 * columns, {@code sim(i, j) = sum_u x_ui x_uj / (|x_i| |x_j|)}; each movie keeps its {@code k} most similar other
 * movies (ties: the smaller movie id), and every other similarity counts as 0. A history scores movie j with {@code
 * sum over the rated movies i of w(stars_i) sim_k(i, j)}, where {@code sim_k(i, j)} is the similarity if j is one of
 * i's k neighbours, else 0, and w is {@link Params#history()}.
 *
 * <p>A known user's history is the user's training ratings ({@link #scores(User, int[], float[])}); any other history,
 * such as a new user's few ratings, is read from a profile without retraining ({@link #scores(UserProfile, int[],
 * float[])}: the profile's ratings replace the training history). A user without a history (a new user without
 * ratings, a user the training data never saw) gets the movies' numbers of training ratings, as {@link
 * EaseRecommender} does. A movie it never saw scores 0; so does a movie no rated movie has as a neighbour.
 *
 * <p>Fitting is multi-threaded (one movie's similarities per task, summed in a fixed order), so the model is the same
 * on every run. Immutable and safe from many threads.
 */
public final class ItemKnnRecommender implements Scorer {
  /**
   * The default number of neighbours kept per movie: 1,000. Measured with star similarities and star weights on the
   * few-shot-5 validation splits EASE's fold-in was tuned on (FewShotTuning in the tests: the seed-1 cold-start
   * split's training users, 544 of them held out again with seeds 2 and 3, each revealing 5 ratings; never the test
   * users), mean NDCG@10: 0.3929 with k = 10, 0.4135 with 20, 0.4332 with 50, 0.4409 with 100, 0.4510 with 200,
   * 0.4647 with 500, 0.4673 with 1,000, 0.4676 with 2,000 and with every movie. A few ratings reach few movies through
   * short neighbour lists; past 1,000 nothing is gained. On the same splits popularity scores 0.3771, segment
   * popularity 0.4114.
   */
  public static final int DEFAULT_K = 1000;
  /**
   * The default similarity: the cosine of the star columns. With k = 1,000 and star weights (same validation),
   * NDCG@10 was 0.4673, against 0.4508 for binary columns; star columns win at every k from 10 to every movie.
   */
  public static final Similarity DEFAULT_SIMILARITY = Similarity.STARS;
  /**
   * The default history weights: a rating counts as many times as its stars. With k = 1,000 and star similarities
   * (same validation), NDCG@10: equal weights 0.4596, liked only (0, 0, 0, 1, 1) 0.4436, centred (-2, -1, 0, 1, 2)
   * 0.3821, stars - 1 (0, 1, 2, 3, 4) 0.4673, stars 0.4673, stars + 1 0.4659, squares (1, 4, 9, 16, 25) 0.4657.
   */
  public static final StarWeights DEFAULT_HISTORY = StarWeights.STARS;

  /** What a movie's column holds for a user who rated it. */
  public enum Similarity {
    /** 1: the cosine counts who rated both movies, whatever the stars. */
    BINARY,
    /** The stars: users who liked both movies count more than users who rated both. */
    STARS
  }

  /**
   * What {@link #fit(Ratings, Params)} learns with.
   *
   * @param k the neighbours kept per movie, at least 1
   * @param similarity what the cosine is taken of
   * @param history how much a rated movie counts by its stars, when a history is scored
   */
  public record Params(int k, Similarity similarity, StarWeights history) {
    public Params {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, got: " + k);
      }
      Objects.requireNonNull(similarity, "similarity");
      Objects.requireNonNull(history, "history (StarWeights.EQUAL counts every rating once)");
    }

    /** {@link #DEFAULT_K}, {@link #DEFAULT_SIMILARITY}, {@link #DEFAULT_HISTORY}. */
    public static Params defaults() {
      return new Params(DEFAULT_K, DEFAULT_SIMILARITY, DEFAULT_HISTORY);
    }

    public Params withK(int newK) {
      return new Params(newK, similarity, history);
    }
  }

  private final Params params;
  private final IdIndex movies;
  private final IdIndex users;
  /** The neighbours of movie row m: rows and similarities at [neighbourStart[m], neighbourStart[m + 1]), best first. */
  private final int[] neighbourStart;
  private final int[] neighbourRows;
  private final float[] neighbourSimilarities;
  /** The training history of user row u: movie rows and stars at [historyStart[u], historyStart[u + 1]). */
  private final int[] historyStart;
  private final int[] historyRows;
  private final byte[] historyStars;
  /** By movie row: the number of training ratings, the fallback for a user without history. */
  private final int[] counts;

  private ItemKnnRecommender(Params params, IdIndex movies, IdIndex users, int[] neighbourStart, int[] neighbourRows,
      float[] neighbourSimilarities, int[] historyStart, int[] historyRows, byte[] historyStars, int[] counts) {
    this.params = params;
    this.movies = movies;
    this.users = users;
    this.neighbourStart = neighbourStart;
    this.neighbourRows = neighbourRows;
    this.neighbourSimilarities = neighbourSimilarities;
    this.historyStart = historyStart;
    this.historyRows = historyRows;
    this.historyStars = historyStars;
    this.counts = counts;
  }

  /** {@link #fit(Ratings, Params)} with {@link Params#defaults()}. */
  public static ItemKnnRecommender fit(Ratings train) {
    return fit(train, Params.defaults());
  }

  /**
   * Computes every movie's neighbours from the training ratings. A (user, movie) pair rated twice counts once, with
   * the later row's stars.
   *
   * @throws IllegalArgumentException if {@code train} is empty
   */
  public static ItemKnnRecommender fit(Ratings train, Params params) {
    Objects.requireNonNull(params, "params");
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
    // The rows of each user (rows ascending), then each user's (movie row, row) pairs sorted: movies ascending, a
    // repeated movie's later row last.
    int[] rowsStart = new int[users.rows() + 1];
    for (int i = 0; i < train.size(); i++) {
      counts[movies.row(movieIds[i])]++;
      rowsStart[users.row(userIds[i]) + 1]++;
    }
    for (int u = 0; u < users.rows(); u++) {
      rowsStart[u + 1] += rowsStart[u];
    }
    long[] keys = new long[train.size()];
    int[] filled = rowsStart.clone();
    for (int i = 0; i < train.size(); i++) {
      keys[filled[users.row(userIds[i])]++] = ((long) movies.row(movieIds[i]) << 32) | i;
    }
    int[] historyStart = new int[users.rows() + 1];
    int[] historyRows = new int[keys.length];
    byte[] historyStars = new byte[keys.length];
    int distinct = 0;
    for (int u = 1; u < users.rows(); u++) {
      Arrays.sort(keys, rowsStart[u], rowsStart[u + 1]);
      for (int k = rowsStart[u]; k < rowsStart[u + 1]; k++) {
        int movieRow = (int) (keys[k] >>> 32);
        if (k == rowsStart[u] || movieRow != (int) (keys[k - 1] >>> 32)) {
          distinct++;
        }
        historyRows[distinct - 1] = movieRow;
        historyStars[distinct - 1] = (byte) train.stars((int) keys[k]);
      }
      historyStart[u + 1] = distinct;
    }
    historyRows = Arrays.copyOf(historyRows, distinct);
    historyStars = Arrays.copyOf(historyStars, distinct);
    int n = movies.size();
    int[][] neighbours = new int[n + 1][];
    float[][] similarities = new float[n + 1][];
    neighbours(n, historyStart, historyRows, historyStars, params, neighbours, similarities);
    int[] neighbourStart = new int[n + 2]; // row 0 (unknown) has none
    for (int m = 1; m <= n; m++) {
      neighbourStart[m + 1] = neighbourStart[m] + neighbours[m].length;
    }
    int[] neighbourRows = new int[neighbourStart[n + 1]];
    float[] neighbourSimilarities = new float[neighbourRows.length];
    for (int m = 1; m <= n; m++) {
      System.arraycopy(neighbours[m], 0, neighbourRows, neighbourStart[m], neighbours[m].length);
      System.arraycopy(similarities[m], 0, neighbourSimilarities, neighbourStart[m], similarities[m].length);
    }
    return new ItemKnnRecommender(params, movies, users, neighbourStart, neighbourRows, neighbourSimilarities,
        historyStart, historyRows, historyStars, counts);
  }

  /** Fills the k best neighbours (rows, similarities) of each movie row 1..n, best first, ties by smaller row. */
  private static void neighbours(int n, int[] historyStart, int[] historyRows, byte[] historyStars, Params params,
      int[][] neighbours, float[][] similarities) {
    boolean stars = params.similarity() == Similarity.STARS;
    // Each movie's column: its users (rows) and values, users ascending.
    int[] columnStart = new int[n + 2];
    for (int row : historyRows) {
      columnStart[row + 1]++;
    }
    for (int m = 0; m <= n; m++) {
      columnStart[m + 1] += columnStart[m];
    }
    int[] columnUsers = new int[historyRows.length];
    float[] columnValues = new float[historyRows.length];
    int[] filled = columnStart.clone();
    double[] squaredNorms = new double[n + 1];
    for (int u = 0; u + 1 < historyStart.length; u++) {
      for (int a = historyStart[u]; a < historyStart[u + 1]; a++) {
        int m = historyRows[a];
        float value = stars ? historyStars[a] : 1f;
        columnUsers[filled[m]] = u;
        columnValues[filled[m]++] = value;
        squaredNorms[m] += (double) value * value;
      }
    }
    int k = params.k();
    IntStream.rangeClosed(1, n).parallel().forEach(i -> {
      double[] dot = new double[n + 1];
      for (int c = columnStart[i]; c < columnStart[i + 1]; c++) {
        int u = columnUsers[c];
        double vi = columnValues[c];
        for (int a = historyStart[u]; a < historyStart[u + 1]; a++) {
          dot[historyRows[a]] += vi * (stars ? historyStars[a] : 1);
        }
      }
      // Keys ascending = similarity descending, then row ascending: (MAX - float bits) << 32 | row.
      long[] keys = new long[n];
      int count = 0;
      for (int j = 1; j <= n; j++) {
        if (j != i && dot[j] > 0) {
          float sim = (float) (dot[j] / Math.sqrt(squaredNorms[i] * squaredNorms[j]));
          keys[count++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(sim)) << 32) | j;
        }
      }
      Arrays.sort(keys, 0, count);
      int kept = Math.min(k, count);
      int[] rows = new int[kept];
      float[] sims = new float[kept];
      for (int r = 0; r < kept; r++) {
        rows[r] = (int) keys[r];
        sims[r] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keys[r] >>> 32));
      }
      neighbours[i] = rows;
      similarities[i] = sims;
    });
  }

  /**
   * The same similarities with fewer (or as many) neighbours per movie, or other history weights, without refitting:
   * equal to a fit with {@code other}.
   *
   * @throws IllegalArgumentException if {@code other} asks for another similarity or more neighbours than this keeps
   */
  public ItemKnnRecommender with(Params other) {
    Objects.requireNonNull(other, "other");
    if (other.similarity() != params.similarity() || other.k() > params.k()) {
      throw new IllegalArgumentException("this item kNN has " + params.similarity() + " similarities and keeps "
          + params.k() + " neighbours per movie; it can keep fewer or weigh histories otherwise, but for " + other
          + " fit again");
    }
    int n = movies.size();
    int[] start = new int[n + 2];
    for (int m = 1; m <= n; m++) {
      start[m + 1] = start[m] + Math.min(other.k(), neighbourStart[m + 1] - neighbourStart[m]);
    }
    int[] rows = new int[start[n + 1]];
    float[] sims = new float[rows.length];
    for (int m = 1; m <= n; m++) {
      System.arraycopy(neighbourRows, neighbourStart[m], rows, start[m], start[m + 1] - start[m]);
      System.arraycopy(neighbourSimilarities, neighbourStart[m], sims, start[m], start[m + 1] - start[m]);
    }
    return new ItemKnnRecommender(other, movies, users, start, rows, sims, historyStart, historyRows, historyStars,
        counts);
  }

  @Override
  public String name() {
    return "item-knn";
  }

  public Params params() {
    return params;
  }

  /**
   * The kept similarity {@code sim_k(from, to)}: the cosine of the two movies if {@code to} is one of {@code from}'s k
   * neighbours, else 0 (also for a movie it never saw). Not symmetric once neighbours are cut to k.
   */
  public float similarity(int fromMovieId, int toMovieId) {
    int i = movies.row(fromMovieId);
    int j = movies.row(toMovieId);
    if (i == 0 || j == 0) {
      return 0f;
    }
    for (int a = neighbourStart[i]; a < neighbourStart[i + 1]; a++) {
      if (neighbourRows[a] == j) {
        return neighbourSimilarities[a];
      }
    }
    return 0f;
  }

  /** The movies most similar to this one, best first (at most k); empty for a movie it never saw. */
  public int[] neighbours(int movieId) {
    int i = movies.row(movieId);
    if (i == 0) {
      return new int[0];
    }
    return IntStream.range(neighbourStart[i], neighbourStart[i + 1]).map(a -> movies.id(neighbourRows[a])).toArray();
  }

  /** A known user's scores from the training ratings; any other user's from the movies' numbers of ratings. */
  @Override
  public void scores(User user, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    int u = user.isNew() ? 0 : users.row(user.id());
    if (u == 0) {
      popularity(movieIds, out);
      return;
    }
    float[] all = new float[movies.rows()];
    for (int a = historyStart[u]; a < historyStart[u + 1]; a++) {
      add(all, historyRows[a], params.history().of(historyStars[a]));
    }
    pick(all, movieIds, out);
  }

  /**
   * Scores from the profile's ratings, whoever the user is; ratings of movies it never saw add nothing. A profile with
   * no rating of a movie it saw is scored as {@link #scores(User, int[], float[])} scores {@code profile.user()}. The
   * scores do not depend on the order of the profile's ratings.
   */
  @Override
  public void scores(UserProfile profile, int[] movieIds, float[] out) {
    Scorer.checkLengths(movieIds, out);
    int[] rows = new int[profile.ratings().size()];
    float[] weights = new float[rows.length];
    int known = 0;
    for (RatedMovie r : sortedByMovie(profile)) {
      int row = movies.row(r.movieId());
      if (row != 0) {
        rows[known] = row;
        weights[known++] = params.history().of(r.stars());
      }
    }
    if (known == 0) {
      scores(profile.user(), movieIds, out);
      return;
    }
    float[] all = new float[movies.rows()];
    for (int r = 0; r < known; r++) {
      add(all, rows[r], weights[r]);
    }
    pick(all, movieIds, out);
  }

  static RatedMovie[] sortedByMovie(UserProfile profile) {
    RatedMovie[] sorted = profile.ratings().toArray(new RatedMovie[0]);
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.movieId(), b.movieId()));
    return sorted;
  }

  private void add(float[] all, int movieRow, float weight) {
    if (weight == 0) {
      return;
    }
    for (int a = neighbourStart[movieRow]; a < neighbourStart[movieRow + 1]; a++) {
      all[neighbourRows[a]] += weight * neighbourSimilarities[a];
    }
  }

  private void pick(float[] byRow, int[] movieIds, float[] out) {
    for (int i = 0; i < movieIds.length; i++) {
      out[i] = byRow[movies.row(movieIds[i])]; // row 0 (unknown) stays 0
    }
  }

  private void popularity(int[] movieIds, float[] out) {
    for (int i = 0; i < movieIds.length; i++) {
      out[i] = counts[movies.row(movieIds[i])];
    }
  }

  @Override
  public String toString() {
    return "ItemKnnRecommender[k " + params.k() + ", " + params.similarity() + " cosine, " + users.size() + " users, "
        + movies.size() + " movies]";
  }
}
