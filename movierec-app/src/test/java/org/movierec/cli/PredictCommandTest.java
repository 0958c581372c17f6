package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  private final TrainedFixture fixture = TrainedFixture.get();

  @TempDir Path tmp;

  private Cli.Run predict(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("predict", "--model", fixture.model.toString()));
    all.addAll(List.of(args));
    return Cli.run(fixture.home, all.toArray(String[]::new));
  }

  @Test
  void predicts_one_rating_in_stars_per_input_line_ignoring_extra_fields() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1::5::978300760\n2::30\n20::15::3\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Predicted 3 ratings into " + output);
    List<String> lines = Files.readAllLines(output);
    assertThat(lines).hasSize(3);
    String[] pairs = {"1::1::", "2::30::", "20::15::"};
    for (int i = 0; i < 3; i++) {
      assertThat(lines.get(i)).startsWith(pairs[i]).matches("\\d+::\\d+::\\d\\.\\d{4}");
      double stars = Double.parseDouble(lines.get(i).substring(lines.get(i).lastIndexOf(':') + 1));
      assertThat(stars).isBetween(1.0, 5.0);
    }
  }

  @Test
  void writes_to_stdout_without_an_output_file_and_accepts_ratings_dat_as_it_is() {
    Cli.Run run = predict("--input", fixture.data.dir.resolve("ratings.dat").toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(fixture.data.ratingLines.size());
    for (int i = 0; i < lines.size(); i++) {
      String[] rating = fixture.data.ratingLines.get(i).split("::");
      assertThat(lines.get(i)).startsWith(rating[0] + "::" + rating[1] + "::");
    }
  }

  @Test
  void names_the_malformed_line_and_writes_no_output_file() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n2::30\n3;;4\n5::6\n");
    Path output = tmp.resolve("predictions.dat");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("movierec: " + input + " line 3: expected at least 2 fields separated by '::'"
        + " (UserID::MovieID[::...]), got 1: '3;;4'" + System.lineSeparator());
    assertThat(output).doesNotExist();
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("pairs.dat");
    }
  }

  @Test
  void leaves_an_existing_output_file_untouched_when_a_line_is_bad() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n1::abc\n");
    Path output = Files.writeString(tmp.resolve("predictions.dat"), "previous\n");
    Cli.Run run = predict("--input", input.toString(), "--output", output.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 2, field 2 (movie id): expected a positive integer, got 'abc'");
    assertThat(output).hasContent("previous");
  }

  @Test
  void refuses_a_movie_the_model_does_not_know_naming_the_line() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "1::1\n1::31\n");
    Cli.Run run = predict("--input", input.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(input + " line 2, field 2 (movie id): unknown movie 31; the model knows 30 ids"
        + " in 1..30");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void refuses_a_user_the_model_does_not_know_naming_the_line() throws IOException {
    Path input = Files.writeString(tmp.resolve("pairs.dat"), "21::1\n");
    Cli.Run run = predict("--input", input.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line 1, field 1 (user id): unknown user 21")
        .contains("demographics it does not know");
  }

  @Test
  void refuses_a_blank_line_between_lines_and_an_empty_file() throws IOException {
    Path gap = Files.writeString(tmp.resolve("gap.dat"), "1::1\n\n2::2\n");
    assertThat(predict("--input", gap.toString()).err()).contains(gap + " line 2: blank line");
    Path empty = Files.writeString(tmp.resolve("empty.dat"), "\n");
    assertThat(predict("--input", empty.toString()).err()).contains(empty + " is empty");
    assertThat(predict("--input", tmp.resolve("missing.dat").toString()).err())
        .contains("cannot read " + tmp.resolve("missing.dat") + ": no such file");
  }
}
