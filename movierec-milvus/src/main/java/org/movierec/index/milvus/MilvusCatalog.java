package org.movierec.index.milvus;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.index.Catalog;
import org.movierec.index.IndexedMovie;

/**
 * The movies handed to a Milvus build, checked before any call as for every index ({@link Catalog}) and for a
 * dimension and titles that Milvus accepts; sorted by id so that a build inserts in a repeatable order.
 *
 * @param movies sorted by movie id
 * @param titles the title of each movie, by id; a movie without one is stored with an empty title
 * @param dimension the length of every vector
 */
record MilvusCatalog(List<IndexedMovie> movies, Map<Integer, String> titles, int dimension) {

  static MilvusCatalog of(List<IndexedMovie> movies, Map<Integer, String> titles) {
    Objects.requireNonNull(titles, "titles (use an empty map to store no titles)");
    Catalog checked = Catalog.of(movies);
    MilvusSchema.requireDimension(checked.dimension());
    titles.forEach(MilvusSchema::requireTitle);
    return new MilvusCatalog(checked.movies(), Map.copyOf(titles), checked.dimension());
  }

  String titleOf(int movieId) {
    return titles.getOrDefault(movieId, "");
  }

  int size() {
    return movies.size();
  }
}
