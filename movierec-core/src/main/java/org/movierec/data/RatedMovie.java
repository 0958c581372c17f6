package org.movierec.data;

/**
 * A movie someone rated, as a model reads it: which movie and how many stars. The input that describes a user by what
 * they rated (a known user's saved ratings, a new user's {@code --rated 1193:5,2355:4}, ratings received by a server).
 *
 * @param movieId the MovieLens movie id, at least 1
 * @param stars 1 to 5
 */
public record RatedMovie(int movieId, int stars) {
  public RatedMovie {
    if (movieId < 1) {
      throw new IllegalArgumentException("movie id must be at least 1, got: " + movieId);
    }
    if (stars < 1 || stars > 5) {
      throw new IllegalArgumentException("stars of movie " + movieId + " must be 1..5, got: " + stars);
    }
  }
}
