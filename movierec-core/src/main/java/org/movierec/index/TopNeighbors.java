package org.movierec.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the best {@code k} of the neighbors offered to it, in the order every index returns. Not thread safe. */
final class TopNeighbors {

  /** Higher score first; equal scores by smaller movie id. Scores are never NaN (vectors are finite). */
  static final Comparator<Neighbor> BEST_FIRST =
      (a, b) -> {
        if (a.score() != b.score()) {
          return a.score() > b.score() ? -1 : 1;
        }
        return Integer.compare(a.movieId(), b.movieId());
      };

  private final int k;
  private final PriorityQueue<Neighbor> worstFirst;

  /** {@code expected} bounds the initial capacity only, so a huge {@code k} allocates nothing up front. */
  TopNeighbors(int k, int expected) {
    this.k = k;
    this.worstFirst = new PriorityQueue<>(Math.max(1, Math.min(k, expected)) + 1, BEST_FIRST.reversed());
  }

  void offer(int movieId, float score) {
    Neighbor n = new Neighbor(movieId, score);
    if (worstFirst.size() < k) {
      worstFirst.add(n);
    } else if (BEST_FIRST.compare(n, worstFirst.peek()) < 0) {
      worstFirst.poll();
      worstFirst.add(n);
    }
  }

  /** The kept neighbors, best first, as an unmodifiable list. */
  List<Neighbor> best() {
    List<Neighbor> list = new ArrayList<>(worstFirst);
    list.sort(BEST_FIRST);
    return List.copyOf(list);
  }
}
