package org.movierec.eval.report;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.movierec.eval.Protocol;
import org.movierec.eval.Protocols;
import org.movierec.eval.Results;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;
import org.movierec.model.EpochStats;

/** A hand-made report: figures chosen so that each kind of verdict occurs once or more. */
final class ReportFixture {
  private ReportFixture() {}

  static Row row(String protocol, String recommender, double trainSeconds, long evalMillis, int users, int skipped,
      Object... nameValue) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      metrics.put((String) nameValue[i], (Double) nameValue[i + 1]);
    }
    return Row.of(new Results(protocol, recommender, metrics, users, skipped, Duration.ofMillis(evalMillis)),
        trainSeconds);
  }

  static Section section(Protocol p, List<Row> rows, List<String> notApplicable, String... notes) {
    return new Section(p.name(), p.task().name(), p.split(), p.relevance(), p.candidates(), p.seenExcluded(),
        p.metricNames(), null, p.name() + " (seed 1): sizes", List.of(notes), rows, notApplicable);
  }

  static Section rating() {
    return section(Protocols.RATING, List.of(
        row("rating", "biased-mf", 10.2, 310, 6040, 0, "RMSE", 0.8386, "MAE", 0.6565),
        row("rating", "fusion-mse", 150.0, 1200, 6040, 0, "RMSE", 0.8612, "MAE", 0.6781)),
        List.of("popularity", "ease"));
  }

  static Section ranking() {
    return section(Protocols.RANKING, List.of(
        row("ranking", "popularity", 0.1, 900, 6034, 6, "Recall@10", 0.0782, "NDCG@10", 0.1176, "Hit@10", 0.4778,
            "Recall@20", 0.1283, "NDCG@20", 0.1230, "Hit@20", 0.6083),
        row("ranking", "ease", 20.0, 4000, 6034, 6, "Recall@10", 0.2139, "NDCG@10", 0.2838, "Hit@10", 0.7777,
            "Recall@20", 0.3109, "NDCG@20", 0.2937, "Hit@20", 0.8635),
        row("ranking", "fusion-mse", 100.0, 3000, 6034, 6, "Recall@10", 0.1000, "NDCG@10", 0.2900, "Hit@10",
            0.5000, "Recall@20", 0.2000, "NDCG@20", 0.2000, "Hit@20", 0.6000),
        row("ranking", "fusion-ranking", 300.0, 3000, 6034, 6, "Recall@10", 0.2200, "NDCG@10", 0.2800, "Hit@10",
            0.7800, "Recall@20", 0.3200, "NDCG@20", Double.NaN, "Hit@20", 0.8700)),
        List.of());
  }

  static Section coldStart() {
    return section(Protocols.COLD_START, List.of(
        row("cold-start", "popularity", 0.1, 100, 600, 4, "Recall@10", 0.0583, "NDCG@10", 0.3862),
        row("cold-start", "most-liked", 0.1, 100, 600, 4, "Recall@10", 0.0619, "NDCG@10", 0.4035),
        row("cold-start", "segment-popularity", 0.2, 100, 600, 4, "Recall@10", 0.0660, "NDCG@10", 0.4161),
        row("cold-start", "fusion-ranking", 280.0, 500, 600, 4, "Recall@10", 0.0700, "NDCG@10", 0.4600)),
        List.of());
  }

  static Report report() {
    List<Section> sections = List.of(rating(), ranking(),
        Section.skipped(Protocols.NCF, "the ratings have no timestamps"), coldStart());
    List<Report.Curve> curves = List.of(
        Report.Curve.of("rating", "fusion-mse", "squared error (stars^2)", "test",
            List.of(new EpochStats(1, 0.95, 0.91, 20), new EpochStats(2, 0.80, 0.88, 21),
                new EpochStats(3, 0.74, 0.8612, 19))),
        Report.Curve.of("ranking", "fusion-ranking", "softmax cross-entropy", null,
            List.of(new EpochStats(1, 7.5, Double.NaN, 100), new EpochStats(2, 7.1, Double.NaN, 100))),
        Report.Curve.of("cold-start", "fusion-ranking", "softmax cross-entropy", null,
            List.of(new EpochStats(1, 7.4, Double.NaN, 90), new EpochStats(2, 7.0, Double.NaN, 90))));
    Report.Machine machine = new Report.Machine(2, 24L << 30, 4L << 30, "Test CPU", "Linux 6.1 amd64",
        "25+36 (Test)");
    Report.Dataset data = new Report.Dataset("/data/ml-1m", "abc123", 3883, 6040, 1000209, null, null, 0);
    return Report.of("2025-06-01T10:00:00Z", 1, machine, data, 754.4, "movierec evaluate --data /data/ml-1m",
        sections, curves);
  }
}
