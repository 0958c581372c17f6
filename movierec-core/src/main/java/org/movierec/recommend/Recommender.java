package org.movierec.recommend;

import java.util.List;

/** Recommends movies to a user. Implementations are safe from many threads. */
public interface Recommender {
  /** At most {@code request.k()} movies, best first, none the user has rated and all accepted by the filter. */
  List<Recommendation> recommend(RecommendRequest request);
}
