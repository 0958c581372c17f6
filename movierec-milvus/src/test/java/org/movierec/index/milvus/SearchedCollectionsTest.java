package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.index.IndexedMovie;
import org.movierec.index.VectorQuery;

/**
 * A rebuild in the process that still searches the previous collection (a server's hot swap) keeps it until the last
 * index searching it closes; with nobody searching it, it is dropped at once. Each test has a server URI of its own:
 * the registry is per process.
 */
class SearchedCollectionsTest {
  private static final String ALIAS = "movierec_movies";
  private static final String OLD = "movierec_movies_model1_1";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123Z");
  private static final String NEW = "movierec_movies_model2_20250301120000123";

  private static MilvusCatalog twoMovies() {
    return MilvusCatalog.of(List.of(new IndexedMovie(1, new float[] {1, 0}, Set.of(), 0),
        new IndexedMovie(2, new float[] {0, 1}, Set.of(), 0)), Map.of());
  }

  private static MilvusIndex rebuild(FakeOps ops, MilvusOptions options, List<String> steps) {
    return MilvusIndex.build(ops, options, MilvusIndexParams.flat(), twoMovies(), "model-2", 1000, NOW,
        new BuildProgress() {
          @Override
          public void inserted(int done, int total) {}

          @Override
          public void step(String what) {
            steps.add(what);
          }
        });
  }

  @Test
  void the_collection_an_open_index_searches_outlives_the_rebuild_until_that_index_closes() {
    MilvusOptions options = MilvusOptions.of("http://swap-1:19530");
    FakeOps ops = new FakeOps().withCollection(ALIAS, OLD, "model-1", 2, 5);
    MilvusIndex old = MilvusIndex.open(ops, options, MilvusIndexParams.flat(), "model-1");
    List<String> steps = new ArrayList<>();
    rebuild(ops, options, steps).close();

    assertThat(ops.aliases).containsEntry(ALIAS, NEW);
    assertThat(ops.collections).contains(OLD, NEW);
    assertThat(ops.calls).doesNotContain("dropCollection " + OLD);
    assertThat(steps).contains("kept the previous collection '" + OLD + "' until this process's searches of it end; "
        + "the last of them drops it");
    ops.calls.clear();
    old.search(VectorQuery.of(new float[] {1, 0}, 1)); // the old model's request in flight: its own 5 movies
    assertThat(ops.calls).containsExactly("search " + OLD + " limit 5 filter []");

    old.close();
    assertThat(ops.calls).endsWith("dropCollection " + OLD);
    assertThat(ops.collections).containsExactly(NEW);
    assertThat(SearchedCollections.searchers(options.uri(), OLD)).isZero();
  }

  @Test
  void the_last_of_several_searchers_drops_it() {
    MilvusOptions options = MilvusOptions.of("http://swap-2:19530");
    FakeOps ops = new FakeOps().withCollection(ALIAS, OLD, "model-1", 2, 5);
    MilvusIndex first = MilvusIndex.open(ops, options, MilvusIndexParams.flat(), "model-1");
    MilvusIndex second = MilvusIndex.open(ops, options, MilvusIndexParams.flat(), "model-1");
    rebuild(ops, options, new ArrayList<>()).close();
    first.close();
    assertThat(ops.collections).contains(OLD);
    second.close();
    second.close(); // a second close changes nothing
    assertThat(ops.calls.stream().filter(c -> c.equals("dropCollection " + OLD))).hasSize(1);
    assertThat(ops.collections).containsExactly(NEW);
  }

  @Test
  void with_nobody_searching_it_the_previous_collection_is_dropped_by_the_build() {
    MilvusOptions options = MilvusOptions.of("http://swap-3:19530");
    FakeOps ops = new FakeOps().withCollection(ALIAS, OLD, "model-1", 2, 5);
    MilvusIndex.open(ops, options, MilvusIndexParams.flat(), "model-1").close(); // opened and closed before
    List<String> steps = new ArrayList<>();
    MilvusIndex rebuilt = rebuild(ops, options, steps);
    assertThat(ops.collections).containsExactly(NEW);
    assertThat(steps).contains("dropped the previous collection '" + OLD + "'");
    rebuilt.close();
    assertThat(ops.collections).containsExactly(NEW); // closing the index of the collection in service drops nothing
  }

  @Test
  void another_server_s_searches_do_not_keep_a_collection() {
    FakeOps ops = new FakeOps().withCollection(ALIAS, OLD, "model-1", 2, 5);
    MilvusIndex elsewhere = MilvusIndex.open(ops, MilvusOptions.of("http://swap-4a:19530"),
        MilvusIndexParams.flat(), "model-1");
    rebuild(ops, MilvusOptions.of("http://swap-4b:19530"), new ArrayList<>()).close();
    assertThat(ops.collections).containsExactly(NEW);
    elsewhere.close();
  }
}
