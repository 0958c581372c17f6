package org.movierec.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.movierec.data.Movie;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.model.FusionFeatures;
import org.movierec.model.ModelShape;

/**
 * Turns rows of a ratings table into {@link TrainingBatch}es. Per-user and per-movie inputs are encoded once, through
 * {@link FusionFeatures}, so training reads exactly what the plain-Java forward pass reads.
 */
final class BatchEncoder {
  private final Ratings ratings;
  private final int titleLength;
  private final int[] userRow;
  private final int[] gender;
  private final int[] age;
  private final int[] job;
  private final int[] movieRow;
  private final float[][] genres;
  private final int[][] titles;
  private final int[] titleWords;

  BatchEncoder(Ratings ratings, Map<Integer, User> users, Map<Integer, Movie> movies, FusionFeatures features) {
    this.ratings = ratings;
    this.titleLength = features.titleLength();
    int maxUser = users.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    int maxMovie = movies.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    userRow = new int[maxUser + 1];
    gender = new int[maxUser + 1];
    age = new int[maxUser + 1];
    job = new int[maxUser + 1];
    for (User u : users.values()) {
      userRow[u.id()] = features.userRow(u);
      gender[u.id()] = u.gender().code();
      age[u.id()] = u.age().code();
      job[u.id()] = u.occupation().code();
    }
    movieRow = new int[maxMovie + 1];
    genres = new float[maxMovie + 1][];
    titles = new int[maxMovie + 1][];
    titleWords = new int[maxMovie + 1];
    for (Movie m : movies.values()) {
      movieRow[m.id()] = features.movieRow(m);
      genres[m.id()] = FusionFeatures.genreMultiHot(m);
      titles[m.id()] = features.titleIndices(m);
      titleWords[m.id()] = features.titleWordCount(m);
    }
  }

  /**
   * The batch of the rating rows {@code rows[from..to)}, in {@code manager}. With a non-null {@code dropout}, each
   * user id and each movie id is replaced by the unknown row with probability {@code idDropout}.
   */
  TrainingBatch encode(NDManager manager, int[] rows, int from, int to, SplittableRandom dropout, float idDropout) {
    int n = to - from;
    int[] users = new int[n];
    int[] movies = new int[n];
    float[] stars = new float[n];
    for (int i = 0; i < n; i++) {
      int r = rows[from + i];
      users[i] = ratings.userId(r);
      movies[i] = ratings.movieId(r);
      stars[i] = ratings.stars(r);
    }
    return new TrainingBatch(users(manager, users, dropout, idDropout), movies(manager, movies, dropout, idDropout),
        manager.create(stars));
  }

  /** The user tower's inputs for these user ids, in order. */
  TrainingBatch.UserInputs users(NDManager manager, int[] userIds, SplittableRandom dropout, float idDropout) {
    int n = userIds.length;
    long[] rows = new long[n];
    long[] genders = new long[n];
    long[] ages = new long[n];
    long[] jobs = new long[n];
    for (int i = 0; i < n; i++) {
      int u = userIds[i];
      rows[i] = dropped(dropout, idDropout) ? 0 : userRow[u];
      genders[i] = gender[u];
      ages[i] = age[u];
      jobs[i] = job[u];
    }
    return new TrainingBatch.UserInputs(manager.create(rows), manager.create(genders), manager.create(ages),
        manager.create(jobs));
  }

  /** The movie tower's inputs for these movie ids, in order. */
  TrainingBatch.MovieInputs movies(NDManager manager, int[] movieIds, SplittableRandom dropout, float idDropout) {
    int n = movieIds.length;
    int len = titleLength;
    long[] rows = new long[n];
    float[] multiHot = new float[n * ModelShape.GENRES];
    long[] padded = new long[n * (len + 2)];
    float[] mask = new float[n * len];
    for (int i = 0; i < n; i++) {
      int m = movieIds[i];
      rows[i] = dropped(dropout, idDropout) ? 0 : movieRow[m];
      System.arraycopy(genres[m], 0, multiHot, i * ModelShape.GENRES, ModelShape.GENRES);
      int[] title = titles[m];
      for (int t = 0; t < len; t++) {
        padded[i * (len + 2) + 1 + t] = title[t];
      }
      for (int t = 0; t < titleWords[m]; t++) {
        mask[i * len + t] = 1f;
      }
    }
    return new TrainingBatch.MovieInputs(manager.create(rows), manager.create(multiHot, new Shape(n, ModelShape.GENRES)),
        manager.create(padded, new Shape(n, len + 2)), manager.create(mask, new Shape(n, len)));
  }

  private static boolean dropped(SplittableRandom dropout, float p) {
    return dropout != null && dropout.nextFloat() < p;
  }
}
