package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.cli.Cli;
import org.movierec.cli.TrainedFixture;
import org.movierec.data.RatedMovie;
import org.movierec.model.ModelFiles;
import org.movierec.model.SavedModel;
import org.movierec.server.ServerFixture.Response;

/**
 * The loop serve, collect, retrain: a user and a movie added and ratings given through the API are trained on by
 * {@code movierec train --feedback-db}, into the served directory; the server swaps the new model in, which knows
 * them.
 */
class FeedbackLoopTest {
  @TempDir Path dir;

  @Test
  void train_with_the_feedback_store_learns_what_the_server_received() throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    String db = "jdbc:sqlite:" + dir.resolve("feedback.db");
    try (ServerFixture server = ServerFixture.start(dir, model, db, Duration.ofMillis(100))) {
      assertThat(server.post("/api/users", "{\"age\": 35, \"gender\": \"M\", \"job\": \"writer\"}").json()
          .get("userId").asInt()).isEqualTo(21);
      assertThat(server.post("/api/movies", "{\"title\": \"Harbor Lights (2003)\", \"genres\": [\"Drama\"]}").json()
          .get("movieId").asInt()).isEqualTo(31);
      Response stored = server.post("/api/users/21/ratings", "[{\"movieId\": 31, \"stars\": 5},"
          + " {\"movieId\": 21, \"stars\": 4}, {\"movieId\": 2, \"stars\": 1}]");
      assertThat(stored.status()).as("%s", stored).isEqualTo(201);
      assertThat(server.post("/api/users/3/ratings", "[{\"movieId\": 31, \"stars\": 4}]").status()).isEqualTo(201);

      TrainedFixture fixture = TrainedFixture.get();
      Cli.Run trained = Cli.run(fixture.home, "train", "--data", fixture.data.dir.toString(), "--model",
          model.toString(), "--epochs", "2", "--seed", "1", "--test-fraction", "0", "--feedback-db", db);
      assertThat(trained.exitCode()).as("%s", trained).isZero();
      assertThat(trained.out()).contains("Added from the feedback store").contains("1 users, 1 movies, 4 ratings");

      SavedModel retrained = ModelFiles.load(model);
      assertThat(retrained.catalog().users()).containsKey(21);
      assertThat(retrained.catalog().movies().get(31).title()).isEqualTo("Harbor Lights (2003)");
      assertThat(retrained.seen().ratingsOf(21)).containsExactly(new RatedMovie(2, 1), new RatedMovie(21, 4),
          new RatedMovie(31, 5));
      assertThat(retrained.seen().has(3, 31)).isTrue();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!retrained.fingerprint().equals(server.get("/health").json().get("model").asText())) {
        assertThat(System.nanoTime()).as("swapped within 60 s").isLessThan(deadline);
        Thread.sleep(20);
      }
      Response health = server.get("/health");
      assertThat(health.json().get("movies").asInt()).isEqualTo(31);
      Response user = server.get("/api/users/21");
      assertThat(user.json().get("source").asText()).isEqualTo("api");
      assertThat(user.json().get("ratings")).hasSize(3);
      Response recs = server.get("/api/users/21/recommendations?k=30");
      assertThat(recs.json().get("recommendations")).hasSize(31 - 3);
    }
  }
}
