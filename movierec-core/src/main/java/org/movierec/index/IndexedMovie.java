package org.movierec.index;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.Genre;

/**
 * A movie as an index stores it: its vector plus what filters look at. The vector is copied on the way in and on the
 * way out.
 *
 * @param movieId the MovieLens movie id, at least 1
 * @param vector the movie's vector from the model; non-empty, every element finite
 * @param genres the movie's genres (may be empty)
 * @param year the release year, or 0 when unknown
 */
public record IndexedMovie(int movieId, float[] vector, Set<Genre> genres, int year) {
  public IndexedMovie {
    if (movieId < 1) {
      throw new IllegalArgumentException("movie id must be at least 1, got: " + movieId);
    }
    Objects.requireNonNull(vector, "vector of movie " + movieId);
    InnerProduct.requireFinite(vector, "vector of movie " + movieId);
    vector = vector.clone();
    genres = Set.copyOf(Objects.requireNonNull(genres, "genres of movie " + movieId));
    if (year < 0) {
      throw new IllegalArgumentException("year of movie " + movieId + " must be 0 (unknown) or positive, got: " + year);
    }
  }

  /** A copy of the movie vector. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** The length of the vector, without copying it. */
  public int dimension() {
    return vector.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexedMovie m
        && movieId == m.movieId
        && year == m.year
        && genres.equals(m.genres)
        && Arrays.equals(vector, m.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(movieId, Arrays.hashCode(vector), genres, year);
  }

  @Override
  public String toString() {
    return "IndexedMovie[movieId=" + movieId + ", dimension=" + vector.length + ", genres=" + genres + ", year=" + year
        + "]";
  }
}
