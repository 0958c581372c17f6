package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.MovieLens;
import org.movierec.data.Ratings;
import org.movierec.data.Split;
import org.movierec.data.Splits;
import org.movierec.model.ModelFiles;
import org.movierec.model.ModelManifest;
import org.movierec.model.Architecture;
import org.movierec.model.Objective;
import org.movierec.train.HistoryConfig;
import org.movierec.train.HistorySplits;
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
    assertThat(fixture.training.outLines()).startsWith(
        "Loaded " + fixture.data.dir.toAbsolutePath().normalize() + ": 30 movies, 20 users, 400 ratings",
        "Training the history model for 2 epochs on 360 ratings, testing on 40 (seed 1)");
  }

  /**
   * A setting as the manifest reads it back from JSON: a float becomes the double it prints as, a small long an int,
   * a record a map of its components.
   */
  private static Object asRead(Object value) {
    return switch (value) {
      case Float f -> Double.valueOf(Float.toString(f));
      case Long l -> Math.toIntExact(l);
      case Record r -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
          try {
            fields.put(c.getName(), asRead(c.getAccessor().invoke(r)));
          } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
          }
        }
        yield fields;
      }
      default -> value;
    };
  }

  @Test
  void saves_the_model_with_a_manifest_recording_the_settings_and_the_test_rmse() {
    assertThat(fixture.model.resolve("manifest.json")).isRegularFile();
    ModelManifest manifest = ModelFiles.readManifest(fixture.model);
    assertThat(manifest.trainRatings()).isEqualTo(360);
    assertThat(manifest.testRatings()).isEqualTo(40);
    assertThat(manifest.history()).hasSize(2);
    // the architecture, every component of HistoryConfig by name (the defaults, but --epochs 2 --seed 1), the objective
    HistoryConfig trained = HistoryConfig.defaults().withEpochs(2).withSeed(1);
    List<String> keys = new ArrayList<>(List.of("architecture", "objective"));
    for (RecordComponent c : HistoryConfig.class.getRecordComponents()) {
      keys.add(c.getName());
    }
    assertThat(manifest.training()).containsOnlyKeys(keys).containsEntry("architecture", "history")
        .containsEntry("objective", "joint").containsEntry("epochs", 2).containsEntry("seed", 1)
        .containsEntry("testFraction", 0.1)
        .containsEntry("batchSize", trained.batchSize())
        .containsEntry("learningRate", asRead(trained.learningRate()))
        .containsEntry("starLossWeight", asRead(trained.starLossWeight()))
        .containsEntry("historyDim", trained.historyDim())
        .containsEntry("hiddenDim", trained.hiddenDim())
        .containsEntry("towerDim", trained.towerDim())
        .containsEntry("temperature", asRead(trained.temperature()))
        .containsEntry("splits", asRead(HistorySplits.defaults()));
    String rmse = String.format(Locale.ROOT, "%.4f", manifest.testRmse());
    assertThat(fixture.training.outLines()).contains("Saved the model in " + fixture.model.toAbsolutePath().normalize()
        + " (test RMSE " + rmse + " stars)");
    assertThat(fixture.training.outLines()).contains(String.format(Locale.ROOT,
        "epoch 2/2  train loss %.4f  test RMSE %s stars  %.1f s", manifest.history().get(1).trainLoss(), rmse,
        manifest.history().get(1).seconds()));
  }

  /** The root mean square of predicted minus actual stars, the predictions read from predict's output lines. */
  private static double rmse(List<String> predicted, Ratings actual) {
    assertThat(predicted).hasSize(actual.size());
    double squares = 0;
    for (int i = 0; i < actual.size(); i++) {
      String[] fields = predicted.get(i).split("::");
      double e = Double.parseDouble(fields[2]) - actual.stars(i);
      squares += e * e;
    }
    return Math.sqrt(squares / actual.size());
  }

  @Test
  void the_printed_test_rmse_is_that_of_predict_on_the_held_out_ratings_each_user_read_from_their_training_ones()
      throws IOException {
    // the held-out 10%: Splits.random with the seed, as training draws it
    Split split = Splits.random(MovieLens.load(fixture.data.dir).ratings(), 0.1, TrainedFixture.SEED);
    assertThat(split.test().size()).isEqualTo(40);
    // each user of users.dat again as a user new to the model (id + 1000), with their training ratings only: what
    // the history model reads of them when it measures its test RMSE
    StringBuilder users = new StringBuilder();
    for (String line : Files.readAllLines(fixture.data.dir.resolve("users.dat"), StandardCharsets.ISO_8859_1)) {
      int id = Integer.parseInt(line.substring(0, line.indexOf("::")));
      users.append(id + 1000).append(line.substring(line.indexOf("::"))).append('\n');
    }
    StringBuilder ratings = new StringBuilder();
    for (int i = 0; i < split.train().size(); i++) {
      ratings.append(split.train().userId(i) + 1000).append("::").append(split.train().movieId(i)).append("::")
          .append(split.train().stars(i)).append('\n');
    }
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < split.test().size(); i++) {
      pairs.append(split.test().userId(i) + 1000).append("::").append(split.test().movieId(i)).append('\n');
    }
    Cli.Run run = Cli.run(fixture.home, "predict", "--model", fixture.model.toString(),
        "--input", Files.writeString(tmp.resolve("pairs.dat"), pairs).toString(),
        "--users-file", Files.writeString(tmp.resolve("users.dat"), users).toString(),
        "--ratings-file", Files.writeString(tmp.resolve("ratings.dat"), ratings).toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    double printed = ModelFiles.readManifest(fixture.model).testRmse();
    // predict writes 4 decimals: each prediction is off by at most 5e-5, and so is the RMSE
    assertThat(rmse(run.outLines(), split.test())).isCloseTo(printed, within(5e-5));
    assertThat(fixture.training.out()).contains(String.format(Locale.ROOT, "(test RMSE %.4f stars)", printed));
  }

  @Test
  void the_demo_architecture_trains_the_original_towers_on_the_stars() {
    Cli.Run training = fixture.demoTraining();
    assertThat(training.outLines()).contains(
        "Training the demo model for 2 epochs on 360 ratings, testing on 40 (seed 1)");
    ModelManifest manifest = ModelFiles.readManifest(fixture.demoModel());
    TrainingConfig trained = TrainingConfig.defaults().withEpochs(2).withSeed(1);
    List<String> keys = new ArrayList<>(List.of("architecture"));
    for (RecordComponent c : TrainingConfig.class.getRecordComponents()) {
      keys.add(c.getName());
    }
    assertThat(manifest.training()).containsOnlyKeys(keys).containsEntry("architecture", "demo")
        .containsEntry("objective", "mse").containsEntry("epochs", 2).containsEntry("seed", 1)
        .containsEntry("testFraction", 0.1).containsEntry("batchSize", trained.batchSize())
        .containsEntry("learningRate", asRead(trained.learningRate()))
        .containsEntry("weightDecay", asRead(trained.weightDecay()))
        .containsEntry("idDropout", asRead(trained.idDropout()))
        .containsEntry("temperature", asRead(trained.temperature()))
        .containsEntry("negatives", trained.negatives());
    assertThat(manifest.testRatings()).isEqualTo(40);
    assertThat(training.out()).contains(String.format(Locale.ROOT, "(test RMSE %.4f stars)", manifest.testRmse()));
  }

  @Test
  void the_demo_models_printed_test_rmse_is_that_of_predict_on_the_held_out_pairs() throws IOException {
    Split split = Splits.random(MovieLens.load(fixture.data.dir).ratings(), 0.1, TrainedFixture.SEED);
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < split.test().size(); i++) {
      pairs.append(split.test().userId(i)).append("::").append(split.test().movieId(i)).append('\n');
    }
    Cli.Run run = Cli.run(fixture.home, "predict", "--model", fixture.demoModel().toString(), "--input",
        Files.writeString(tmp.resolve("pairs.dat"), pairs).toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    double printed = ModelFiles.readManifest(fixture.demoModel()).testRmse();
    assertThat(rmse(run.outLines(), split.test())).isCloseTo(printed, within(5e-5));
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
        "--architecture", "demo", "--objective", "ranking", "--epochs", "1", "--seed", "1");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines())
        .contains("Training the demo model for 1 epoch on 360 ratings, holding out 40 (ranking objective, seed 1)");
    assertThat(run.out())
        .doesNotContain("RMSE n/a").doesNotContain("test RMSE");
    assertThat(run.outLines()).anyMatch(l -> l.matches(
        "epoch 1/1  train loss \\d+\\.\\d{4}  ranking objective: no RMSE \\(see movierec evaluate\\)  \\d+\\.\\d s"));
    ModelManifest manifest = ModelFiles.readManifest(model);
    assertThat(manifest.training()).containsEntry("architecture", "demo").containsEntry("objective", "ranking")
        .containsEntry("epochs", 1)
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
    assertThat(TrainCommand.trainer(null, Architecture.HISTORY, null, null, null, null).config())
        .isEqualTo(HistoryConfig.defaults());
    assertThat(TrainCommand.trainer(null, Architecture.HISTORY, Objective.JOINT, null, null, null).config())
        .isEqualTo(HistoryConfig.defaults());
    assertThat(TrainCommand.trainer(null, Architecture.HISTORY, null, 3, 5L, 0.2).config())
        .isEqualTo(HistoryConfig.defaults().withEpochs(3).withSeed(5).withTestFraction(0.2));
  }

  @Test
  void the_help_states_each_architectures_defaults_as_the_config_has_them() {
    assertThat(HistoryConfig.defaults().epochs()).isEqualTo(HistoryConfig.DEFAULT_EPOCHS);
    String epochs = "default: " + HistoryConfig.DEFAULT_EPOCHS + " for history; "
        + TrainingConfig.defaults(Objective.MSE).epochs() + " for demo with mse, "
        + TrainingConfig.defaults(Objective.RANKING).epochs() + " for demo with ranking";
    String train = Cli.run(fixture.home, "train", "--help").out().replaceAll("\\s+", " ");
    assertThat(train).contains(epochs)
        .contains("(default: " + HistoryConfig.defaults().seed() + ")")
        .contains("(default: " + HistoryConfig.defaults().testFraction() + ")");
    // one seed and one test fraction in the help: every architecture and objective has the same
    for (TrainingConfig c : List.of(TrainingConfig.defaults(Objective.MSE), TrainingConfig.defaults(Objective.RANKING))) {
      assertThat(c.seed()).isEqualTo(HistoryConfig.defaults().seed());
      assertThat(c.testFraction()).isEqualTo(HistoryConfig.defaults().testFraction());
    }
    assertThat(Cli.run(fixture.home, "evaluate", "--help").out().replaceAll("\\s+", " ")).contains(
        "(" + HistoryConfig.DEFAULT_EPOCHS + " for history, " + TrainingConfig.defaults(Objective.MSE).epochs()
            + " for fusion-mse, " + TrainingConfig.defaults(Objective.RANKING).epochs() + " for fusion-ranking)");
    assertThat(Cli.run(fixture.home, "quickstart", "--help").out().replaceAll("\\s+", " ")).contains(
        "(default: " + HistoryConfig.DEFAULT_EPOCHS + " for history, " + TrainingConfig.defaults().epochs()
            + " for demo)")
        .contains("(default: " + HistoryConfig.defaults().seed() + ")");
  }

  @Test
  void rejects_an_unknown_objective_listing_the_valid_ones() {
    Cli.Run run = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--objective", "rmse");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--objective': unknown objective 'rmse'; valid: mse,"
        + " ranking, joint" + System.lineSeparator());
  }

  @Test
  void takes_the_demo_objectives_only_with_the_demo_architecture_and_joint_only_with_history() {
    Cli.Run ranking = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
        tmp.resolve("m").toString(), "--objective", "ranking");
    assertThat(ranking.exitCode()).isEqualTo(2);
    assertThat(ranking.err()).isEqualTo("movierec: --objective ranking applies to --architecture demo; the history"
        + " architecture learns ranking and stars together" + System.lineSeparator()
        + "Try 'movierec train --help' for more information." + System.lineSeparator());
    // as the demo's default, mse too needs --architecture demo
    Cli.Run mse = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
        tmp.resolve("m").toString(), "--objective", "mse");
    assertThat(mse.exitCode()).isEqualTo(2);
    assertThat(mse.err()).startsWith("movierec: --objective mse applies to --architecture demo;");
    Cli.Run joint = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
        tmp.resolve("m").toString(), "--architecture", "demo", "--objective", "joint");
    assertThat(joint.exitCode()).isEqualTo(2);
    assertThat(joint.err()).startsWith("movierec: --objective joint is the history architecture's own; the demo's"
        + " towers learn mse or ranking" + System.lineSeparator());
    Cli.Run unknown = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--architecture", "fusion");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Invalid value for option '--architecture': unknown architecture 'fusion';"
        + " valid: demo, history" + System.lineSeparator());
    assertThat(tmp.resolve("m")).doesNotExist();
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
