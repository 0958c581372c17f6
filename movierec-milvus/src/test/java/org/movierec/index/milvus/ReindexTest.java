package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.index.IndexedMovie;
import org.movierec.index.milvus.MilvusStoreException.Reason;

class ReindexTest {
  private static final String ALIAS = "movierec_movies";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123Z");
  private static final String NEW = "movierec_movies_model2_20250301120000123";

  private static MilvusCatalog fiveMovies() {
    List<IndexedMovie> movies = new ArrayList<>();
    for (int id = 5; id >= 1; id--) {
      movies.add(new IndexedMovie(id, new float[] {id, 0}, Set.of(Genre.DRAMA), 1990 + id));
    }
    return MilvusCatalog.of(movies, Map.of(1, "Toy Story (1995)"));
  }

  private static String run(FakeOps ops, List<String> progress) {
    return Reindex.run(ops, ALIAS, MilvusIndexParams.defaults(), fiveMovies(), "model-2", 2, NOW,
        new BuildProgress() {
          @Override
          public void inserted(int done, int total) {
            progress.add(done + "/" + total);
          }

          @Override
          public void step(String what) {
            progress.add(what);
          }
        });
  }

  @Test
  void names_the_new_collection_after_the_alias_the_model_and_the_time() {
    assertThat(Reindex.collectionName(ALIAS, "model-2", NOW)).isEqualTo(NEW);
    assertThat(Reindex.collectionName("m", "3F9A0C2E-71BD-44AA-9F00", NOW)).isEqualTo("m_3f9a0c2e71bd_20250301120000123");
    assertThat(Reindex.collectionName("m", "--", NOW)).isEqualTo("m_model_20250301120000123");
  }

  @Test
  void a_first_build_creates_inserts_in_batches_flushes_indexes_loads_then_creates_the_alias() {
    FakeOps ops = new FakeOps();
    List<String> progress = new ArrayList<>();
    assertThat(run(ops, progress)).isEqualTo(NEW);
    assertThat(ops.calls).containsExactly(
        "aliasTarget movierec_movies",
        "hasCollection movierec_movies",
        "createCollection " + NEW,
        "insert " + NEW + " 2 rows",
        "insert " + NEW + " 2 rows",
        "insert " + NEW + " 1 rows",
        "flush " + NEW,
        "createIndex " + NEW + " HNSW",
        "load " + NEW,
        "createAlias movierec_movies -> " + NEW);
    assertThat(progress).startsWith("2/5", "4/5", "5/5").endsWith("'movierec_movies' now names '" + NEW + "'");
    assertThat(ops.descriptions.get(NEW)).isEqualTo("MovieRec movie vectors; model fingerprint: model-2");
    assertThat(ops.dimensions.get(NEW)).isEqualTo(2);
    // inserted in id order, titles where given
    assertThat(ops.inserted.get(0).get(0).get("id").getAsLong()).isEqualTo(1);
    assertThat(ops.inserted.get(0).get(0).get("title").getAsString()).isEqualTo("Toy Story (1995)");
    assertThat(ops.inserted.get(0).get(1).get("title").getAsString()).isEmpty();
    assertThat(ops.inserted.get(2).get(0).get("id").getAsLong()).isEqualTo(5);
  }

  @Test
  void a_rebuild_switches_the_alias_only_once_the_new_collection_is_loaded_then_drops_the_old_one() {
    FakeOps ops = new FakeOps().withCollection(ALIAS, "movierec_movies_model1_1", "model-1", 2, 5);
    List<String> progress = new ArrayList<>();
    run(ops, progress);
    assertThat(ops.calls).containsExactly(
        "aliasTarget movierec_movies",
        "createCollection " + NEW,
        "insert " + NEW + " 2 rows",
        "insert " + NEW + " 2 rows",
        "insert " + NEW + " 1 rows",
        "flush " + NEW,
        "createIndex " + NEW + " HNSW",
        "load " + NEW,
        "alterAlias movierec_movies -> " + NEW,
        "dropCollection movierec_movies_model1_1");
    assertThat(ops.aliases).containsEntry(ALIAS, NEW);
    assertThat(ops.collections).containsExactly(NEW);
    assertThat(progress).endsWith("dropped the previous collection 'movierec_movies_model1_1'");
  }

  @Test
  void a_failure_before_the_switch_drops_the_new_collection_and_leaves_the_alias_alone() {
    FakeOps ops = new FakeOps().withCollection(ALIAS, "movierec_movies_model1_1", "model-1", 2, 5);
    ops.failOn = "createIndex";
    ops.failure = new MilvusStoreException(Reason.TIMEOUT, "Milvus did not build the vector index", null);
    assertThatThrownBy(() -> run(ops, new ArrayList<>())).isSameAs(ops.failure);
    assertThat(ops.calls).endsWith("createIndex " + NEW + " HNSW", "dropCollection " + NEW);
    assertThat(ops.aliases).containsEntry(ALIAS, "movierec_movies_model1_1");
    assertThat(ops.collections).containsExactly("movierec_movies_model1_1");
  }

  @Test
  void a_failure_to_drop_the_old_collection_after_the_switch_is_reported_not_thrown() {
    FakeOps ops = new FakeOps().withCollection(ALIAS, "old", "model-1", 2, 5);
    ops.failOn = "dropCollection old";
    ops.failure = new MilvusStoreException(Reason.SERVER, "Milvus failed to drop 'old'", null);
    List<String> progress = new ArrayList<>();
    assertThat(run(ops, progress)).isEqualTo(NEW);
    assertThat(ops.aliases).containsEntry(ALIAS, NEW);
    assertThat(progress).endsWith("could not drop the previous collection 'old': Milvus failed to drop 'old'");
  }

  @Test
  void refuses_to_hide_a_collection_that_has_the_alias_s_name() {
    FakeOps ops = new FakeOps();
    ops.collections.add(ALIAS);
    assertThatThrownBy(() -> run(ops, new ArrayList<>())).isInstanceOf(IllegalStateException.class)
        .hasMessage("the Milvus collection 'movierec_movies' is a collection, not an alias: MovieRec keeps each build "
            + "in a collection of its own behind an alias of that name; drop that collection or choose another "
            + "collection name");
    assertThat(ops.calls).containsExactly("aliasTarget movierec_movies", "hasCollection movierec_movies");
  }

  @Test
  void builds_a_flat_index_when_asked() {
    FakeOps ops = new FakeOps();
    Reindex.run(ops, ALIAS, MilvusIndexParams.flat(), fiveMovies(), "model-2", 1000, NOW, BuildProgress.NONE);
    assertThat(ops.calls).contains("insert " + NEW + " 5 rows", "createIndex " + NEW + " FLAT");
  }

  @Test
  void checks_the_catalog_before_any_call() {
    IndexedMovie a = new IndexedMovie(1, new float[] {1, 0}, Set.of(), 0);
    IndexedMovie b = new IndexedMovie(2, new float[] {1, 0, 0}, Set.of(), 0);
    assertThatThrownBy(() -> MilvusCatalog.of(List.of(a, b), Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("all movie vectors must have the same dimension: movie 2 has 3, movie 1 has 2");
    assertThatThrownBy(() -> MilvusCatalog.of(List.of(a, a), Map.of())).hasMessage("movie 1 appears more than once");
    assertThatThrownBy(() -> MilvusCatalog.of(List.of(), Map.of())).hasMessage("cannot index an empty list of movies");
    IndexedMovie oneD = new IndexedMovie(3, new float[] {1}, Set.of(), 0);
    assertThatThrownBy(() -> MilvusCatalog.of(List.of(oneD), Map.of()))
        .hasMessage("Milvus holds vectors of 2..32768 dimensions, got: 1");
  }
}
