package org.movierec.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.movierec.cli.TrainedFixture;
import org.movierec.model.ModelFiles;
import org.movierec.recommend.ModelIndex;
import org.movierec.recommend.VectorStore;

/**
 * A server on a free loopback port, serving a copy of the tiny trained model ({@link TrainedFixture}) with its index,
 * its feedback in SQLite in the test's directory; and an HTTP client that calls it as any client would.
 */
final class ServerFixture implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dir;
  final Path model;
  final String feedbackDb;
  final MovieRecServer server;
  final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ServerFixture(Path dir, Path model, String feedbackDb, MovieRecServer server) {
    this.dir = dir;
    this.model = model;
    this.feedbackDb = feedbackDb;
    this.server = server;
    this.base = "http://127.0.0.1:" + server.port();
  }

  /** A server of a fresh copy of the tiny model, in {@code dir}. */
  static ServerFixture start(Path dir) throws IOException {
    Path model = copyIndexedModel(dir.resolve("model"));
    return start(dir, model, "jdbc:sqlite:" + dir.resolve("feedback.db"), null);
  }

  /** A server of a fresh copy of the tiny model, in {@code dir}, its vectors in {@code vectors}. */
  static ServerFixture start(Path dir, VectorStore vectors) throws IOException {
    Path model = copyIndexedModel(dir.resolve("model"));
    String feedbackDb = "jdbc:sqlite:" + dir.resolve("feedback.db");
    MovieRecServer server = MovieRecServer.start(new MovieRecServer.Settings(model, "127.0.0.1", 0, feedbackDb,
        null, null, vectors));
    return new ServerFixture(dir, model, feedbackDb, server);
  }

  static ServerFixture start(Path dir, Path model, String feedbackDb, Duration watchEvery) {
    return start(dir, model, "127.0.0.1", feedbackDb, watchEvery, null);
  }

  static ServerFixture start(Path dir, Path model, String host, String feedbackDb, Duration watchEvery,
      String adminToken) {
    MovieRecServer server = MovieRecServer.start(new MovieRecServer.Settings(model, host, 0, feedbackDb,
        adminToken, watchEvery));
    return new ServerFixture(dir, model, feedbackDb, server);
  }

  /** A copy of the tiny trained model at {@code target}, with its vector index built. */
  static Path copyIndexedModel(Path target) throws IOException {
    TrainedFixture.get().copyModel(target);
    ModelIndex.build(target, ModelFiles.load(target));
    return target;
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Response post(String path, String json) {
    return post(path, "application/json", json);
  }

  Response post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer: status, content type and body (read as JSON by {@link #json()}). */
  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
