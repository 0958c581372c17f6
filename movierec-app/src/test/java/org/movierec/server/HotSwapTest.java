package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.cli.Cli;
import org.movierec.cli.TrainedFixture;
import org.movierec.model.ModelFiles;
import org.movierec.server.ServerFixture.Response;

/**
 * A model trained into the served directory while clients keep asking: the server indexes it beside the one in use
 * and switches, no request fails, every answer comes whole from one model or the other, and the ratings received
 * meanwhile are kept.
 */
class HotSwapTest {
  @TempDir Path dir;

  @Test
  void a_model_trained_into_the_directory_is_swapped_in_under_load_without_a_failed_request() throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    String before = ModelFiles.readManifest(model).fingerprint();
    try (ServerFixture server = ServerFixture.start(dir, model, "jdbc:sqlite:" + dir.resolve("feedback.db"),
        Duration.ofMillis(100))) {
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger answered = new AtomicInteger();
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      Set<String> modelsSeen = ConcurrentHashMap.newKeySet();
      Map<Integer, Integer> acknowledged = new ConcurrentHashMap<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        running.add(clients.submit(() -> {
          int movie = 1 + client;
          while (!stop.get()) {
            Response r = switch (answered.get() % 3) {
              case 0 -> server.get("/api/recommendations?age=25&gender=F&job=programmer&k=5");
              case 1 -> server.get("/api/users/" + (1 + client) + "/recommendations?k=5");
              default -> {
                Response stored = server.post("/api/users/7/ratings", "[{\"movieId\": " + movie
                    + ", \"stars\": 4}]");
                if (stored.status() == 201) {
                  acknowledged.put(movie, 4);
                }
                movie = movie >= 26 ? 1 + client : movie + 4;
                yield stored;
              }
            };
            answered.incrementAndGet();
            if (r.status() >= 300) {
              failures.add(r.toString());
            } else if (r.body().contains("\"recommendations\"")) {
              JsonNode json = r.json();
              modelsSeen.add(json.get("model").asText());
              assertThat(json.get("recommendations")).hasSize(5);
            }
          }
          return null;
        }));
      }
      while (answered.get() < 50) {
        Thread.sleep(10);
      }
      TrainedFixture fixture = TrainedFixture.get();
      Cli.Run trained = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
          model.toString(), "--epochs", "2", "--seed", "2");
      assertThat(trained.exitCode()).as("%s", trained).isZero();
      String after = ModelFiles.readManifest(model).fingerprint();
      assertThat(after).isNotEqualTo(before);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!after.equals(server.get("/health").json().get("model").asText())) {
        assertThat(System.nanoTime()).as("swapped within 60 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      int atSwap = answered.get();
      while (answered.get() < atSwap + 50) {
        Thread.sleep(10);
      }
      stop.set(true);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      clients.shutdown();

      assertThat(failures).as("failed requests out of %d", answered.get()).isEmpty();
      assertThat(modelsSeen).containsExactlyInAnyOrder(before, after);
      JsonNode ratings = server.get("/api/users/7").json().get("ratings");
      Map<Integer, Integer> received = new java.util.HashMap<>();
      for (JsonNode r : ratings) {
        if (r.get("source").asText().equals("api")) {
          received.put(r.get("movieId").asInt(), r.get("stars").asInt());
        }
      }
      assertThat(received).containsAllEntriesOf(acknowledged);
      assertThat(server.get("/metrics").body()).contains("movierec_model_loads_total 2.0");
    }
  }
}
