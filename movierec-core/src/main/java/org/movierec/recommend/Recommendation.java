package org.movierec.recommend;

import java.util.Objects;
import org.movierec.data.Movie;

/**
 * One recommended movie.
 *
 * @param rank 1 for the best
 * @param movie the movie
 * @param score the recommender's score, higher is better (for the fusion model: the cosine of user and movie vectors)
 * @param predictedStars the predicted rating in stars, or NaN for recommenders that do not predict ratings
 */
public record Recommendation(int rank, Movie movie, float score, float predictedStars) {
  public Recommendation {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, got: " + rank);
    }
    Objects.requireNonNull(movie, "movie");
  }
}
