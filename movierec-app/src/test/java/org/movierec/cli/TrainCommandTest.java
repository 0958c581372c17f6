package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.model.ModelFiles;
import org.movierec.model.ModelManifest;
import org.movierec.model.Architecture;
import org.movierec.model.Objective;
import org.movierec.train.HistoryConfig;
import org.movierec.train.TrainingConfig;

class TrainCommandTest {
  private static final Pattern EPOCH_LINE = Pattern.compile(
      "epoch (\\d+)/2  train loss (\\d+\\.\\d{4})  test RMSE (\\d+\\.\\d{4}) stars  \\d+\\.\\d s");

  private final TrainedFixture fixture = TrainedFixture.get();

  @TempDir Path tmp;

  @Test
  void prints_one_line_per_epoch_with_the_training_loss_and_the_test_rmse_in_stars() {
    List<String> epochs = fixture.training.outLines().stream().filter(l -> l.startsWith("epoch ")).toList();
    assertThat(epochs).hasSize(2);
    for (int i = 0; i < 2; i++) {
      Matcher m = EPOCH_LINE.matcher(epochs.get(i));
      assertThat(m.matches()).as(epochs.get(i)).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(i + 1);
      assertThat(Double.parseDouble(m.group(2))).isPositive();
      assertThat(Double.parseDouble(m.group(3))).isBetween(0.0, 4.0);
    }
  }

  @Test
  void says_what_it_loaded_and_how_it_splits_the_ratings() {
    assertThat(fixture.training.out())
        .contains("30 movies, 20 users, 400 ratings")
        .contains("Training for 2 epochs on 360 ratings, testing on 40 (seed 1)");
  }

  @Test
  void saves_the_model_with_a_manifest_recording_the_settings_and_the_test_rmse() {
    assertThat(fixture.model.resolve("manifest.json")).isRegularFile();
    ModelManifest manifest = ModelFiles.readManifest(fixture.model);
    assertThat(manifest.trainRatings()).isEqualTo(360);
    assertThat(manifest.testRatings()).isEqualTo(40);
    assertThat(manifest.history()).hasSize(2);
    assertThat(manifest.training()).containsEntry("epochs", 2).containsEntry("objective", "mse")
        .containsKeys("seed", "testFraction", "batchSize", "learningRate");
    String rmse = String.format(java.util.Locale.ROOT, "%.4f", manifest.testRmse());
    assertThat(fixture.training.out()).contains("Saved the model in " + fixture.model.toAbsolutePath().normalize())
        .contains("(test RMSE " + rmse + " stars)");
  }

  @Test
  void prints_nothing_on_stderr_when_no_one_watches() {
    assertThat(fixture.training.err()).isEmpty();
  }

  @Test
  void trains_on_every_rating_with_test_fraction_zero() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
        tmp.resolve("all").toString(), "--epochs", "1", "--test-fraction", "0");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("on 400 ratings, testing on none").contains("test RMSE n/a");
    assertThat(ModelFiles.readManifest(tmp.resolve("all")).testRmse()).isNull();
  }

  @Test
  void trains_the_towers_for_ranking_without_claiming_an_rmse() {
    Path model = tmp.resolve("ranking");
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model", model.toString(),
        "--objective", "ranking", "--epochs", "1", "--seed", "1");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).contains("Training for 1 epoch on 360 ratings, holding out 40 (ranking objective, seed 1)")
        .doesNotContain("RMSE n/a").doesNotContain("test RMSE");
    assertThat(run.outLines()).anyMatch(l -> l.matches(
        "epoch 1/1  train loss \\d+\\.\\d{4}  ranking objective: no RMSE \\(see movierec evaluate\\)  \\d+\\.\\d s"));
    ModelManifest manifest = ModelFiles.readManifest(model);
    assertThat(manifest.training()).containsEntry("objective", "ranking").containsEntry("epochs", 1)
        .containsEntry("batchSize", TrainingConfig.defaults(Objective.RANKING).batchSize());
    assertThat(manifest.testRmse()).isNull();
  }

  @Test
  void each_objective_starts_from_its_own_defaults_and_the_options_override_them() {
    assertThat(TrainCommand.trainer(null, Architecture.DEMO, Objective.RANKING, null, null, null).config())
        .isEqualTo(TrainingConfig.defaults(Objective.RANKING));
    assertThat(TrainCommand.trainer(null, Architecture.DEMO, Objective.RANKING, 2, 7L, 0.0).config())
        .isEqualTo(TrainingConfig.defaults(Objective.RANKING).withEpochs(2).withSeed(7).withTestFraction(0));
    assertThat(TrainCommand.trainer(null, Architecture.DEMO, null, null, null, null).config())
        .isEqualTo(TrainingConfig.defaults());
    assertThat(TrainCommand.trainer(null, Architecture.HISTORY, null, 3, 5L, 0.2).config())
        .isEqualTo(HistoryConfig.defaults().withEpochs(3).withSeed(5).withTestFraction(0.2));
  }

  @Test
  void the_help_states_each_objectives_defaults_as_the_config_has_them() {
    String epochs = "default: " + TrainingConfig.defaults(Objective.MSE).epochs() + " for mse, "
        + TrainingConfig.defaults(Objective.RANKING).epochs() + " for ranking";
    String train = Cli.run(fixture.home, "train", "--help").out().replaceAll("\\s+", " ");
    assertThat(train).contains(epochs)
        .contains("(default: " + TrainingConfig.defaults().seed() + ")")
        .contains("(default: " + TrainingConfig.defaults().testFraction() + ")");
    assertThat(TrainingConfig.defaults(Objective.RANKING).seed()).isEqualTo(TrainingConfig.defaults().seed());
    assertThat(TrainingConfig.defaults(Objective.RANKING).testFraction())
        .isEqualTo(TrainingConfig.defaults().testFraction());
    assertThat(Cli.run(fixture.home, "evaluate", "--help").out().replaceAll("\\s+", " ")).contains(
        "(" + TrainingConfig.defaults(Objective.MSE).epochs() + " for mse, "
            + TrainingConfig.defaults(Objective.RANKING).epochs() + " for ranking)");
  }

  @Test
  void rejects_an_unknown_objective_listing_the_valid_ones() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--objective", "rmse");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown objective 'rmse'; valid: mse, ranking");
  }

  @Test
  void rejects_zero_epochs_as_a_usage_error() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
        tmp.toString(), "--epochs", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--epochs must be at least 1, got: 0").contains("movierec train --help");
  }

  @Test
  void rejects_a_test_fraction_of_one() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--test-fraction", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--test-fraction must be at least 0 and below 1, got: 1.0");
  }

  @Test
  void requires_the_data_directory() {
    Cli.Run run = Cli.run(fixture.home, "train", "--model", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required option: '--data=DIR'");
  }

  @Test
  void reports_a_missing_data_directory_in_one_line() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", tmp.resolve("nowhere").toString(), "--model",
        tmp.resolve("m").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("movierec: no MovieLens data at").contains("does not exist");
  }

  @Test
  void names_file_line_and_field_of_a_malformed_rating() throws IOException {
    Path data = tmp.resolve("broken");
    TinyMovieLens.write(data, TrainedFixture.SEED);
    List<String> lines = Files.readAllLines(data.resolve("ratings.dat"), StandardCharsets.ISO_8859_1);
    lines.set(2, "1::2::seven");
    Files.write(data.resolve("ratings.dat"), lines, StandardCharsets.ISO_8859_1);
    Cli.Run run = Cli.run(fixture.home, "train", "--data", data.toString(), "--model", tmp.resolve("m").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("ratings.dat line 3, field 3 (rating)").contains("'seven'");
    assertThat(tmp.resolve("m")).doesNotExist();
  }
}
