package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store} as a user types it on {@code index}, {@code recommend}, {@code quickstart} and {@code serve}: the
 * options checked before any work, and a Milvus that does not answer said in one line. The Milvus store itself is
 * tested in the movierec-milvus module (against a live server when MILVUS_URI is set).
 */
class StoreOptionsTest {
  @TempDir Path dir;

  @Test
  void milvus_options_without_store_milvus_are_a_usage_error() {
    Cli.Run run = Cli.run(dir, "recommend", "-a", "25", "-g", "F", "-j", "programmer", "--milvus-uri",
        "http://localhost:19530");
    assertThat(run.exitCode()).as("%s", run).isEqualTo(ErrorHandler.USAGE);
    assertThat(run.err()).contains("--milvus-uri, --milvus-token and --collection need --store milvus");
  }

  @Test
  void store_milvus_needs_a_uri_on_every_command() {
    for (String command : new String[] {"index", "recommend --user 1", "serve", "quickstart"}) {
      Cli.Run run = Cli.run(dir, (command + " --store milvus").split(" "));
      assertThat(run.exitCode()).as("%s: %s", command, run).isEqualTo(ErrorHandler.USAGE);
      assertThat(run.err()).as(command).contains("--store milvus needs --milvus-uri, e.g. --milvus-uri"
          + " http://localhost:19530");
    }
  }

  @Test
  void an_unknown_store_lists_the_valid_ones() {
    Cli.Run run = Cli.run(dir, "index", "--store", "faiss");
    assertThat(run.exitCode()).isEqualTo(ErrorHandler.USAGE);
    assertThat(run.err()).contains("--store").contains("lucene, milvus").contains("faiss");
  }

  @Test
  void a_milvus_that_does_not_answer_is_one_line_and_a_failure() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort(); // free once closed: nothing listens there
    }
    Path model = TrainedFixture.get().model;
    Cli.Run run = Cli.run(dir, "recommend", "--model", model.toString(), "-a", "25", "-g", "F", "-j", "programmer",
        "--store", "milvus", "--milvus-uri", "http://127.0.0.1:" + closed);
    assertThat(run.exitCode()).as("%s", run).isEqualTo(ErrorHandler.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).startsWith("movierec: Milvus at http://127.0.0.1:" + closed + " did not connect")
        .contains("check that Milvus is running").doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void help_shows_the_store_options() {
    Cli.Run run = Cli.run(dir, "index", "--help");
    assertThat(run.out()).contains("--store=STORE").contains("--milvus-uri=URI").contains("--milvus-token=TOKEN")
        .contains("--collection=NAME").contains("--milvus-index=TYPE");
  }
}
