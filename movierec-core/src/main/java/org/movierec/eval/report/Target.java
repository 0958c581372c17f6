package org.movierec.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * A figure a recommender must reach on a protocol. The bound is either fixed, or a multiple of the best figure of
 * reference recommenders run in the same report (the best is the highest, since only higher-is-better metrics are
 * compared to references). Several contenders compete: the best of them is judged.
 *
 * @param description what the target says, as the report prints it
 * @param protocol the protocol's name
 * @param metric the metric's name in that protocol
 * @param contenders the recommenders whose best figure is judged
 * @param atMost whether the figure must be at most the bound (an error such as RMSE), else at least
 * @param bound the fixed bound; NaN when the bound comes from {@code references}
 * @param references the recommenders whose best figure, times {@code factor}, is the bound; empty for a fixed bound
 * @param factor what the references' best figure is multiplied by
 */
public record Target(String description, String protocol, String metric, List<String> contenders, boolean atMost,
    double bound, List<String> references, double factor) {

  public Target {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(metric, "metric");
    contenders = List.copyOf(contenders);
    references = List.copyOf(references);
    if (contenders.isEmpty()) {
      throw new IllegalArgumentException("a target needs at least one contender");
    }
    if (Double.isNaN(bound) == references.isEmpty()) {
      throw new IllegalArgumentException("a target needs either a fixed bound or references, got bound " + bound
          + " and references " + references);
    }
  }

  /** The best contender's figure must be at most {@code bound}. */
  public static Target atMost(String description, String protocol, String metric, double bound,
      String... contenders) {
    return new Target(description, protocol, metric, List.of(contenders), true, bound, List.of(), 1);
  }

  /** The best contender's figure must be at least {@code bound}. */
  public static Target atLeast(String description, String protocol, String metric, double bound,
      String... contenders) {
    return new Target(description, protocol, metric, List.of(contenders), false, bound, List.of(), 1);
  }

  /** The best contender's figure must be at least {@code factor} times the best reference's. */
  public static Target atLeastTimes(String description, String protocol, String metric, double factor,
      List<String> references, String... contenders) {
    return new Target(description, protocol, metric, List.of(contenders), false, Double.NaN, references, factor);
  }

  /** {@code <=} or {@code >=}. */
  String comparator() {
    return atMost ? "<=" : ">=";
  }
}
