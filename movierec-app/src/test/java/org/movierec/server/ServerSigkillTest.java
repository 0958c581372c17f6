package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: {@code movierec serve} runs in its own JVM, four clients post ratings as fast as it
 * answers, the process is killed with SIGKILL in the middle, a new one is started on the same store, and every rating
 * answered 201 is there.
 */
class ServerSigkillTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dir;

  @Test
  void every_acknowledged_rating_survives_a_sigkill() throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    String db = "jdbc:sqlite:" + dir.resolve("feedback.db");
    int port = freePort();
    Process server = serve(model, db, port);
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger failed = new AtomicInteger();
    try {
      awaitReady(port, server);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          // Client c rates movies 1..30 as users c+1, c+5, c+9, ...: each (user, movie) once, so each has one answer.
          for (int user = client + 1; user <= 20; user += 4) {
            for (int movie = 1; movie <= 30; movie++) {
              int stars = 1 + (user * 7 + movie) % 5;
              try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/users/" + user + "/ratings")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("[{\"movieId\": " + movie + ", \"stars\": " + stars
                        + "}]")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 201) {
                  acknowledged.put(user + ":" + movie, stars);
                } else {
                  failed.incrementAndGet();
                }
              } catch (IOException e) {
                return null; // the server is gone
              }
            }
          }
          return null;
        }));
      }
      while (acknowledged.size() < 100) {
        Thread.sleep(5);
        assertThat(server.isAlive()).as("the server died by itself").isTrue();
      }
      server.destroyForcibly(); // SIGKILL
      server.waitFor(10, TimeUnit.SECONDS);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      clients.shutdown();
    } finally {
      server.destroyForcibly();
    }
    assertThat(failed.get()).as("answers other than 201 before the kill").isZero();
    assertThat(acknowledged.size()).isGreaterThanOrEqualTo(100).isLessThan(600);

    Process restarted = serve(model, db, port);
    try {
      awaitReady(port, restarted);
      Map<String, Integer> found = new HashMap<>();
      for (int user = 1; user <= 20; user++) {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/users/" + user)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = ServerFixture.JSON.readTree(r.body());
        for (JsonNode rating : json.get("ratings")) {
          if (rating.get("source").asText().equals("api")) {
            found.put(user + ":" + rating.get("movieId").asInt(), rating.get("stars").asInt());
          }
        }
      }
      assertThat(found).containsAllEntriesOf(acknowledged);
    } finally {
      restarted.destroyForcibly();
      restarted.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** {@code movierec serve} in a JVM of its own, from this test's class path. */
  private Process serve(Path model, String db, int port) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.movierec.cli.MovieRecCli", "serve", "--model", model.toString(), "--port", Integer.toString(port),
        "--feedback-db", db, "--watch", "0");
    pb.environment().put("MOVIEREC_HOME", dir.resolve("home").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
    return pb.start();
  }

  private void awaitReady(int port, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("the server exited: %s", logs()).isTrue();
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server was not ready within 60 s: " + logs());
  }

  private String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    for (File f : dir.toFile().listFiles((d, n) -> n.startsWith("server-"))) {
      b.append(java.nio.file.Files.readString(f.toPath()));
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
