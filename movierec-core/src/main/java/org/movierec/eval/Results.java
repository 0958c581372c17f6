package org.movierec.eval;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one recommender scored on one protocol.
 *
 * @param protocol the protocol's name
 * @param recommender the scorer's name
 * @param metrics by name ({@code RMSE}, {@code NDCG@10}, ...), in the protocol's order: for ranking metrics the mean
 *     over the evaluated users, for RMSE and MAE over the held-out ratings
 * @param users the users evaluated
 * @param skippedUsers test users left out because none of their held-out ratings is relevant (0 for star prediction)
 * @param time the wall time of the evaluation (scoring and metrics; not training)
 */
public record Results(String protocol, String recommender, Map<String, Double> metrics, int users, int skippedUsers,
    Duration time) {
  public static final String RMSE = "RMSE";
  public static final String MAE = "MAE";

  public Results {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(recommender, "recommender");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Objects.requireNonNull(time, "time");
  }

  /**
   * The value of a metric.
   *
   * @throws IllegalArgumentException naming the metrics there are, if there is no such metric
   */
  public double metric(String name) {
    Double value = metrics.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no metric '" + name + "' in the " + protocol + " results; valid: "
          + String.join(", ", metrics.keySet()));
    }
    return value;
  }
}
