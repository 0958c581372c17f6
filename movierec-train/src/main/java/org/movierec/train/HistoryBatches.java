package org.movierec.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.model.FusionFeatures;
import org.movierec.model.HistoryModel;
import org.movierec.model.HistoryShape;
import org.movierec.model.ModelShape;

/**
 * Turns training users into {@link HistoryBatch}es. Each time a user is drawn, their ratings are split at random into
 * an input (the history the user tower reads) and targets (what it must find and rate): a rating is never both, so
 * the rating being predicted is never part of the history that predicts it. How many are history is drawn per user
 * and step as {@link HistorySplits} says; at least one rating is always a target.
 */
final class HistoryBatches {
  private final int movieRows;
  private final int[] userIds;
  /** By user index: the movie rows and stars of the user's training ratings. */
  private final int[][] rows;
  private final int[][] stars;
  private final User[] users;
  private final HistorySplits splits;
  private final TargetWeights targetWeights;
  private final int titleLength;
  private final float[] genreMultiHot;
  private final long[] paddedTitles;
  private final float[] titleMask;

  HistoryBatches(SeenMovies train, Map<Integer, User> users, Map<Integer, Movie> movies, FusionFeatures features,
      HistorySplits splits, TargetWeights targetWeights) {
    this.movieRows = features.movies().rows();
    this.titleLength = features.titleLength();
    this.genreMultiHot = genreMultiHot(movies, features);
    this.paddedTitles = paddedTitles(movies, features);
    this.titleMask = titleMask(movies, features);
    this.userIds = train.userIds();
    this.rows = new int[userIds.length][];
    this.stars = new int[userIds.length][];
    this.users = new User[userIds.length];
    this.splits = splits;
    this.targetWeights = targetWeights;
    for (int u = 0; u < userIds.length; u++) {
      var ratings = train.ratingsOf(userIds[u]);
      rows[u] = new int[ratings.size()];
      stars[u] = new int[ratings.size()];
      for (int i = 0; i < ratings.size(); i++) {
        RatedMovie r = ratings.get(i);
        rows[u][i] = features.movies().row(r.movieId());
        stars[u][i] = r.stars();
      }
      User user = users.get(userIds[u]);
      if (user == null) {
        throw new IllegalArgumentException("no demographics for training user " + userIds[u]);
      }
      this.users[u] = user;
    }
  }

  /** The number of training users. */
  int users() {
    return userIds.length;
  }

  /** The batch of the users {@code order[from..to)} (indexes into the training users), split at random. */
  HistoryBatch encode(NDManager manager, int[] order, int from, int to, SplittableRandom random) {
    int n = to - from;
    float[] weights = new float[n * movieRows];
    float[] starWeights = new float[n * movieRows];
    float[] targets = new float[n * movieRows];
    float[] targetStars = new float[n * movieRows];
    float[] blocked = new float[n * movieRows];
    float[] allTargets = new float[n * movieRows];
    float[] stats = new float[n * HistoryShape.HISTORY_STATS];
    long[] genders = new long[n];
    long[] ages = new long[n];
    long[] jobs = new long[n];
    for (int b = 0; b < n; b++) {
      int u = order[from + b];
      User user = users[u];
      genders[b] = user.gender().code();
      ages[b] = user.age().code();
      jobs[b] = user.occupation().code();
      boolean[] input = split(rows[u].length, random);
      int inputs = 0;
      for (boolean in : input) {
        inputs += in ? 1 : 0;
      }
      float scale = inputs == 0 ? 0f : (float) (1 / Math.sqrt(inputs));
      double starSum = 0;
      for (int i = 0; i < input.length; i++) {
        starSum += input[i] ? HistoryModel.starWeight(stars[u][i]) : 0;
      }
      System.arraycopy(HistoryModel.historyStats(inputs, starSum), 0, stats, b * HistoryShape.HISTORY_STATS,
          HistoryShape.HISTORY_STATS);
      int base = b * movieRows;
      blocked[base] = 1f; // the unknown row is never an answer
      for (int i = 0; i < input.length; i++) {
        int at = base + rows[u][i];
        allTargets[at] = targetWeights.of(stars[u][i]);
        if (input[i]) {
          weights[at] = scale;
          starWeights[at] = scale * HistoryModel.starWeight(stars[u][i]);
          blocked[at] = 1f;
        } else {
          targets[at] = targetWeights.of(stars[u][i]);
          targetStars[at] = stars[u][i];
        }
      }
    }
    Shape shape = new Shape(n, movieRows);
    return new HistoryBatch(manager.create(weights, shape), manager.create(starWeights, shape),
        manager.create(stats, new Shape(n, HistoryShape.HISTORY_STATS)), manager.create(genders),
        manager.create(ages), manager.create(jobs), manager.create(targets, shape), manager.create(targetStars, shape),
        manager.create(blocked, shape), manager.create(allTargets, shape));
  }

  /** Which of a user's {@code count} ratings are inputs this time; at least one is not. */
  private boolean[] split(int count, SplittableRandom random) {
    boolean[] input = new boolean[count];
    float kind = random.nextFloat();
    if (kind < splits.emptyShare()) {
      return input;
    }
    if (kind < splits.emptyShare() + splits.fewShotShare()) {
      int shown = Math.min(count - 1, 1 + random.nextInt(splits.fewShotMax()));
      int[] order = new int[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      for (int i = 0; i < shown; i++) { // the first `shown` of a partial shuffle of the positions
        int j = i + random.nextInt(count - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        input[order[i]] = true;
      }
      return input;
    }
    float keep = splits.minKeep() + (1 - splits.minKeep()) * random.nextFloat();
    int kept = 0;
    for (int i = 0; i < count; i++) {
      input[i] = random.nextFloat() < keep;
      kept += input[i] ? 1 : 0;
    }
    if (kept == count) {
      input[random.nextInt(count)] = false;
    }
    return input;
  }

  /**
   * The content features of every movie row, in {@code manager}: genres and title words; row 0 (unknown) has none.
   * Made per step from arrays encoded once, so that the movie tower's intermediate results belong to the step's
   * manager and are freed with it.
   */
  MovieContent content(NDManager manager) {
    int m = movieRows;
    int len = titleLength;
    return new MovieContent(manager.create(genreMultiHot, new Shape(m, ModelShape.GENRES)),
        manager.create(paddedTitles, new Shape(m, len + 2)), manager.create(titleMask, new Shape(m, len)));
  }

  private static float[] genreMultiHot(Map<Integer, Movie> movies, FusionFeatures features) {
    int m = features.movies().rows();
    float[] multiHot = new float[m * ModelShape.GENRES];
    for (int row = 1; row < m; row++) {
      Movie movie = movies.get(features.movies().id(row));
      System.arraycopy(FusionFeatures.genreMultiHot(movie), 0, multiHot, row * ModelShape.GENRES, ModelShape.GENRES);
    }
    return multiHot;
  }

  private static long[] paddedTitles(Map<Integer, Movie> movies, FusionFeatures features) {
    int m = features.movies().rows();
    int len = features.titleLength();
    long[] padded = new long[m * (len + 2)];
    for (int row = 1; row < m; row++) {
      int[] title = features.titleIndices(movies.get(features.movies().id(row)));
      for (int t = 0; t < len; t++) {
        padded[row * (len + 2) + 1 + t] = title[t];
      }
    }
    return padded;
  }

  private static float[] titleMask(Map<Integer, Movie> movies, FusionFeatures features) {
    int m = features.movies().rows();
    int len = features.titleLength();
    float[] mask = new float[m * len];
    mask[0] = 1f; // row 0 reads one padding word, as a title without words does
    for (int row = 1; row < m; row++) {
      Arrays.fill(mask, row * len, row * len + features.titleWordCount(movies.get(features.movies().id(row))), 1f);
    }
    return mask;
  }
}
