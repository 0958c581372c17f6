package org.movierec.recommend;

import java.util.List;

/** Recommends movies to a user. Implementations are safe from many threads. */
public interface Recommender {
  /**
   * At most {@code request.k()} movies, best first, all accepted by the filter, none a known user has rated and none of
   * the request profile's ratings.
   */
  List<Recommendation> recommend(RecommendRequest request);
}
