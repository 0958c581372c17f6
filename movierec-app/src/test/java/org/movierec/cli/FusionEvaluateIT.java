package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.RealData;

/**
 * The two-tower models through {@code movierec evaluate} on the real MovieLens 1M, CI-sized: both objectives for
 * {@value #EPOCHS} epochs (instead of their defaults) on the rating and ranking protocols, seed 1, a few minutes on 2
 * cores. Each figure must lie within {@link #MARGIN} of the one README records for this command, so that a change
 * that makes the towers learn worse fails here, not only in the half-hour full evaluation.
 */
class FusionEvaluateIT {
  static final int EPOCHS = 2;

  /**
   * PyTorch's multi-threaded CPU kernels do not add in a fixed order: two runs differ in the 3rd or 4th decimal; a
   * regression moves more than this.
   */
  private static final double MARGIN = 0.01;

  /** Measured with the command in {@link #evaluate()}, seed 1, 2 cores (README, "CI regression"). */
  private static final Map<String, Map<String, Double>> EXPECTED = Map.of(
      "rating/fusion-mse", Map.of("RMSE", 0.8735, "MAE", 0.6907),
      "ranking/fusion-mse", Map.of("Recall@10", 0.0320, "NDCG@10", 0.0469),
      "ranking/fusion-ranking", Map.of("Recall@10", 0.1452, "NDCG@10", 0.1971));

  @TempDir static Path tmp;

  private static Path report;
  private static Cli.Run run;

  @BeforeAll
  static void evaluate() throws IOException {
    report = tmp.resolve("report");
    long start = System.nanoTime();
    run = Cli.run(Files.createDirectories(tmp.resolve("home")), "evaluate", "--data", RealData.ml1m().toString(),
        "--protocol", "rating", "--protocol", "ranking", "--recommender", "fusion-mse", "--recommender",
        "fusion-ranking", "--epochs", Integer.toString(EPOCHS), "--seed", "1", "--report", report.toString());
    System.out.printf(Locale.ROOT, "FusionEvaluateIT: evaluate took %.1f s%n%s", (System.nanoTime() - start) / 1e9,
        run.out());
  }

  /**
   * The demo's ranking objective (sampled softmax, fixed learning rate, no warm-up) sometimes lands in a worse basin
   * from its first epoch: NDCG@10 0.066 instead of 0.197 in one CI run of five (train loss 7.75 after epoch 1 instead
   * of 7.30), PyTorch's kernels adding in another order being the only difference. That case, and only a collapse
   * that deep, gets one more training, printed; a model that learns worse every time still fails here.
   */
  @Test
  void both_objectives_reach_the_figures_readme_records() throws IOException {
    assertThat(run.exitCode()).as("%s", run).isZero();
    Path figures = report.resolve("report.json");
    double ndcg = ReportFigures.figure(figures, "ranking/fusion-ranking", "NDCG@10");
    double expected = EXPECTED.get("ranking/fusion-ranking").get("NDCG@10");
    if (ndcg < expected / 2) {
      Path again = tmp.resolve("report-again");
      Cli.Run retry = Cli.run(tmp.resolve("home"), "evaluate", "--data", RealData.ml1m().toString(), "--protocol",
          "ranking", "--recommender", "fusion-ranking", "--epochs", Integer.toString(EPOCHS), "--seed", "1",
          "--report", again.toString());
      System.out.printf(Locale.ROOT, "FusionEvaluateIT: fusion-ranking collapsed (NDCG@10 %.4f, expected %.4f);"
          + " trained once more:%n%s", ndcg, expected, retry.out());
      assertThat(retry.exitCode()).as("%s", retry).isZero();
      assertThat(ReportFigures.assertWithin(again.resolve("report.json"),
          Map.of("ranking/fusion-ranking", EXPECTED.get("ranking/fusion-ranking")), MARGIN)).isEqualTo(2);
      Map<String, Map<String, Double>> others = new HashMap<>(EXPECTED);
      others.put("ranking/fusion-ranking", Map.of());
      assertThat(ReportFigures.assertWithin(figures, others, MARGIN)).isEqualTo(4);
      return;
    }
    assertThat(ReportFigures.assertWithin(figures, EXPECTED, MARGIN)).isEqualTo(6);
  }

  @Test
  void prints_each_epoch_and_says_the_ranking_model_predicts_no_stars() throws IOException {
    assertThat(run.out())
        .contains("fusion-mse: training 2 epochs on 900,188 ratings, RMSE on the test part after each epoch")
        .contains("    epoch 2/2  train loss ")
        .contains("not evaluated, since they predict no stars: fusion-ranking");
    assertThat(report.resolve("training-fusion-mse.svg")).isRegularFile();
    assertThat(report.resolve("training-fusion-ranking.svg")).isRegularFile();
    assertThat(report.resolve("heldout-rmse.svg")).isRegularFile();
  }
}
