package org.movierec.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
  private final Report report = ReportFixture.report();
  private final String md = ReportMarkdown.render(report);

  @Test
  void writes_a_table_per_protocol_with_every_metric_and_the_seconds() {
    assertThat(ReportMarkdown.table(ReportFixture.rating())).containsExactly(
        "| Recommender | RMSE | MAE | Train s | Eval s |",
        "|---|---:|---:|---:|---:|",
        "| biased-mf | 0.8386 | 0.6565 | 10.2 | 0.3 |",
        "| fusion-mse | 0.8612 | 0.6781 | 150.0 | 1.2 |");
    assertThat(md).contains(String.join("\n", ReportMarkdown.table(ReportFixture.rating())));
  }

  @Test
  void prints_a_missing_figure_as_not_available() {
    assertThat(ReportMarkdown.table(ReportFixture.ranking())).contains(
        "| fusion-ranking | 0.2200 | 0.2800 | 0.7800 | 0.3200 | n/a | 0.8700 | 300.0 | 3.0 |");
  }

  @Test
  void states_the_run_context_in_the_header() {
    assertThat(md.lines().toList()).contains(
        "- **Date:** 2025-06-01T10:00:00Z",
        "- **Seed:** 1 (every split, negative sample and model)",
        "- **Machine:** 2 cores (Test CPU), 24.0 GiB memory (JVM heap up to 4.0 GiB), Linux 6.1 amd64, Java 25+36"
            + " (Test)",
        "- **Wall time:** 12 min 34 s",
        "- **Data:** `/data/ml-1m`: 3,883 movies, 6,040 users, 1,000,209 ratings (SHA-256 `abc123`)",
        "- **Timestamps:** 0 of 6,040 users have them",
        "- **Command:** `movierec evaluate --data /data/ml-1m`");
  }

  @Test
  void judges_every_target_with_the_figures() {
    assertThat(md).contains(String.join("\n",
        "## Targets",
        "",
        "Issue 8's targets, judged on the history model (the default two towers).",
        "",
        "| Target | Verdict |",
        "|---|---|",
        "| History model, rating: RMSE <= 0.835 | not evaluated: history did not run on rating |",
        "| History model, ranking: Recall@10 >= EASE run here | not evaluated: history did not run on ranking |",
        "| History model, ranking: NDCG@10 >= EASE run here | not evaluated: history did not run on ranking |",
        "| History model, ncf: HR@10 >= 0.73 | not evaluated: the ncf protocol was skipped |",
        "| History model, ncf: NDCG@10 >= 0.45 | not evaluated: the ncf protocol was skipped |",
        "| History model, cold-start: NDCG@10 >= best popularity baseline | not evaluated: history did not run on"
            + " cold-start |"));
  }

  @Test
  void describes_each_protocol_and_says_why_one_was_skipped() {
    assertThat(md).contains("\n## rating\n", "\n## ranking\n", "\n## ncf\n", "\n## cold-start\n")
        .contains("**Skipped:** the ratings have no timestamps")
        .contains("- **Seen movies excluded:** no")
        .contains("- **Seen movies excluded:** yes")
        .contains("- **Users evaluated:** 6,040 (none skipped)")
        .contains("- **Users evaluated:** 6,034 (6 skipped: no relevant held-out movie)")
        .contains("Not evaluated here, since they predict no stars: popularity, ease.");
  }

  @Test
  void sets_the_published_anchors_beside_ours() {
    assertThat(md).contains(
        "| Published model | RMSE | MAE | Source |",
        "| SVD (Surprise) | 0.873 | 0.686 | " + Anchors.SURPRISE + " |",
        "| biased MF, tuned | 0.843 | - | " + Anchors.TUNED_MF + " |",
        "| EASE (RecBole) | 0.214 | 0.287 | " + Anchors.RECBOLE + " |",
        "| NeuMF | 0.701-0.726 | 0.425-0.445 | " + Anchors.NCF_PAPER + " |",
        "| PureSVD | 0.690 | 0.429 | " + Anchors.DACREMA + " |",
        "Published figures: none. " + Anchors.note("cold-start"));
  }

  @Test
  void links_every_plot_it_writes() {
    for (String file : ReportPlots.render(report).keySet()) {
      assertThat(md).contains("](" + file + ")");
    }
    assertThat(ReportPlots.render(report).keySet()).containsExactly("metrics-rating.svg", "metrics-ranking.svg",
        "metrics-cold-start.svg", "training-fusion-mse.svg", "training-fusion-ranking.svg", "heldout-rmse.svg");
  }

  @Test
  void summarises_the_training_curves() {
    assertThat(md).contains(
        "| fusion-mse | rating | 3 | squared error (stars^2) | 0.9500 | 0.7400 | 0.8612 (test) | 60.0 |",
        "| fusion-ranking | ranking | 2 | softmax cross-entropy | 7.5000 | 7.1000 | - | 200.0 |");
  }

  @Test
  void the_text_summary_has_a_compact_table_per_protocol_and_the_verdicts() {
    List<String> lines = ReportText.summary(report).lines().toList();
    assertThat(lines).contains(
        "Summary (seed 1, wall time 12 min 34 s)",
        "rating: 6,040 users",
        "  recommender    RMSE     MAE  train s   eval s",
        "  biased-mf    0.8386  0.6565     10.2      0.3",
        "  (predict no stars: popularity, ease)",
        "ncf: skipped (the ratings have no timestamps)",
        "cold-start: 600 users (4 skipped)",
        "  History model, rating: RMSE <= 0.835: not evaluated: history did not run on rating");
  }
}
