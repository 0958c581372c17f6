package org.movierec.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.movierec.data.Movie;
import org.movierec.data.User;

/**
 * The movies and users a model knows, saved with it so that recommending needs no data directory.
 *
 * @param movies by id, in the data's order
 * @param users by id, in the data's order
 */
public record Catalog(Map<Integer, Movie> movies, Map<Integer, User> users) {
  public Catalog {
    movies = Collections.unmodifiableMap(new LinkedHashMap<>(movies));
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
  }

  public Movie movie(int id) {
    Movie m = movies.get(id);
    if (m == null) {
      throw new IllegalArgumentException("unknown movie id " + id + "; the catalog has " + movies.size() + " movies");
    }
    return m;
  }
}
