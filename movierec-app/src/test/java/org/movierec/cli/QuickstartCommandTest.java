package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.model.ModelFiles;

class QuickstartCommandTest {
  private final TrainedFixture fixture = TrainedFixture.get();

  @TempDir Path tmp;

  @Test
  void trains_the_history_model_indexes_and_recommends_to_three_users_then_reuses_the_model() {
    Path model = tmp.resolve("model");
    String[] args = {"quickstart", "--data", fixture.data.dir.toString(), "--model", model.toString(), "--epochs", "1",
        "--seed", "3"};
    Cli.Run first = Cli.run(fixture.home, args);
    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.outLines()).containsSubsequence(
        "Loaded " + fixture.data.dir.toAbsolutePath().normalize() + ": 30 movies, 20 users, 400 ratings",
        "Training the history model for 1 epoch on 360 ratings, testing on 40 (seed 3)",
        // the original demo's user (demographics only), a new user who rated a few movies, a known user
        "Recommendations for a new user: female, under 18, K-12 student",
        "Recommendations for a new user: female, 25-34, programmer, who rated 3 movies",
        "Recommendations for user 1 (F, under 18, K-12 student)",
        "Next: movierec recommend --model " + model + " --age 25 --gender M --job programmer");
    assertThat(first.out())
        .containsPattern("epoch 1/1  train loss \\d\\.\\d{4}  test RMSE \\d\\.\\d{4} stars")
        .contains("Indexed 30 movies");
    assertThat(first.err()).isEmpty();
    assertThat(ModelFiles.readManifest(model).training()).containsEntry("architecture", "history")
        .containsEntry("objective", "joint").containsEntry("epochs", 1).containsEntry("seed", 3);

    // each table is what recommend prints for that user: for a catalog without the README's movies, the user who
    // rated a few movies rated its first three 5, 4 and 3 stars
    for (String[] who : new String[][] {{"-a", "0", "-g", "F", "-j", "10"},
        {"--rated", "1:5,2:4,3:3", "-a", "25", "-g", "F", "-j", "programmer"}, {"--user", "1"}}) {
      List<String> recommend = new ArrayList<>(List.of("recommend", "--model", model.toString()));
      recommend.addAll(List.of(who));
      Cli.Run run = Cli.run(fixture.home, recommend.toArray(String[]::new));
      assertThat(run.exitCode()).as("%s", run).isZero();
      assertThat(run.outLines()).hasSize(2 + 5);
      assertThat(first.out()).as(String.join(" ", who)).contains(run.out());
    }

    Cli.Run again = Cli.run(fixture.home, args);
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(again.out()).contains("Using the model in " + model.toAbsolutePath().normalize())
        .doesNotContain("epoch 1/1").contains("Recommendations for user 1");

    Cli.Run retrained = Cli.run(fixture.home, "quickstart", "--data", fixture.data.dir.toString(), "--model",
        model.toString(), "--epochs", "1", "--seed", "4");
    assertThat(retrained.out()).contains("epoch 1/1"); // another seed: another model
  }

  @Test
  void trains_the_original_demos_towers_with_architecture_demo() {
    Path model = tmp.resolve("demo");
    Cli.Run run = Cli.run(fixture.home, "quickstart", "--data", fixture.data.dir.toString(), "--model",
        model.toString(), "--architecture", "demo", "--epochs", "1", "--seed", "3");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.outLines()).contains("Training the demo model for 1 epoch on 360 ratings, testing on 40 (seed 3)",
        "Recommendations for a new user: female, 25-34, programmer, who rated 3 movies");
    // the demo's towers read no ratings: a note says so, as recommend's does
    assertThat(run.err()).isEqualTo("Note: this model (demo architecture) reads age, gender, occupation and user id,"
        + " not ratings: the given ratings only keep their movies out of the recommendations."
        + System.lineSeparator());
    assertThat(ModelFiles.readManifest(model).training()).containsEntry("architecture", "demo")
        .containsEntry("objective", "mse");
  }

  @Test
  void reports_a_missing_local_data_directory() {
    Cli.Run run = Cli.run(fixture.home, "quickstart", "--data", tmp.resolve("nowhere").toString(), "--model",
        tmp.resolve("model").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: no MovieLens data at");
  }
}
