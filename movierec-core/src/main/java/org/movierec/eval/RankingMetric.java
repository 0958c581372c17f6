package org.movierec.eval;

/**
 * A measure of one user's ranked list against the movies relevant to that user, in [0, 1], higher is better. The
 * evaluator averages it over users. Implementations are immutable and safe from many threads; see {@link Metrics}.
 */
public interface RankingMetric {
  /** The name reports show, such as {@code NDCG@10}. */
  String name();

  /** The cut-off: only the first {@code k} movies of a ranking count. */
  int k();

  /**
   * The value for one user.
   *
   * @param ranking distinct movie ids, best first; only the first {@link #k()} count, and it may be shorter than k
   *     (the movies after the list count as not recommended)
   * @param relevant the user's relevant movie ids, ascending and distinct; not empty (a user without relevant movies
   *     has no defined value: the evaluator skips such users and counts them)
   * @throws IllegalArgumentException if {@code relevant} is empty or not ascending and distinct
   */
  double value(int[] ranking, int[] relevant);
}
