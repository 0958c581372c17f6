package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.movierec.data.Genre;
import org.movierec.index.IndexedMovie;
import org.movierec.index.ItemFilter;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;

/** Re-indexing, reopening and adding on a live server; runs only when MILVUS_URI is set. */
@EnabledIfEnvironmentVariable(named = "MILVUS_URI", matches = ".+", disabledReason = MilvusTestServer.SKIPPED)
class MilvusReindexIT {
  private final MilvusTestServer server = new MilvusTestServer();

  @AfterEach
  void dropCollections() {
    server.dropEverythingBuilt();
  }

  private static List<IndexedMovie> catalog(float firstX) {
    return List.of(
        new IndexedMovie(1, new float[] {firstX, 0}, Set.of(Genre.CHILDRENS), 1995),
        new IndexedMovie(2, new float[] {0, 1}, Set.of(Genre.DRAMA), 0),
        new IndexedMovie(3, new float[] {0.5f, 0.5f}, Set.of(Genre.SCI_FI, Genre.DRAMA), 1999));
  }

  @Test
  void a_rebuild_moves_the_alias_and_the_old_collection_lasts_until_its_open_index_closes() {
    MilvusOptions options = server.options();
    List<String> steps = new ArrayList<>();
    BuildProgress progress = new BuildProgress() {
      @Override
      public void inserted(int done, int total) {
        steps.add(done + "/" + total);
      }

      @Override
      public void step(String what) {
        steps.add(what);
      }
    };
    String first;
    try (MilvusIndex built = MilvusIndex.build(options, MilvusIndexParams.flat(), catalog(1), Map.of(1, "Toy "
        + "Story (1995)", 3, "Amélie \"Le Fabuleux\" d'\\ (1999)"), "model-1", progress)) {
      first = built.collection();
    }
    assertThat(steps).contains("3/3");
    try (MilvusIndex open = MilvusIndex.open(options, MilvusIndexParams.flat(), "model-1")) {
      assertThat(open.collection()).isEqualTo(first);
      float[] query = {1, 0};
      assertThat(open.search(VectorQuery.of(query, 1))).containsExactly(new Neighbor(1, 1f));
      ItemFilter childrens = ItemFilter.NONE.withGenres(Set.of(Genre.CHILDRENS, Genre.SCI_FI));
      assertThat(open.search(new VectorQuery(query, 3, childrens))).extracting(Neighbor::movieId)
          .containsExactly(1, 3);

      String second;
      try (MilvusIndex rebuilt = MilvusIndex.build(options, MilvusIndexParams.defaults(), catalog(-1), Map.of(),
          "model-1", BuildProgress.NONE)) {
        second = rebuilt.collection();
        assertThat(second).isNotEqualTo(first);
        assertThat(rebuilt.search(VectorQuery.of(query, 1))).containsExactly(new Neighbor(3, 0.5f));
        // this process still searches the first collection through `open`: it is kept, and `open` keeps using it
        assertThat(open.search(VectorQuery.of(query, 1))).containsExactly(new Neighbor(1, 1f));
        assertThat(open.collection()).isEqualTo(first);
      }
      try (SdkOps ops = SdkOps.connect(options)) {
        assertThat(ops.hasCollection(first)).isTrue();
        open.close(); // its last searcher: drops it
        assertThat(ops.hasCollection(first)).isFalse();
        assertThat(ops.aliasTarget(options.collection())).contains(second);
      }
    }
  }

  @Test
  void refuses_to_open_with_another_model_and_sees_a_movie_added_later() {
    MilvusOptions options = server.options();
    MilvusIndex.build(options, MilvusIndexParams.flat(), catalog(1), Map.of(), "model-1", BuildProgress.NONE).close();
    assertThatThrownBy(() -> MilvusIndex.open(options, MilvusIndexParams.flat(), "model-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("it was built from model model-1 but the model in use is model-2");
    try (MilvusIndex index = MilvusIndex.open(options, MilvusIndexParams.flat(), "model-1")) {
      index.add(new IndexedMovie(4000, new float[] {2, 0}, Set.of(Genre.WESTERN), 2024), "Nouveau (2024)");
      assertThat(index.info().size()).isEqualTo(4);
      assertThat(index.search(VectorQuery.of(new float[] {1, 0}, 1))).containsExactly(new Neighbor(4000, 2f));
      assertThat(index.search(new VectorQuery(new float[] {1, 0}, 5, ItemFilter.NONE.withYears(0, 2000))))
          .extracting(Neighbor::movieId).containsExactly(1, 3);
    }
  }

  @Test
  void an_unreachable_server_is_one_line_naming_the_uri() {
    MilvusOptions nowhere = MilvusOptions.of("http://127.0.0.1:9").withTimeouts(java.time.Duration.ofSeconds(2),
        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2));
    assertThatThrownBy(() -> MilvusIndex.open(nowhere, MilvusIndexParams.flat(), "model-1"))
        .isInstanceOf(MilvusStoreException.class)
        .hasMessageStartingWith("Milvus at http://127.0.0.1:9 did not connect within 2 s;")
        .hasMessageNotContaining("\n");
  }
}
