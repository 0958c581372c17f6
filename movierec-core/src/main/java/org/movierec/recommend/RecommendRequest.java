package org.movierec.recommend;

import java.util.Objects;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;

/**
 * Who to recommend to, how many movies, and which movies may be recommended.
 *
 * @param user a known user (positive id: movies they rated are never recommended) or a new one (id 0)
 * @param k how many movies, at least 1
 * @param filter further restrictions (genres, years, excluded movies)
 */
public record RecommendRequest(User user, int k, ItemFilter filter) {
  public RecommendRequest {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(filter, "filter (use ItemFilter.NONE to accept every movie)");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got: " + k);
    }
  }

  public static RecommendRequest of(User user, int k) {
    return new RecommendRequest(user, k, ItemFilter.NONE);
  }
}
