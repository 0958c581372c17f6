package org.movierec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a recommender may know of a user when asked: the demographics (and id, 0 for a new user) and the movies
 * the user rated, with their stars. A known user's profile holds the ratings saved with the model; a new user's holds
 * what the user gave (possibly none: the original demo's demographics-only user).
 *
 * @param user demographics and id
 * @param ratings the user's ratings, at most one per movie, in the order given
 */
public record UserProfile(User user, List<RatedMovie> ratings) {
  public UserProfile {
    Objects.requireNonNull(user, "user");
    ratings = List.copyOf(Objects.requireNonNull(ratings, "ratings (use an empty list for none)"));
    Set<Integer> movies = new HashSet<>();
    for (RatedMovie r : ratings) {
      if (!movies.add(r.movieId())) {
        throw new IllegalArgumentException("movie " + r.movieId() + " is rated twice in the profile of "
            + (user.isNew() ? "a new user" : "user " + user.id()) + "; give each movie once");
      }
    }
  }

  /** A user known only by what the {@link User} record says (demographics, and an id the recommender may know). */
  public static UserProfile of(User user) {
    return new UserProfile(user, List.of());
  }

  /**
   * This profile with more ratings: a given rating replaces this profile's rating of the same movie; the others keep
   * their order, the given ones follow. Itself when none are given.
   */
  public UserProfile withRatings(List<RatedMovie> given) {
    if (given.isEmpty()) {
      return this;
    }
    Set<Integer> givenMovies = new HashSet<>();
    for (RatedMovie r : given) {
      givenMovies.add(r.movieId());
    }
    List<RatedMovie> all = new ArrayList<>(ratings.size() + given.size());
    for (RatedMovie r : ratings) {
      if (!givenMovies.contains(r.movieId())) {
        all.add(r);
      }
    }
    all.addAll(given);
    return new UserProfile(user, all);
  }

  public boolean hasRatings() {
    return !ratings.isEmpty();
  }

  /** The rated movie ids, ascending. */
  public int[] ratedMovieIds() {
    int[] ids = ratings.stream().mapToInt(RatedMovie::movieId).toArray();
    Arrays.sort(ids);
    return ids;
  }
}
