package org.movierec.index;

import java.util.Comparator;

/**
 * A movie found by {@link VectorIndex#search}.
 *
 * @param movieId the MovieLens movie id
 * @param score the inner product of the query vector and the movie vector; higher is more similar
 */
public record Neighbor(int movieId, float score) {

  /** The order every index returns: higher score first; equal scores by smaller movie id. Scores are never NaN. */
  public static final Comparator<Neighbor> BEST_FIRST =
      (a, b) -> {
        if (a.score() != b.score()) {
          return a.score() > b.score() ? -1 : 1;
        }
        return Integer.compare(a.movieId(), b.movieId());
      };
}
