package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.DatasetSource;

/** {@code quickstart} without {@code --data}: the data set comes from a local HTTP server, once. */
class QuickstartDownloadTest {
  @TempDir Path tmp;

  private HttpServer server;
  private final AtomicInteger downloads = new AtomicInteger();
  private byte[] zip;

  @BeforeEach
  void serveTheTinyDataSetAsAZip() throws IOException {
    TinyMovieLens data = TinyMovieLens.write(tmp.resolve("ml-tiny"), TrainedFixture.SEED);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.putNextEntry(new ZipEntry("ml-tiny/"));
      for (String file : new String[] {"movies.dat", "users.dat", "ratings.dat"}) {
        out.putNextEntry(new ZipEntry("ml-tiny/" + file));
        out.write(Files.readAllBytes(data.dir.resolve(file)));
      }
    }
    zip = bytes.toByteArray();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ml-tiny.zip", exchange -> {
      downloads.incrementAndGet();
      exchange.sendResponseHeaders(200, zip.length);
      try (var body = exchange.getResponseBody()) {
        body.write(zip);
      }
    });
    server.start();
  }

  @AfterEach
  void stopTheServer() {
    server.stop(0);
  }

  private DatasetSource source(String sha256) {
    return new DatasetSource("ml-tiny", URI.create("http://127.0.0.1:" + server.getAddress().getPort()
        + "/ml-tiny.zip"), zip.length, sha256);
  }

  @Test
  void downloads_the_data_set_once_and_reuses_the_cached_copy() throws NoSuchAlgorithmException {
    Environment env = new Environment(tmp.resolve("home"), false, source(sha256(zip)));
    String[] args = {"quickstart", "--epochs", "1", "--seed", "5"};
    Cli.Run first = Cli.run(env, args);
    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(first.out()).startsWith("Downloading ml-tiny (0.0 MB) from http://127.0.0.1:")
        .contains("Loaded " + tmp.resolve("home/datasets/ml-tiny").toAbsolutePath())
        .contains("Recommendations for user 1 (F, under 18, K-12 student)")
        .contains("Next: movierec recommend --age 25"); // the default model: no --model to repeat
    assertThat(tmp.resolve("home/model/manifest.json")).isRegularFile();

    Cli.Run second = Cli.run(env, args);
    assertThat(second.exitCode()).as("%s", second).isZero();
    assertThat(second.out()).startsWith("Data: ml-tiny, downloaded before, in ");
    assertThat(downloads).hasValue(1);
  }

  @Test
  void refuses_a_download_whose_checksum_differs_and_keeps_nothing() {
    Environment env = new Environment(tmp.resolve("home"), false, source("0".repeat(64)));
    Cli.Run run = Cli.run(env, "quickstart", "--epochs", "1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("movierec: download of http://127.0.0.1:").contains("is corrupt: expected"
        + " SHA-256 " + "0".repeat(64)).contains("--data DIR");
    assertThat(tmp.resolve("home/datasets/ml-tiny")).doesNotExist();
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
