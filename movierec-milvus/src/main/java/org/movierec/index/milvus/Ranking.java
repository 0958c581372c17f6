package org.movierec.index.milvus;

import java.util.ArrayList;
import java.util.List;
import org.movierec.index.Neighbor;

/**
 * Puts what Milvus returns in the order every {@link org.movierec.index.VectorIndex} returns, and says when a search
 * must ask Milvus for more to know which movies of equal score make the cut.
 */
final class Ranking {
  private Ranking() {}

  /** The hits as neighbors, best first. */
  static List<Neighbor> sorted(List<MilvusOps.Hit> hits) {
    List<Neighbor> out = new ArrayList<>(hits.size());
    for (MilvusOps.Hit h : hits) {
      out.add(new Neighbor(Math.toIntExact(h.id()), MilvusScores.fromInnerProduct(h.score())));
    }
    out.sort(Neighbor.BEST_FIRST);
    return out;
  }

  /**
   * Whether the best {@code k} of {@code sorted} (what Milvus returned for a limit of {@code limit}, re-sorted) may be
   * wrong because of ties: Milvus filled the limit, returned more than {@code k}, and the last movie it returned ties
   * with the k-th. Movies it left out may then tie too, and one of them may have a smaller id. When the last returned
   * movie scores lower than the k-th, every movie tying with the k-th was returned.
   */
  static boolean tieMayCrossTheCut(List<Neighbor> sorted, int k, int limit) {
    return sorted.size() == limit && sorted.size() > k
        && sorted.get(k - 1).score() == sorted.get(sorted.size() - 1).score();
  }

  /** The first {@code k}, as an unmodifiable list. */
  static List<Neighbor> best(List<Neighbor> sorted, int k) {
    return List.copyOf(sorted.size() <= k ? sorted : sorted.subList(0, k));
  }
}
