package org.movierec.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded MovieLens data set: the catalog, the users and their ratings. Every rating refers to a movie and a user
 * of this data set.
 *
 * @param movies by movie id, in file order
 * @param users by user id, in file order
 * @param checksum SHA-256 (hex) of the files it was read from, to tell whether a model was trained on this data
 */
public record MovieLensData(Map<Integer, Movie> movies, Map<Integer, User> users, Ratings ratings, String checksum) {
  public MovieLensData {
    movies = Collections.unmodifiableMap(new LinkedHashMap<>(movies));
    users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
    Objects.requireNonNull(ratings, "ratings");
    Objects.requireNonNull(checksum, "checksum");
    for (int i = 0; i < ratings.size(); i++) {
      if (!movies.containsKey(ratings.movieId(i))) {
        throw new IllegalArgumentException("rating " + (i + 1) + " refers to unknown movie " + ratings.movieId(i));
      }
      if (!users.containsKey(ratings.userId(i))) {
        throw new IllegalArgumentException("rating " + (i + 1) + " refers to unknown user " + ratings.userId(i));
      }
    }
  }

  /** The same catalog and users with other ratings (a split). */
  public MovieLensData withRatings(Ratings other) {
    return new MovieLensData(movies, users, other, checksum);
  }
}
