package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.RealData;

/**
 * The default two-tower model (history) through {@code movierec evaluate} on the real MovieLens 1M, CI-sized:
 * {@value #EPOCHS} epochs instead of its default on the rating, ranking and few-shot-5 protocols, seed 1, a few
 * minutes on 2 cores. Each figure must lie within {@link #MARGIN} of the one README records for this command (two
 * sided: a change that makes the model learn worse fails here, and so does one that silently changes what is
 * measured), not only in the full evaluation.
 */
class HistoryEvaluateIT {
  static final int EPOCHS = 6;

  /** PyTorch's multi-threaded CPU sums move the 3rd or 4th decimal between runs; a regression moves more. */
  private static final double MARGIN = 0.01;

  /** Measured with the command in {@link #evaluate()}, seed 1, 2 cores (README, "CI regression"). */
  private static final Map<String, Map<String, Double>> EXPECTED = Map.of(
      "rating/history", Map.of("RMSE", 0.8447, "MAE", 0.6628),
      "ranking/history", Map.of("Recall@10", 0.1477, "NDCG@10", 0.2055),
      "few-shot-5/history", Map.of("Recall@10", 0.0779, "NDCG@10", 0.4342));

  @TempDir static Path tmp;

  private static Path report;
  private static Cli.Run run;

  @BeforeAll
  static void evaluate() throws IOException {
    report = tmp.resolve("report");
    long start = System.nanoTime();
    run = Cli.run(Files.createDirectories(tmp.resolve("home")), "evaluate", "--data", RealData.ml1m().toString(),
        "--protocol", "rating", "--protocol", "ranking", "--protocol", "few-shot-5", "--recommender", "history",
        "--epochs", Integer.toString(EPOCHS), "--seed", "1", "--report", report.toString());
    System.out.printf(Locale.ROOT, "HistoryEvaluateIT: evaluate took %.1f s%n%s", (System.nanoTime() - start) / 1e9,
        run.out());
  }

  @Test
  void the_history_model_reaches_the_figures_readme_records() throws IOException {
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(ReportFigures.assertWithin(report.resolve("report.json"), EXPECTED, MARGIN)).isEqualTo(6);
  }

  @Test
  void prints_each_epoch_with_the_held_out_rmse_of_its_star_head() {
    assertThat(run.out())
        .contains("history: training 6 epochs on 900,188 ratings, RMSE on the test part after each epoch")
        .contains("    epoch 6/6  train loss ");
    assertThat(report.resolve("training-history.svg")).isRegularFile();
  }
}
