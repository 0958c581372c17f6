package org.movierec.model;

import java.util.HashMap;
import java.util.Map;
import org.movierec.data.Movie;
import org.movierec.data.Ratings;
import org.movierec.data.User;

/**
 * Predicts many ratings at once, computing each user's and each movie's vector only once. Not thread-safe: one per
 * thread.
 */
public final class RatingPredictor {
  private final FusionModel model;
  private final Map<Integer, User> users;
  private final Map<Integer, Movie> movies;
  private final Map<Integer, float[]> userVectors = new HashMap<>();
  private final Map<Integer, float[]> movieVectors = new HashMap<>();

  public RatingPredictor(FusionModel model, Map<Integer, User> users, Map<Integer, Movie> movies) {
    this.model = model;
    this.users = users;
    this.movies = movies;
  }

  /** Predicted stars for a known user id and movie id. */
  public float predict(int userId, int movieId) {
    float[] u = userVectors.computeIfAbsent(userId, id -> Vectors.normalize(model.userVector(user(id))));
    float[] m = movieVectors.computeIfAbsent(movieId, id -> Vectors.normalize(model.movieVector(movie(id))));
    return FusionModel.toStars(Vectors.dot(u, m));
  }

  /** Predicted stars for every row of the table. */
  public float[] predictAll(Ratings ratings) {
    float[] out = new float[ratings.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = predict(ratings.userId(i), ratings.movieId(i));
    }
    return out;
  }

  /** Root mean squared error, in stars, of the predictions for every row of the table; NaN for an empty table. */
  public double rmse(Ratings ratings) {
    if (ratings.size() == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < ratings.size(); i++) {
      double e = predict(ratings.userId(i), ratings.movieId(i)) - ratings.stars(i);
      sum += e * e;
    }
    return Math.sqrt(sum / ratings.size());
  }

  private User user(int id) {
    User u = users.get(id);
    if (u == null) {
      throw new IllegalArgumentException("unknown user id " + id);
    }
    return u;
  }

  private Movie movie(int id) {
    Movie m = movies.get(id);
    if (m == null) {
      throw new IllegalArgumentException("unknown movie id " + id);
    }
    return m;
  }
}
