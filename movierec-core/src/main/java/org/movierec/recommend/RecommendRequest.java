package org.movierec.recommend;

import java.util.Objects;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.ItemFilter;

/**
 * Who to recommend to, how many movies, and which movies may be recommended.
 *
 * @param profile the user: a known user (positive id: movies they rated are never recommended) or a new one (id 0),
 *     with the ratings that describe them; the movies of these ratings are never recommended either
 * @param k how many movies, at least 1
 * @param filter further restrictions (genres, years, excluded movies)
 */
public record RecommendRequest(UserProfile profile, int k, ItemFilter filter) {
  public RecommendRequest {
    Objects.requireNonNull(profile, "profile (use UserProfile.of(user) for a user without ratings)");
    Objects.requireNonNull(filter, "filter (use ItemFilter.NONE to accept every movie)");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got: " + k);
    }
  }

  /** A request for a user described by the {@link User} record alone, without ratings. */
  public RecommendRequest(User user, int k, ItemFilter filter) {
    this(UserProfile.of(Objects.requireNonNull(user, "user")), k, filter);
  }

  /** {@code k} movies for a user without ratings, from every movie. */
  public static RecommendRequest of(User user, int k) {
    return new RecommendRequest(user, k, ItemFilter.NONE);
  }

  /** {@code k} movies for a user described by a profile, from every movie the profile has not rated. */
  public static RecommendRequest of(UserProfile profile, int k) {
    return new RecommendRequest(profile, k, ItemFilter.NONE);
  }

  /** The profile's user: demographics and id. */
  public User user() {
    return profile.user();
  }
}
