package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.ServerFixture.Response;

/**
 * Two servers sharing one store: what one receives, the other serves within a few seconds (users, ratings, movies),
 * and ids are never handed out twice.
 */
class SharedStoreTest {
  @TempDir Path dir;

  @Test
  void what_one_server_receives_the_other_serves() throws Exception {
    twoServersShare(dir, "jdbc:sqlite:" + dir.resolve("shared.db"));
  }

  /** Two servers of the tiny model on one store at {@code db}, which must be empty. */
  static void twoServersShare(Path dir, String db) throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    try (ServerFixture a = ServerFixture.start(dir, model, db, null);
        ServerFixture b = ServerFixture.start(dir, model, db, null)) {
      assertThat(a.post("/api/users", "{\"age\": 25, \"gender\": \"F\", \"job\": 1}").json().get("userId").asInt())
          .isEqualTo(21);
      assertThat(b.post("/api/users", "{\"age\": 45, \"gender\": \"M\", \"job\": 2}").json().get("userId").asInt())
          .isEqualTo(22);
      assertThat(a.post("/api/users/21/ratings", "[{\"movieId\": 4, \"stars\": 5}]").status()).isEqualTo(201);
      assertThat(b.post("/api/movies", "{\"title\": \"Shared Shore (2010)\", \"genres\": [\"Drama\"]}").json()
          .get("movieId").asInt()).isEqualTo(31);

      JsonNode userOnB = await(b, "/api/users/21", r -> r.status() == 200 && r.json().get("ratings").size() == 1);
      assertThat(userOnB.get("ratings").get(0).get("movieId").asInt()).isEqualTo(4);
      await(a, "/api/movies/31", r -> r.status() == 200);
      JsonNode recsOnA = await(a, "/api/users/21/recommendations?k=30", r -> r.status() == 200);
      assertThat(ServerApiTest.movieIds(recsOnA)).contains(31).doesNotContain(4).hasSize(30);
      // A later rating on B of the same movie wins on A too.
      assertThat(b.post("/api/users/21/ratings", "[{\"movieId\": 4, \"stars\": 2}]").status()).isEqualTo(201);
      await(a, "/api/users/21", r -> r.json().get("ratings").get(0).get("stars").asInt() == 2);
    }
  }

  private static JsonNode await(ServerFixture server, String path, Predicate<Response> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Response r = server.get(path);
      if (done.test(r)) {
        return r.json();
      }
      assertThat(System.nanoTime()).as("%s on the other server within 10 s; last: %s", path, r).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
