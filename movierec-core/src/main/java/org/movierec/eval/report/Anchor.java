package org.movierec.eval.report;

import java.util.Objects;

/**
 * A published figure on MovieLens 1M, set beside ours in a report. Published setups differ from ours in details
 * (folds, seeds, filtering), so an anchor gives the scale of a good result, not a like-for-like comparison.
 *
 * @param protocol the name of our protocol closest to the setup the figure was measured with
 * @param model the model as its source names it
 * @param metric the metric as our protocol names it ({@code RMSE}, {@code NDCG@10}, ...)
 * @param low the figure, or the lowest of the published range
 * @param high the figure, or the highest of the published range; {@code low} when there is one figure
 * @param source who published it, with the setup where it differs from ours
 */
public record Anchor(String protocol, String model, String metric, double low, double high, String source) {
  public Anchor {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(source, "source");
    if (!(low <= high)) {
      throw new IllegalArgumentException("low must not exceed high, got " + low + " and " + high);
    }
  }

  /** One published figure. */
  public static Anchor of(String protocol, String model, String metric, double value, String source) {
    return new Anchor(protocol, model, metric, value, value, source);
  }

  /** The figure with three decimals, as published: {@code 0.690}, or a range {@code 0.701-0.726}. */
  public String text() {
    String text = ReportFormat.published(low);
    return low == high ? text : text + "-" + ReportFormat.published(high);
  }
}
