package org.movierec.eval;

import java.util.Arrays;

/**
 * The ranking metrics, with binary relevance. Definitions as RecBole computes them, where {@code hits@k} is the
 * number of relevant movies among the first k of the ranking:
 *
 * <ul>
 *   <li>{@code Recall@k = hits@k / |relevant|};
 *   <li>{@code NDCG@k = DCG@k / IDCG@k}, with {@code DCG@k} the sum over relevant movies at rank r <= k of {@code 1 /
 *       log2(r + 1)} (rank 1 is the best), and {@code IDCG@k} the same sum for a perfect ranking, over ranks 1 to
 *       {@code min(|relevant|, k)};
 *   <li>{@code Hit@k} = 1 if {@code hits@k > 0}, else 0;
 *   <li>{@code HR@k}: the same as Hit@k, named as the NCF paper names it for one held-out movie per user.
 * </ul>
 */
public final class Metrics {
  private Metrics() {}

  public static RankingMetric recall(int k) {
    return new Recall(checkK(k));
  }

  public static RankingMetric ndcg(int k) {
    return new Ndcg(checkK(k));
  }

  public static RankingMetric hit(int k) {
    return new Hit("Hit@" + checkK(k), k);
  }

  /** Hit@k under the NCF paper's name, for protocols with one relevant movie per user. */
  public static RankingMetric hitRatio(int k) {
    return new Hit("HR@" + checkK(k), k);
  }

  private static int checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got: " + k);
    }
    return k;
  }

  /** The number of the first k movies of the ranking that are relevant. */
  static int hits(int[] ranking, int[] relevant, int k) {
    checkRelevant(relevant);
    int hits = 0;
    for (int r = 0; r < Math.min(k, ranking.length); r++) {
      if (Arrays.binarySearch(relevant, ranking[r]) >= 0) {
        hits++;
      }
    }
    return hits;
  }

  private static void checkRelevant(int[] relevant) {
    if (relevant.length == 0) {
      throw new IllegalArgumentException(
          "no relevant movies: the metric is undefined for this user (the evaluator skips such users)");
    }
    for (int i = 1; i < relevant.length; i++) {
      if (relevant[i] <= relevant[i - 1]) {
        throw new IllegalArgumentException("relevant movie ids must be ascending and distinct, got "
            + relevant[i - 1] + " before " + relevant[i]);
      }
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private record Recall(int k) implements RankingMetric {
    @Override
    public String name() {
      return "Recall@" + k;
    }

    @Override
    public double value(int[] ranking, int[] relevant) {
      return (double) hits(ranking, relevant, k) / relevant.length;
    }
  }

  private record Ndcg(int k) implements RankingMetric {
    @Override
    public String name() {
      return "NDCG@" + k;
    }

    @Override
    public double value(int[] ranking, int[] relevant) {
      checkRelevant(relevant);
      double dcg = 0;
      for (int r = 0; r < Math.min(k, ranking.length); r++) {
        if (Arrays.binarySearch(relevant, ranking[r]) >= 0) {
          dcg += 1 / log2(r + 2);
        }
      }
      double ideal = 0;
      for (int r = 0; r < Math.min(k, relevant.length); r++) {
        ideal += 1 / log2(r + 2);
      }
      return dcg / ideal;
    }
  }

  private record Hit(String name, int k) implements RankingMetric {
    @Override
    public double value(int[] ranking, int[] relevant) {
      return hits(ranking, relevant, k) > 0 ? 1 : 0;
    }
  }
}
