package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.train.HistoryConfig;

class IndexCommandTest {
  private final TrainedFixture fixture = TrainedFixture.get();

  @TempDir Path tmp;

  @Test
  void indexes_every_movie_of_the_catalog_and_says_how_many() throws IOException {
    Path model = fixture.copyModel(tmp.resolve("model"));
    Cli.Run run = Cli.run(fixture.home, "index", "--model", model.toString());
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out()).startsWith("Indexed 30 movies in " + model.resolve("index").toAbsolutePath());
    assertThat(model.resolve("index")).isDirectory();
  }

  @Test
  void says_how_to_train_when_the_directory_holds_no_model() {
    Cli.Run run = Cli.run(fixture.home, "index", "--model", tmp.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no model in " + tmp).contains("movierec train --data DATA_DIR --model " + tmp);
  }

  @Test
  void reports_a_corrupt_weights_file_in_one_line_naming_it_without_a_stack_trace() throws IOException {
    Path model = fixture.copyModel(tmp.resolve("model"));
    Path weights;
    try (Stream<Path> files = Files.list(model)) {
      weights = files.filter(p -> p.getFileName().toString().matches("weights-.*\\.bin")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(weights, bytes);
    for (String command : new String[] {"index", "recommend", "predict"}) {
      Cli.Run run = switch (command) {
        case "recommend" -> Cli.run(fixture.home, command, "--model", model.toString(), "--user", "1");
        case "predict" -> Cli.run(fixture.home, command, "--model", model.toString(), "--input",
            fixture.data.dir.resolve("ratings.dat").toString());
        default -> Cli.run(fixture.home, command, "--model", model.toString());
      };
      assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
      assertThat(run.err().lines()).as(command).hasSize(1);
      assertThat(run.err()).startsWith("movierec: ").contains(weights.toString()).contains("corrupt")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void shows_the_stack_trace_of_a_failure_with_verbose() throws IOException {
    Cli.Run run = Cli.run(fixture.home, "index", "--model", tmp.toString(), "--verbose");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: no model in").contains("IllegalArgumentException").contains("\tat ");
  }

  @Test
  void info_describes_the_model_and_its_index() throws IOException {
    Path model = fixture.copyModel(tmp.resolve("model"));
    HistoryConfig defaults = HistoryConfig.defaults();
    Cli.Run before = Cli.run(fixture.home, "info", "--model", model.toString());
    assertThat(before.exitCode()).as("%s", before).isZero();
    assertThat(before.outLines()).contains("ratings      360 trained on, 40 held out",
        "shape        history towers: 30 movies with an id row, users read from their ratings, vectors of "
            + defaults.towerDim() + " + 1 folded movie bias");
    assertThat(before.out()).contains("test RMSE").contains("epoch   2")
        .contains("settings     architecture=history, batchSize=" + defaults.batchSize() + ", coldLossWeight="
            + defaults.coldLossWeight() + ", epochs=2,")
        .contains(", objective=joint, seed=1,").contains("index        no vector index at ");
    Cli.run(fixture.home, "index", "--model", model.toString());
    Cli.Run after = Cli.run(fixture.home, "info", "--model", model.toString());
    assertThat(after.outLines()).contains("index        30 movies (lucene-hnsw, dimension " + (defaults.towerDim() + 1)
        + ") in " + model.resolve("index").toAbsolutePath().normalize());
  }

  @Test
  void info_describes_a_model_of_the_demo_architecture() throws IOException {
    Path model = fixture.copyDemoModel(tmp.resolve("demo"));
    Cli.Run before = Cli.run(fixture.home, "info", "--model", model.toString());
    assertThat(before.exitCode()).as("%s", before).isZero();
    assertThat(before.outLines()).contains("shape        demo towers: 20 users and 30 movies with an id row, vectors"
        + " of 200");
    assertThat(before.out()).contains("settings     architecture=demo, batchSize=").contains(", objective=mse,");
    Cli.run(fixture.home, "index", "--model", model.toString());
    assertThat(Cli.run(fixture.home, "info", "--model", model.toString()).out())
        .contains("30 movies (lucene-hnsw, dimension 200)");
  }
}
