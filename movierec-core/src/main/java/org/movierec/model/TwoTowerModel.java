package org.movierec.model;

import org.movierec.data.Movie;
import org.movierec.data.UserProfile;

/**
 * A trained two-tower model as serving sees it: a query vector per user, an index vector per movie, and a score that
 * is exactly their inner product, so that a vector index ranks movies in the model's own order. Whatever is not an
 * inner product of the towers (a movie bias, a popularity prior) is folded into these vectors by the model.
 *
 * <p>Implementations are immutable and safe from many threads; every returned array is the caller's.
 */
public interface TwoTowerModel {
  /** Which design of towers this is ({@code demo}: the original demo's; {@code history}: users read from ratings). */
  Architecture architecture();

  /** What it was trained for. */
  Objective objective();

  /** Length of {@link #queryVector} and {@link #indexVector}. */
  int dimension();

  /**
   * The vector the index is searched with for this user: from the profile's demographics, its ratings (for a model
   * that reads them) and, for a model that learned user ids, the id.
   */
  float[] queryVector(UserProfile profile);

  /** The vector the index stores for this movie; a movie the model never saw gets one from its content. */
  float[] indexVector(Movie movie);

  /**
   * The movie tower's own output for this movie, without anything folded in for ranking (a bias): what movies are
   * compared by when asking which movies are alike (their cosine). A movie the model never saw gets one from its
   * content.
   */
  float[] movieVector(Movie movie);

  /** The model's ranking score of a movie for a user: {@code dot(queryVector(profile), indexVector(movie))}. */
  default float score(UserProfile profile, Movie movie) {
    return Vectors.dot(queryVector(profile), indexVector(movie));
  }

  /** Whether {@link #predictStars} gives ratings in stars. */
  boolean predictsStars();

  /**
   * The predicted rating, in stars from 1 to 5, of each movie for this user, into {@code out[i]}; NaN everywhere when
   * the model does not predict stars.
   */
  void predictStars(UserProfile profile, Movie[] movies, float[] out);
}
