package org.movierec.eval.report;

import java.util.ArrayList;
import java.util.List;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;

/**
 * The targets the default two-tower model is judged against, as issue 8 states them, and how a report's figures are
 * judged. A target is never adjusted to a figure: when one is missed, the report says so with the numbers.
 */
public final class Targets {
  public static final String FUSION_MSE = "fusion-mse";
  public static final String FUSION_RANKING = "fusion-ranking";
  /** The default two-tower model (issue 8's targets are its). */
  public static final String HISTORY = "history";

  /** Popularity baselines: the cold-start target's reference. */
  public static final List<String> POPULARITY_BASELINES = List.of("popularity", "most-liked", "segment-popularity");

  private static final List<Target> ISSUE = List.of(
      Target.atMost("History model, rating: RMSE <= 0.835", "rating", "RMSE", 0.835, HISTORY),
      Target.atLeastTimes("History model, ranking: Recall@10 >= EASE run here", "ranking", "Recall@10", 1.0,
          List.of("ease"), HISTORY),
      Target.atLeastTimes("History model, ranking: NDCG@10 >= EASE run here", "ranking", "NDCG@10", 1.0,
          List.of("ease"), HISTORY),
      Target.atLeast("History model, ncf: HR@10 >= 0.73", "ncf", "HR@10", 0.73, HISTORY),
      Target.atLeast("History model, ncf: NDCG@10 >= 0.45", "ncf", "NDCG@10", 0.45, HISTORY),
      Target.atLeastTimes("History model, cold-start: NDCG@10 >= best popularity baseline", "cold-start", "NDCG@10",
          1.0, POPULARITY_BASELINES, HISTORY),
      Target.atLeastTimes("History model, cold-start (stretch): NDCG@10 >= 1.10 x best popularity baseline",
          "cold-start", "NDCG@10", 1.10, POPULARITY_BASELINES, HISTORY),
      Target.atLeastTimes("History model, few-shot-5: NDCG@10 >= EASE folded in from the same ratings", "few-shot-5",
          "NDCG@10", 1.0, List.of("ease"), HISTORY),
      Target.atLeastTimes("History model, few-shot-5: NDCG@10 >= 1.25 x segment popularity", "few-shot-5", "NDCG@10",
          1.25, List.of("segment-popularity"), HISTORY));

  private Targets() {}

  /** The issue's targets, in report order. */
  public static List<Target> all() {
    return ISSUE;
  }

  /** Judges every target of {@link #all()} on the sections. */
  public static List<Verdict> judge(List<Section> sections) {
    return judge(ISSUE, sections);
  }

  /** Judges each target on the sections, in order. */
  public static List<Verdict> judge(List<Target> targets, List<Section> sections) {
    List<Verdict> out = new ArrayList<>();
    for (Target t : targets) {
      out.add(judge(t, sections));
    }
    return out;
  }

  /**
   * The verdict on one target: its best contender's figure against the bound. Not evaluated when the protocol did
   * not run or was skipped, no contender ran on it, or (for a relative bound) no reference did.
   */
  public static Verdict judge(Target t, List<Section> sections) {
    Section section = sections.stream().filter(s -> s.protocol().equals(t.protocol())).findFirst().orElse(null);
    if (section == null) {
      return notEvaluated(t, "the " + t.protocol() + " protocol did not run");
    }
    if (section.skipped() != null) {
      return notEvaluated(t, "the " + t.protocol() + " protocol was skipped");
    }
    Row best = best(section, t.contenders(), t.metric(), t.atMost());
    if (best == null) {
      return notEvaluated(t, String.join(" / ", t.contenders()) + " did not run on " + t.protocol());
    }
    double threshold;
    String basis;
    if (t.references().isEmpty()) {
      threshold = t.bound();
      basis = ReportFormat.bound(t.bound());
    } else {
      Row reference = best(section, t.references(), t.metric(), false);
      if (reference == null) {
        return notEvaluated(t, "needs " + String.join(" / ", t.references()) + " on " + t.protocol()
            + ", which did not run");
      }
      double r = reference.metrics().get(t.metric());
      threshold = t.factor() * r;
      basis = t.factor() == 1.0
          ? ReportFormat.metric(r) + " (" + reference.recommender() + ")"
          : ReportFormat.metric(threshold) + " = " + ReportFormat.factor(t.factor()) + " x "
              + reference.recommender() + " " + ReportFormat.metric(r);
    }
    double value = best.metrics().get(t.metric());
    boolean met = t.atMost() ? value <= threshold : value >= threshold;
    String figures = best.recommender() + " " + ReportFormat.metric(value);
    String text = met
        ? "met (" + figures + " " + t.comparator() + " " + basis + ")"
        : "MISSED (" + figures + " vs " + t.comparator() + " " + basis + ")";
    return new Verdict(t.description(), met ? Verdict.Status.MET : Verdict.Status.MISSED, best.recommender(), value,
        threshold, text);
  }

  private static Verdict notEvaluated(Target t, String why) {
    return new Verdict(t.description(), Verdict.Status.NOT_EVALUATED, null, null, null, "not evaluated: " + why);
  }

  /** The row among {@code names} with the best figure of the metric (lowest if {@code lowest}), or null. */
  private static Row best(Section section, List<String> names, String metric, boolean lowest) {
    Row best = null;
    for (Row row : section.rows()) {
      Double v = row.metrics().get(metric);
      if (!names.contains(row.recommender()) || v == null) {
        continue;
      }
      double b = best == null ? Double.NaN : best.metrics().get(metric);
      if (best == null || (lowest ? v < b : v > b)) {
        best = row;
      }
    }
    return best;
  }
}
