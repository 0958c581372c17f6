package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.index.IndexInfo;
import org.movierec.index.IndexedMovie;
import org.movierec.index.ItemFilter;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorQuery;
import org.movierec.index.milvus.MilvusOps.Hit;
import org.movierec.index.milvus.MilvusStoreException.Reason;

/** The adapter's logic against a recording fake: opening, searching, adding. The live contract: MilvusIndexIT. */
class MilvusIndexTest {
  private static final MilvusOptions OPTIONS = MilvusOptions.of("http://milvus.local:19530");
  private static final String ALIAS = "movierec_movies";
  private static final String CURRENT = "movierec_movies_model1_1";

  private static FakeOps catalogOf(long size) {
    return new FakeOps().withCollection(ALIAS, CURRENT, "model-1", 2, size);
  }

  private static MilvusIndex open(FakeOps ops) {
    return MilvusIndex.open(ops, OPTIONS, MilvusIndexParams.defaults(), "model-1");
  }

  @Test
  void opens_the_collection_behind_the_alias_and_reports_what_it_holds() {
    FakeOps ops = catalogOf(3883);
    MilvusIndex index = open(ops);
    assertThat(index.info()).isEqualTo(new IndexInfo("milvus", 2, "model-1", 3883));
    assertThat(index.collection()).isEqualTo(CURRENT);
    assertThat(ops.calls).containsExactly("aliasTarget movierec_movies", "describe " + CURRENT, "load " + CURRENT,
        "count " + CURRENT);
  }

  @Test
  void refuses_a_collection_built_from_another_model_naming_both_fingerprints() {
    FakeOps ops = catalogOf(5);
    assertThatThrownBy(() -> MilvusIndex.open(ops, OPTIONS, MilvusIndexParams.defaults(), "model-2"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot use the Milvus collection 'movierec_movies' ('movierec_movies_model1_1') at "
            + "http://milvus.local:19530: it was built from model model-1 but the model in use is model-2; rebuild it "
            + "with: movierec index --model DIR --store milvus --milvus-uri http://milvus.local:19530");
  }

  @Test
  void refuses_a_collection_movierec_did_not_write() {
    FakeOps ops = new FakeOps();
    ops.collections.add(ALIAS);
    ops.descriptions.put(ALIAS, "product images");
    ops.dimensions.put(ALIAS, 512);
    assertThatThrownBy(() -> open(ops)).isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot use the Milvus collection 'movierec_movies' at http://milvus.local:19530: it was not "
            + "written by MovieRec (its description is 'product images'); rebuild it with: movierec index --model DIR "
            + "--store milvus --milvus-uri http://milvus.local:19530, or choose another collection name");
  }

  @Test
  void says_how_to_build_a_collection_that_does_not_exist() {
    assertThatThrownBy(() -> open(new FakeOps())).isInstanceOfSatisfying(MilvusStoreException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
        .hasMessage("Milvus at http://milvus.local:19530 has no collection 'movierec_movies'; build it with: "
            + "movierec index --model DIR --store milvus --milvus-uri http://milvus.local:19530");
  }

  @Test
  void pushes_the_filter_down_and_asks_for_a_few_more_than_k() {
    FakeOps ops = catalogOf(3883);
    MilvusIndex index = open(ops);
    ops.calls.clear();
    ItemFilter filter = ItemFilter.excluding(List.of(3, 1)).withGenres(Set.of(Genre.COMEDY)).withYears(1990, 0);
    index.search(new VectorQuery(new float[] {1, 0.5f}, 10, filter));
    assertThat(ops.calls).containsExactly("search " + CURRENT + " limit 18 filter [id not in [1, 3] and "
        + "ARRAY_CONTAINS_ANY(genres, [\"Comedy\"]) and year >= 1990]");
    assertThat(ops.searchParams).containsExactly(Map.of("ef", 100));
  }

  @Test
  void never_asks_for_more_than_the_catalog_or_milvus_s_top_k_limit() {
    FakeOps ops = catalogOf(5);
    open(ops).search(VectorQuery.of(new float[] {1, 0}, Integer.MAX_VALUE));
    FakeOps big = catalogOf(1_000_000);
    open(big).search(VectorQuery.of(new float[] {1, 0}, 100_000));
    assertThat(ops.calls).contains("search " + CURRENT + " limit 5 filter []");
    assertThat(big.calls).contains("search " + CURRENT + " limit 16384 filter []");
    assertThat(big.searchParams).containsExactly(Map.of("ef", 16384));
  }

  @Test
  void returns_best_first_with_ties_by_smaller_id_and_cuts_at_k() {
    FakeOps ops = catalogOf(5);
    ops.answers = limit -> List.of(new Hit(5, 1.5f), new Hit(3, 1.5f), new Hit(2, 0.5f), new Hit(1, 1.0f),
        new Hit(4, -1.0f));
    MilvusIndex index = open(ops);
    assertThat(index.search(VectorQuery.of(new float[] {1, 0.5f}, 5))).containsExactly(new Neighbor(3, 1.5f),
        new Neighbor(5, 1.5f), new Neighbor(1, 1.0f), new Neighbor(2, 0.5f), new Neighbor(4, -1.0f));
    assertThat(index.search(VectorQuery.of(new float[] {1, 0.5f}, 1))).containsExactly(new Neighbor(3, 1.5f));
  }

  @Test
  void asks_for_more_when_a_tie_at_the_k_th_place_fills_what_milvus_returned() {
    FakeOps ops = catalogOf(100);
    // 40 movies score 2; Milvus returns an arbitrary `limit` of them, largest ids first.
    ops.answers = limit -> {
      List<Hit> hits = new ArrayList<>();
      for (int id = 40; id > 40 - Math.min(limit, 40); id--) {
        hits.add(new Hit(id, 2f));
      }
      for (int id = 41; hits.size() < limit; id++) {
        hits.add(new Hit(id, 1f));
      }
      return hits;
    };
    List<Neighbor> got = open(ops).search(VectorQuery.of(new float[] {1, 1}, 2));
    assertThat(got).containsExactly(new Neighbor(1, 2f), new Neighbor(2, 2f));
    assertThat(ops.calls).filteredOn(c -> c.startsWith("search")).containsExactly(
        "search " + CURRENT + " limit 10 filter []", "search " + CURRENT + " limit 20 filter []",
        "search " + CURRENT + " limit 40 filter []", "search " + CURRENT + " limit 80 filter []");
  }

  @Test
  void rejects_a_query_vector_of_another_dimension() {
    MilvusIndex index = open(catalogOf(5));
    assertThatThrownBy(() -> index.search(VectorQuery.of(new float[] {1, 2, 3}, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector has dimension 3 but the index holds vectors of dimension 2");
  }

  @Test
  void follows_the_alias_when_a_rebuild_from_the_same_model_replaced_the_collection() {
    FakeOps ops = catalogOf(5);
    MilvusIndex index = open(ops);
    ops.withCollection(ALIAS, "movierec_movies_model1_2", "model-1", 2, 6);
    ops.failOn = "search " + CURRENT;
    ops.failure = new MilvusStoreException(Reason.NOT_FOUND, "collection not found", null);
    ops.answers = limit -> List.of(new Hit(6, 1f));
    assertThat(index.search(VectorQuery.of(new float[] {1, 0}, 1))).containsExactly(new Neighbor(6, 1f));
    assertThat(index.collection()).isEqualTo("movierec_movies_model1_2");
    assertThat(index.info().size()).isEqualTo(6);
  }

  @Test
  void refuses_to_follow_the_alias_to_a_collection_of_another_model() {
    FakeOps ops = catalogOf(5);
    MilvusIndex index = open(ops);
    ops.withCollection(ALIAS, "movierec_movies_model2_2", "model-2", 2, 6);
    ops.failOn = "search " + CURRENT;
    ops.failure = new MilvusStoreException(Reason.NOT_FOUND, "collection not found", null);
    assertThatThrownBy(() -> index.search(VectorQuery.of(new float[] {1, 0}, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot use the Milvus collection 'movierec_movies' ('movierec_movies_model2_2') at "
            + "http://milvus.local:19530: it was built from model model-2 but the model in use is model-1; rebuild it "
            + "with: movierec index --model DIR --store milvus --milvus-uri http://milvus.local:19530");
  }

  @Test
  void adds_a_movie_by_upserting_it_and_counts_again() {
    FakeOps ops = catalogOf(5);
    MilvusIndex index = open(ops);
    ops.calls.clear();
    index.add(new IndexedMovie(4000, new float[] {0.5f, 0.5f}, Set.of(Genre.DRAMA), 2024), "Nouveau (2024)");
    assertThat(ops.calls).containsExactly("upsert " + CURRENT + " 1 rows", "count " + CURRENT);
    assertThat(ops.inserted.get(0).get(0).toString()).isEqualTo("{\"id\":4000,\"vector\":[0.5,0.5],\"title\":"
        + "\"Nouveau (2024)\",\"year\":2024,\"genres\":[\"Drama\"]}");
    assertThat(index.info().size()).isEqualTo(6);
  }

  @Test
  void refuses_to_add_a_movie_of_another_dimension() {
    MilvusIndex index = open(catalogOf(5));
    assertThatThrownBy(() -> index.add(new IndexedMovie(7, new float[] {1, 2, 3}, Set.of(), 0), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("movie 7 has a vector of dimension 3 but the index holds vectors of dimension 2");
  }

  @Test
  void closes_the_connection_once_and_then_refuses_to_search() {
    FakeOps ops = catalogOf(5);
    MilvusIndex index = open(ops);
    index.close();
    index.close();
    assertThat(ops.closed).isTrue();
    assertThatThrownBy(() -> index.search(VectorQuery.of(new float[] {1, 0}, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the Milvus index 'movierec_movies' at http://milvus.local:19530 is closed");
  }

  @Test
  void a_build_returns_an_open_index_on_the_new_collection() {
    FakeOps ops = new FakeOps();
    MilvusCatalog catalog = MilvusCatalog.of(List.of(new IndexedMovie(1, new float[] {1, 0}, Set.of(), 0),
        new IndexedMovie(2, new float[] {0, 1}, Set.of(), 0)), Map.of());
    MilvusIndex index = MilvusIndex.build(ops, OPTIONS, MilvusIndexParams.flat(), catalog, "model-1", 1000,
        java.time.Instant.parse("2025-01-02T03:04:05Z"), BuildProgress.NONE);
    assertThat(index.collection()).isEqualTo("movierec_movies_model1_20250102030405000");
    assertThat(index.info()).isEqualTo(new IndexInfo("milvus", 2, "model-1", 2));
    ops.calls.clear();
    index.search(VectorQuery.of(new float[] {1, 0}, 1));
    assertThat(ops.calls).containsExactly("search movierec_movies_model1_20250102030405000 limit 2 filter []");
    assertThat(ops.searchParams).containsExactly(Map.of());
  }
}
