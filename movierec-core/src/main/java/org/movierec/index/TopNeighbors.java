package org.movierec.index;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps the best {@code k} of the neighbors offered to it, in the order every index returns. A heap of primitive
 * arrays, worst on top: offering a movie that does not make the list costs one comparison and allocates nothing.
 * Not thread safe.
 */
final class TopNeighbors {

  private final int k;
  private int size;
  private int[] ids;
  private float[] scores;

  /** {@code expected} bounds the initial capacity only, so a huge {@code k} allocates nothing up front. */
  TopNeighbors(int k, int expected) {
    this.k = k;
    int capacity = Math.max(1, Math.min(k, expected));
    this.ids = new int[capacity];
    this.scores = new float[capacity];
  }

  void offer(int movieId, float score) {
    if (size < k) {
      if (size == ids.length) {
        int grown = (int) Math.min(k, 2L * size);
        ids = Arrays.copyOf(ids, grown);
        scores = Arrays.copyOf(scores, grown);
      }
      int at = size++;
      while (at > 0) { // sift up: a worse movie moves towards the top
        int parent = (at - 1) >>> 1;
        if (!better(scores[parent], ids[parent], score, movieId)) {
          break;
        }
        ids[at] = ids[parent];
        scores[at] = scores[parent];
        at = parent;
      }
      ids[at] = movieId;
      scores[at] = score;
    } else if (better(score, movieId, scores[0], ids[0])) {
      int at = 0;
      while (true) { // sift the new movie down from the top, the worse child moving up
        int child = 2 * at + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && better(scores[child], ids[child], scores[child + 1], ids[child + 1])) {
          child++;
        }
        if (!better(score, movieId, scores[child], ids[child])) {
          break;
        }
        ids[at] = ids[child];
        scores[at] = scores[child];
        at = child;
      }
      ids[at] = movieId;
      scores[at] = score;
    }
  }

  /** The score a movie must beat to enter a full list, or negative infinity while the list is not full. */
  float threshold() {
    return size < k ? Float.NEGATIVE_INFINITY : scores[0];
  }

  /** The kept neighbors, best first, as an unmodifiable list. */
  List<Neighbor> best() {
    Neighbor[] out = new Neighbor[size];
    for (int i = 0; i < size; i++) {
      out[i] = new Neighbor(ids[i], scores[i]);
    }
    Arrays.sort(out, Neighbor.BEST_FIRST);
    return List.of(out);
  }

  /** Whether (score a, id a) comes before (score b, id b) in {@link Neighbor#BEST_FIRST} order. */
  private static boolean better(float scoreA, int idA, float scoreB, int idB) {
    return scoreA != scoreB ? scoreA > scoreB : idA < idB;
  }
}
