package org.movierec.data;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetDownloaderTest {
  private static final Map<String, String> ML_1M_FILES = new LinkedHashMap<>();

  static {
    ML_1M_FILES.put("ml-1m/", null);
    ML_1M_FILES.put("ml-1m/movies.dat", "1::Toy Story (1995)::Animation|Children's|Comedy\n");
    ML_1M_FILES.put("ml-1m/users.dat", "1::F::1::10::48067\n");
    ML_1M_FILES.put("ml-1m/ratings.dat", "1::1::5::978300760\n");
  }

  @TempDir Path temp;
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void downloads_checks_and_unpacks_the_archive() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    Path cache = temp.resolve("cache");

    Path dir = new DatasetDownloader(cache, new PrintStream(progress, true, UTF_8)).fetch(source);

    assertThat(dir).isEqualTo(cache.resolve("ml-1m"));
    assertThat(dir.resolve("movies.dat")).hasContent("1::Toy Story (1995)::Animation|Children's|Comedy");
    assertThat(dir.resolve("ratings.dat")).hasContent("1::1::5::978300760");
    assertThat(MovieLens.load(dir).ratings().size()).isEqualTo(1);
    assertThat(progress.toString(UTF_8)).startsWith("\r[").contains("100%").endsWith(System.lineSeparator());
    assertThat(requests).hasValue(1);
    assertThat(cacheContents(cache)).containsExactly("ml-1m");
  }

  @Test
  void never_downloads_a_complete_data_set_twice() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    Path cache = temp.resolve("cache");
    new DatasetDownloader(cache, null).fetch(source);
    server.stop(0);

    Path again = new DatasetDownloader(cache, null).fetch(source);

    assertThat(again.resolve("users.dat")).exists();
    assertThat(requests).hasValue(1);
  }

  @Test
  void replaces_a_folder_that_was_never_completed() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    Path cache = temp.resolve("cache");
    Files.createDirectories(cache.resolve("ml-1m"));
    Files.writeString(cache.resolve("ml-1m/movies.dat"), "half a file");

    Path dir = new DatasetDownloader(cache, null).fetch(source);

    assertThat(requests).hasValue(1);
    assertThat(dir.resolve("movies.dat")).hasContent("1::Toy Story (1995)::Animation|Children's|Comedy");
    assertThat(dir.resolve(DatasetDownloader.MARKER_FILE)).hasContent(source.sha256());
  }

  @Test
  void refuses_an_archive_with_the_wrong_sha256_and_leaves_nothing_behind() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    String wrong = "0".repeat(64);
    DatasetSource source = serve(zip, wrong);
    Path cache = temp.resolve("cache");

    assertThatThrownBy(() -> new DatasetDownloader(cache, null).fetch(source))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("expected SHA-256 " + wrong + ", got " + sha256(zip))
        .hasMessageContaining(source.uri().toString())
        .hasMessageContaining("Retry")
        .hasMessageContaining("--data DIR");
    assertThat(cacheContents(cache)).isEmpty();
  }

  @Test
  void refuses_an_archive_of_the_wrong_size() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    DatasetSource longer = new DatasetSource(source.name(), source.uri(), zip.length + 1, source.sha256());
    Path cache = temp.resolve("cache");

    assertThatThrownBy(() -> new DatasetDownloader(cache, null).fetch(longer))
        .hasMessageContaining("expected " + (zip.length + 1) + " bytes, got " + zip.length);
    assertThat(cacheContents(cache)).isEmpty();
  }

  @Test
  void refuses_a_zip_entry_that_escapes_the_target_folder() throws IOException {
    Map<String, String> files = new LinkedHashMap<>(ML_1M_FILES);
    files.put("ml-1m/../../evil.txt", "gotcha");
    byte[] zip = zip(files);
    DatasetSource source = serve(zip, sha256(zip));
    Path cache = temp.resolve("cache");

    assertThatThrownBy(() -> new DatasetDownloader(cache, null).fetch(source))
        .hasMessageContaining("entry 'ml-1m/../../evil.txt' would be written outside the target folder");
    assertThat(cacheContents(cache)).isEmpty();
    try (Stream<Path> all = Files.walk(temp)) {
      assertThat(all.filter(p -> p.getFileName().toString().equals("evil.txt"))).isEmpty();
    }
  }

  @Test
  void names_the_url_when_the_server_is_down() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    server.stop(0);
    Path cache = temp.resolve("cache");

    assertThatThrownBy(() -> new DatasetDownloader(cache, null).fetch(source))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("could not download " + source.uri() + ": ")
        .hasMessageContaining("--data DIR");
    assertThat(cacheContents(cache)).isEmpty();
  }

  @Test
  void names_the_url_and_the_status_when_the_server_refuses() throws IOException {
    byte[] zip = zip(ML_1M_FILES);
    DatasetSource source = serve(zip, sha256(zip));
    DatasetSource missing = new DatasetSource("ml-1m", source.uri().resolve("/nothing-here.zip"), zip.length,
        source.sha256());

    assertThatThrownBy(() -> new DatasetDownloader(temp.resolve("cache"), null).fetch(missing))
        .hasMessageStartingWith("could not download " + missing.uri() + ": the server answered HTTP 404.");
  }

  @Test
  void knows_where_grouplens_publishes_ml_1m() {
    assertThat(DatasetSource.ML_1M.uri()).hasToString("https://files.grouplens.org/datasets/movielens/ml-1m.zip");
    assertThat(DatasetSource.ML_1M.size()).isEqualTo(5_917_549L);
    assertThat(DatasetSource.ML_1M.sha256())
        .isEqualTo("a6898adb50b9ca05aa231689da44c217cb524e7ebd39d264c56e2832f2c54e20");
    assertThat(DatasetDownloader.defaultCacheDir().getFileName()).isEqualTo(Path.of("datasets"));
  }

  @Test
  void refuses_a_source_with_a_malformed_hash_or_name() {
    URI uri = URI.create("http://127.0.0.1/x.zip");
    assertThatThrownBy(() -> new DatasetSource("ml-1m", uri, 10, "abc"))
        .hasMessage("sha256 must be 64 hex digits, got: 'abc'");
    assertThatThrownBy(() -> new DatasetSource("../x", uri, 10, "0".repeat(64)))
        .hasMessageStartingWith("name must be a plain folder name");
  }

  /** Serves the archive at /ml-1m.zip on a free local port and counts requests. */
  private DatasetSource serve(byte[] zip, String sha256) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      if (!exchange.getRequestURI().getPath().equals("/ml-1m.zip")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      exchange.sendResponseHeaders(200, zip.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(zip);
      }
    });
    server.start();
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ml-1m.zip");
    return new DatasetSource("ml-1m", uri, zip.length, sha256);
  }

  /** A zip of the given entries; a null content makes a directory entry. */
  private static byte[] zip(Map<String, String> entries) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        if (e.getValue() != null) {
          zip.write(e.getValue().getBytes(UTF_8));
        }
        zip.closeEntry();
      }
    }
    return buffer.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> cacheContents(Path cache) throws IOException {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(cache)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
