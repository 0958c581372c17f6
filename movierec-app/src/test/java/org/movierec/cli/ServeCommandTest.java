package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code movierec serve} as a user runs it, for what ends before serving: bad options, no model. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void a_port_out_of_range_is_a_usage_error() {
    Cli.Run run = Cli.run(dir, "serve", "--port", "70000");
    assertThat(run.exitCode()).isEqualTo(ErrorHandler.USAGE);
    assertThat(run.err()).contains("--port must be 0..65535, got: 70000");
  }

  @Test
  void a_negative_watch_interval_is_a_usage_error() {
    Cli.Run run = Cli.run(dir, "serve", "--watch", "-1");
    assertThat(run.exitCode()).isEqualTo(ErrorHandler.USAGE);
    assertThat(run.err()).contains("--watch must be 0 (never) or more seconds, got: -1");
  }

  @Test
  void no_model_says_how_to_train_one_and_creates_no_store() {
    Path missing = dir.resolve("no-model");
    Cli.Run run = Cli.run(dir, "serve", "--model", missing.toString(), "--port", "0");
    assertThat(run.exitCode()).isEqualTo(ErrorHandler.FAILURE);
    assertThat(run.err()).contains("no model directory at " + missing).contains("movierec train");
    assertThat(Files.exists(dir.resolve("no-model-feedback.db"))).isFalse();
  }

  @Test
  void the_default_store_is_sqlite_beside_the_model_directory() {
    assertThat(ServeCommand.defaultFeedbackDb(Path.of("/srv/models/history")))
        .isEqualTo("jdbc:sqlite:/srv/models/history-feedback.db");
  }

  @Test
  void help_names_the_options_and_an_example() {
    Cli.Run run = Cli.run(dir, "serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--feedback-db=URL").contains("--host=ADDRESS").contains("--admin-token=TOKEN")
        .contains("curl 'http://127.0.0.1:8080/api/recommendations?");
  }
}
