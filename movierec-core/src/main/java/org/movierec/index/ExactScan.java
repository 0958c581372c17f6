package org.movierec.index;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The best {@code k} rows of a set of vectors by exactly {@link InnerProduct#of}, found in two passes: every row is
 * scored approximately on its byte-quantized copy ({@link QuantizedColumns}), which also bounds each row's error, then
 * only the rows that can still be among the best are scored exactly ({@link FlatVectors#score}) and ranked. The result
 * is the exact search's to the bit, ties included; the first pass only decides which rows need the exact score.
 *
 * <p>Why no row is missed: row {@code i}'s exact score lies in {@code [a_i - e_i, a_i + e_i]}, {@code a_i} its
 * approximate score and {@code e_i} its error bound. With {@code L} the k-th largest lower end among the accepted
 * rows, k rows score at least {@code L}, so the k-th best exact score is at least {@code L} and every row of the exact
 * top k (ties at the k-th score included) has an upper end of at least {@code L}: those rows are the candidates.
 * Immutable; searches may run from any number of threads.
 */
final class ExactScan {
  private final FlatVectors rows;
  private final QuantizedColumns columns;

  /** A scan of these rows, which it keeps (and does not modify). */
  ExactScan(FlatVectors rows) {
    this.rows = rows;
    this.columns = QuantizedColumns.of(rows);
  }

  /**
   * The {@code k} best accepted rows, best first (higher score, then smaller id), as neighbors named by {@code
   * ids[row]}; {@code q} has the rows' dimension and is finite.
   */
  List<Neighbor> search(float[] q, int k, IntPredicate accepts, int[] ids) {
    float[] approximate = columns.approximateScores(q);
    int n = columns.size();
    double length = norm(q);
    double tiny = q.length * (double) Float.MIN_VALUE; // what underflow can lose in the float sums
    LowerEnds lower = new LowerEnds(Math.min(k, n)); // with k > n every row is a candidate anyway
    for (int r = 0; r < n; r++) {
      double lo = approximate[r] - (length * columns.radius(r) + tiny);
      if (lo > lower.threshold() && accepts.test(r)) {
        lower.offer(lo);
      }
    }
    double cut = lower.threshold();
    int[] candidates = new int[(int) Math.min(n, Math.max(16, 4L * k))];
    int count = 0;
    for (int r = 0; r < n; r++) {
      if (approximate[r] + (length * columns.radius(r) + tiny) >= cut && accepts.test(r)) {
        if (count == candidates.length) {
          candidates = Arrays.copyOf(candidates, Math.min(n, 2 * count));
        }
        candidates[count++] = r;
      }
    }
    float[] exact = new float[count];
    rows.score(q, candidates, count, exact);
    TopNeighbors top = new TopNeighbors(k, count);
    for (int i = 0; i < count; i++) {
      top.offer(ids[candidates[i]], exact[i]);
    }
    return top.best();
  }

  private static double norm(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  /** The k largest values offered, in a min-heap: {@link #threshold} is the k-th largest, or -∞ before k arrive. */
  private static final class LowerEnds {
    private final double[] heap;
    private int size;

    LowerEnds(int k) {
      heap = new double[k];
    }

    double threshold() {
      return size < heap.length ? Double.NEGATIVE_INFINITY : heap[0];
    }

    void offer(double value) {
      if (size < heap.length) {
        int at = size++;
        while (at > 0 && heap[(at - 1) >>> 1] > value) {
          heap[at] = heap[(at - 1) >>> 1];
          at = (at - 1) >>> 1;
        }
        heap[at] = value;
        return;
      }
      int at = 0; // replace the smallest, sift down
      while (true) {
        int child = 2 * at + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && heap[child + 1] < heap[child]) {
          child++;
        }
        if (heap[child] >= value) {
          break;
        }
        heap[at] = heap[child];
        at = child;
      }
      heap[at] = value;
    }
  }
}
