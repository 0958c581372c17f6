package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;

class HelpTest {
  @TempDir Path home;

  @ParameterizedTest
  @ValueSource(strings = {"quickstart", "train", "index", "recommend", "predict", "info"})
  void every_command_has_help_with_examples(String command) {
    Cli.Run run = Cli.run(home, command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: movierec " + command).contains("Examples:")
        .contains("  movierec " + command).contains("--verbose").doesNotContain("%n");
  }

  @Test
  void the_root_help_lists_every_command_and_examples() {
    Cli.Run run = Cli.run(home, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("quickstart", "train", "index", "recommend", "predict", "info")
        .contains("Examples:").contains("Exit codes:");
    assertThat(Cli.run(home).out()).isEqualTo(run.out()); // no command: the same help
  }

  @Test
  void recommend_help_lists_every_occupation_and_genre() {
    String help = Cli.run(home, "recommend", "--help").out().replaceAll("\\s+", " ");
    for (Occupation o : Occupation.values()) {
      assertThat(help).contains(o.label());
    }
    for (Genre g : Genre.values()) {
      assertThat(help).contains(g.label());
    }
  }

  @Test
  void an_unknown_command_is_a_usage_error_with_a_suggestion() {
    Cli.Run run = Cli.run(home, "recomend");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument at index 0: 'recomend'").contains("recommend")
        .contains("Try 'movierec --help'");
  }

  @Test
  void an_unknown_option_is_a_usage_error_naming_it_and_suggesting_the_closest() {
    Cli.Run run = Cli.run(home, "train", "--data", "ml-1m", "--epoch", "3");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown options: '--epoch', '3'").contains("Possible solutions: --epochs")
        .contains("Try 'movierec train --help'");
  }

  @Test
  void prints_the_version() {
    Cli.Run run = Cli.run(home, "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("movierec ");
  }
}
