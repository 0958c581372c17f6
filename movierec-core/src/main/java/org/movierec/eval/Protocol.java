package org.movierec.eval;

import java.util.List;
import java.util.Objects;

/**
 * What an evaluation protocol does, in words a report can print, and the rules the {@link Evaluator} follows.
 *
 * @param name the protocol's name on the command line, such as {@code ranking}
 * @param task whether recommenders are judged by predicted stars or by ranked lists
 * @param split how the data is divided, and what the recommenders learn from
 * @param relevance which held-out movies count as relevant (for {@link Task#PREDICT_STARS}: what is compared)
 * @param candidates which movies each user's ranking is drawn from
 * @param seenExcluded whether movies the user rated in the training data (and, for a protocol with a validation part,
 *     in the validation data) are left out of the ranking; the movies a user revealed ({@link
 *     ProtocolSplit#revealed()}) are left out whatever this says
 * @param minRelevantStars the fewest stars a held-out rating needs to be relevant; 1 means every held-out rating
 * @param metrics the ranking metrics reported, in order; empty for {@link Task#PREDICT_STARS}, which reports RMSE and
 *     MAE
 */
public record Protocol(String name, Task task, String split, String relevance, String candidates,
    boolean seenExcluded, int minRelevantStars, List<RankingMetric> metrics) {

  /** How recommenders are judged. */
  public enum Task {
    /** Predicted stars against the held-out ratings: RMSE and MAE. Only {@code StarPredictor}s apply. */
    PREDICT_STARS,
    /** A ranked list per user against the user's relevant held-out movies: {@link Protocol#metrics()}. */
    RANK
  }

  public Protocol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(relevance, "relevance");
    Objects.requireNonNull(candidates, "candidates");
    metrics = List.copyOf(metrics);
    if (minRelevantStars < 1 || minRelevantStars > 5) {
      throw new IllegalArgumentException("minRelevantStars must be 1..5, got: " + minRelevantStars);
    }
    if (task == Task.RANK && metrics.isEmpty()) {
      throw new IllegalArgumentException("a ranking protocol needs at least one metric");
    }
  }

  /** The largest cut-off of the metrics: how long each user's ranked list must be; 0 for star prediction. */
  public int maxK() {
    return metrics.stream().mapToInt(RankingMetric::k).max().orElse(0);
  }

  /** The metric names in report order: RMSE and MAE for star prediction, else those of {@link #metrics()}. */
  public List<String> metricNames() {
    return task == Task.PREDICT_STARS
        ? List.of(Results.RMSE, Results.MAE)
        : metrics.stream().map(RankingMetric::name).toList();
  }

  /** The same protocol under another name, e.g. for its validation run. */
  public Protocol named(String newName) {
    return new Protocol(newName, task, split, relevance, candidates, seenExcluded, minRelevantStars, metrics);
  }
}
