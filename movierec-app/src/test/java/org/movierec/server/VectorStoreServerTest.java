package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.index.GrowableIndex;
import org.movierec.index.IndexInfo;
import org.movierec.index.IndexUnavailableException;
import org.movierec.index.IndexedMovie;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorIndex;
import org.movierec.index.VectorQuery;
import org.movierec.model.SavedModel;
import org.movierec.recommend.LuceneStore;
import org.movierec.recommend.VectorStore;

/**
 * The server over a vector store outside the process (what Milvus is), played by the embedded index behind a store
 * that can fail and that keeps the movies posted to it: a failing store is a 503 for that request and the server
 * stays up; a posted movie goes into the store, and is recommended once, not twice.
 */
class VectorStoreServerTest {
  @TempDir Path dir;

  @Test
  void an_unreachable_store_is_a_503_for_that_request_and_the_server_stays_up() throws Exception {
    RemoteStore store = new RemoteStore();
    try (ServerFixture server = ServerFixture.start(dir, store)) {
      String known = "/api/users/1/recommendations?k=5";
      assertThat(server.get(known).status()).isEqualTo(200);

      store.down.set(true);
      assertThat(server.get(known).status()).as("an answer kept for this user").isEqualTo(200);
      ServerFixture.Response failed = server.get("/api/users/1/recommendations?k=6");
      assertThat(failed.status()).as("%s", failed).isEqualTo(503);
      assertThat(failed.json().get("message").asText()).isEqualTo("the vector store at test://remote did not answer;"
          + " check that it is running");
      assertThat(failed.body()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(server.get("/health").status()).isEqualTo(200);

      store.down.set(false);
      assertThat(server.get("/api/users/1/recommendations?k=6").status()).isEqualTo(200);
    }
  }

  @Test
  void a_posted_movie_goes_into_the_store_and_is_recommended_once() throws Exception {
    RemoteStore store = new RemoteStore();
    try (ServerFixture server = ServerFixture.start(dir, store)) {
      ServerFixture.Response added = server.post("/api/movies",
          "{\"title\": \"A \\\"Quoted\\\" Film (2001)\", \"genres\": [\"Drama\", \"Comedy\"]}");
      assertThat(added.status()).as("%s", added).isEqualTo(201);
      int id = added.json().get("movieId").asInt();
      assertThat(store.index.stored).containsExactly(id + " A \"Quoted\" Film (2001)");

      // The store now returns the posted movie too; asking for every movie shows it once.
      JsonNode recs = server.get("/api/recommendations?age=25&gender=F&job=programmer&k=100").json()
          .get("recommendations");
      List<Integer> ids = new ArrayList<>();
      recs.forEach(r -> ids.add(r.get("movie").get("movieId").asInt()));
      assertThat(ids).contains(id).doesNotHaveDuplicates();
    }
  }

  /** The embedded store, behind a switch that makes it unreachable, keeping the movies added to it. */
  private static final class RemoteStore implements VectorStore {
    final AtomicBoolean down = new AtomicBoolean();
    RemoteIndex index;

    @Override
    public String describe(Path modelDir) {
      return "test://remote";
    }

    @Override
    public int build(Path modelDir, SavedModel model, Progress progress) {
      return LuceneStore.INSTANCE.build(modelDir, model, progress);
    }

    @Override
    public VectorIndex open(Path modelDir, SavedModel model) {
      index = new RemoteIndex(LuceneStore.INSTANCE.open(modelDir, model), down);
      return index;
    }
  }

  private static final class RemoteIndex implements GrowableIndex {
    final VectorIndex base;
    final AtomicBoolean down;
    final List<String> stored = new ArrayList<>();
    final List<IndexedMovie> added = new ArrayList<>();

    RemoteIndex(VectorIndex base, AtomicBoolean down) {
      this.base = base;
      this.down = down;
    }

    @Override
    public IndexInfo info() {
      return base.info();
    }

    @Override
    public synchronized List<Neighbor> search(VectorQuery query) {
      if (down.get()) {
        throw new IndexUnavailableException("the vector store at test://remote did not answer; check that it is"
            + " running", null);
      }
      // The base's best plus the added movies, as a store holding them all would answer (score: inner product).
      List<Neighbor> all = new ArrayList<>(base.search(query));
      Set<Integer> excluded = new HashSet<>(query.filter().excludedIds());
      for (IndexedMovie m : added) {
        if (!excluded.contains(m.movieId())) {
          float[] v = m.vector();
          double s = 0;
          for (int i = 0; i < v.length; i++) {
            s += (double) query.vector()[i] * v[i];
          }
          all.add(new Neighbor(m.movieId(), (float) s));
        }
      }
      all.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score())
          : Integer.compare(a.movieId(), b.movieId()));
      return List.copyOf(all.subList(0, Math.min(query.k(), all.size())));
    }

    @Override
    public synchronized void add(IndexedMovie movie, String title) {
      stored.add(movie.movieId() + " " + title);
      added.add(movie);
    }

    @Override
    public void close() {
      base.close();
    }
  }
}
