package org.movierec.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The movies handed to an index, checked once for every backend: not empty, no id twice, one dimension.
 *
 * @param movies sorted by movie id, so that building is repeatable whatever order the caller used
 * @param dimension the length of every vector
 */
public record Catalog(List<IndexedMovie> movies, int dimension) {

  /**
   * The movies, checked and sorted.
   *
   * @throws IllegalArgumentException when they are empty, have an id twice or vectors of different dimensions
   */
  public static Catalog of(List<IndexedMovie> movies) {
    Objects.requireNonNull(movies, "movies");
    if (movies.isEmpty()) {
      throw new IllegalArgumentException("cannot index an empty list of movies");
    }
    List<IndexedMovie> sorted = new ArrayList<>(movies.size());
    for (IndexedMovie m : movies) {
      sorted.add(Objects.requireNonNull(m, "movies contains null"));
    }
    sorted.sort(Comparator.comparingInt(IndexedMovie::movieId));
    IndexedMovie first = movies.get(0);
    int dimension = first.dimension();
    for (int i = 0; i < sorted.size(); i++) {
      IndexedMovie m = sorted.get(i);
      if (m.dimension() != dimension) {
        throw new IllegalArgumentException("all movie vectors must have the same dimension: movie " + m.movieId()
            + " has " + m.dimension() + ", movie " + first.movieId() + " has " + dimension);
      }
      if (i > 0 && sorted.get(i - 1).movieId() == m.movieId()) {
        throw new IllegalArgumentException("movie " + m.movieId() + " appears more than once");
      }
    }
    return new Catalog(List.copyOf(sorted), dimension);
  }

  public int size() {
    return movies.size();
  }
}
