package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartCommandTest {
  private final TrainedFixture fixture = TrainedFixture.get();

  @TempDir Path tmp;

  @Test
  void trains_indexes_and_recommends_for_the_demo_user_and_user_1_then_reuses_the_model() {
    Path model = tmp.resolve("model");
    String[] args = {"quickstart", "--data", fixture.data.dir.toString(), "--model", model.toString(), "--epochs", "1",
        "--seed", "3"};
    Cli.Run first = Cli.run(fixture.home, args);
    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.out())
        .contains("30 movies, 20 users, 400 ratings")
        .containsPattern("epoch 1/1  train loss \\d\\.\\d{4}  test RMSE \\d\\.\\d{4} stars")
        .contains("Indexed 30 movies")
        .contains("Recommendations for a new user: female, under 18, K-12 student")
        .contains("Recommendations for user 1 (F, under 18, K-12 student)")
        .contains("movierec recommend --model " + model);
    assertThat(first.err()).isEmpty();

    Cli.Run again = Cli.run(fixture.home, args);
    assertThat(again.exitCode()).as("%s", again).isZero();
    assertThat(again.out()).contains("Using the model in " + model.toAbsolutePath().normalize())
        .doesNotContain("epoch 1/1").contains("Recommendations for user 1");

    Cli.Run retrained = Cli.run(fixture.home, "quickstart", "--data", fixture.data.dir.toString(), "--model",
        model.toString(), "--epochs", "1", "--seed", "4");
    assertThat(retrained.out()).contains("epoch 1/1"); // another seed: another model
  }

  @Test
  void reports_a_missing_local_data_directory() {
    Cli.Run run = Cli.run(fixture.home, "quickstart", "--data", tmp.resolve("nowhere").toString(), "--model",
        tmp.resolve("model").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: no MovieLens data at");
  }
}
