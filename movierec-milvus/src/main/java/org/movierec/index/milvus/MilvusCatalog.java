package org.movierec.index.milvus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.index.IndexedMovie;

/**
 * The movies handed to a Milvus build, checked before any call: not empty, no id twice, one dimension that Milvus
 * accepts; sorted by id so that a build inserts in a repeatable order.
 *
 * @param movies sorted by movie id
 * @param titles the title of each movie, by id; a movie without one is stored with an empty title
 * @param dimension the length of every vector
 */
record MilvusCatalog(List<IndexedMovie> movies, Map<Integer, String> titles, int dimension) {

  static MilvusCatalog of(List<IndexedMovie> movies, Map<Integer, String> titles) {
    Objects.requireNonNull(movies, "movies");
    Objects.requireNonNull(titles, "titles (use an empty map to store no titles)");
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
    MilvusSchema.requireDimension(dimension);
    titles.forEach(MilvusSchema::requireTitle);
    return new MilvusCatalog(List.copyOf(sorted), Map.copyOf(titles), dimension);
  }

  String titleOf(int movieId) {
    return titles.getOrDefault(movieId, "");
  }

  int size() {
    return movies.size();
  }
}
