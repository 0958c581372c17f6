package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;

/**
 * What every {@link VectorIndex} must do. A backend's test extends this class and says how to build an index; the
 * answers are checked against hand-computed values and, on seeded random catalogs, against {@link ExactIndex}.
 */
abstract class VectorIndexContractTest {
  private static final String FINGERPRINT = "model-0001";
  private final List<VectorIndex> opened = new ArrayList<>();

  /** A new index of {@code movies}; the contract test closes it. */
  protected abstract VectorIndex build(List<IndexedMovie> movies, String modelFingerprint);

  /** The {@link IndexInfo#backend()} this implementation reports. */
  protected abstract String backend();

  /** The least average recall@10 against {@link ExactIndex} on random catalogs: 1.0 for exact backends. */
  protected double minimumRecallAt10() {
    return 1.0;
  }

  @AfterEach
  void closeIndexes() {
    opened.forEach(VectorIndex::close);
  }

  private VectorIndex index(List<IndexedMovie> movies) {
    VectorIndex index = build(movies, FINGERPRINT);
    opened.add(index);
    return index;
  }

  private VectorIndex tiny() {
    return index(TestMovies.tiny());
  }

  private static VectorQuery tinyQuery(int k, ItemFilter filter) {
    return new VectorQuery(TestMovies.tinyQuery(), k, filter);
  }

  @Test
  void reports_its_backend_dimension_fingerprint_and_size() {
    assertThat(tiny().info()).isEqualTo(new IndexInfo(backend(), 2, FINGERPRINT, 5));
  }

  @Test
  void ranks_movies_by_exact_inner_product_best_first() {
    assertThat(tiny().search(tinyQuery(5, ItemFilter.NONE)))
        .containsExactly(
            new Neighbor(3, 1.5f),
            new Neighbor(5, 1.5f),
            new Neighbor(1, 1.0f),
            new Neighbor(2, 0.5f),
            new Neighbor(4, -1.0f));
  }

  @Test
  void returns_at_most_k_movies() {
    assertThat(tiny().search(tinyQuery(2, ItemFilter.NONE)))
        .containsExactly(new Neighbor(3, 1.5f), new Neighbor(5, 1.5f));
  }

  @Test
  void returns_the_whole_catalog_when_k_is_larger_than_it() {
    assertThat(tiny().search(tinyQuery(1000, ItemFilter.NONE))).extracting(Neighbor::movieId)
        .containsExactly(3, 5, 1, 2, 4);
    assertThat(tiny().search(tinyQuery(Integer.MAX_VALUE, ItemFilter.NONE))).hasSize(5);
  }

  @Test
  void orders_equal_scores_by_smaller_movie_id_even_at_the_cut() {
    VectorIndex index =
        index(
            List.of(
                TestMovies.movie(9, 2000, Set.of(Genre.DRAMA), 1, 1),
                TestMovies.movie(4, 2000, Set.of(Genre.DRAMA), 1, 1),
                TestMovies.movie(7, 2000, Set.of(Genre.DRAMA), 1, 1),
                TestMovies.movie(8, 2000, Set.of(Genre.DRAMA), 0, 1)));
    float[] query = {1, 1};
    assertThat(index.search(VectorQuery.of(query, 4)))
        .containsExactly(new Neighbor(4, 2f), new Neighbor(7, 2f), new Neighbor(9, 2f), new Neighbor(8, 1f));
    assertThat(index.search(VectorQuery.of(query, 2))).containsExactly(new Neighbor(4, 2f), new Neighbor(7, 2f));
  }

  @Test
  void skips_excluded_movies() {
    assertThat(tiny().search(tinyQuery(5, ItemFilter.excluding(List.of(3, 1)))))
        .containsExactly(new Neighbor(5, 1.5f), new Neighbor(2, 0.5f), new Neighbor(4, -1.0f));
  }

  @Test
  void keeps_movies_having_any_of_the_requested_genres() {
    VectorIndex index = tiny();
    ItemFilter comedyOrDrama = ItemFilter.NONE.withGenres(Set.of(Genre.COMEDY, Genre.DRAMA));
    assertThat(index.search(tinyQuery(5, comedyOrDrama))).extracting(Neighbor::movieId).containsExactly(3, 5, 2, 4);
    ItemFilter comedy = ItemFilter.NONE.withGenres(Set.of(Genre.COMEDY));
    assertThat(index.search(tinyQuery(5, comedy))).extracting(Neighbor::movieId).containsExactly(3, 2);
  }

  @Test
  void keeps_movies_within_the_year_range_bounds_included() {
    ItemFilter nineties = ItemFilter.NONE.withYears(1990, 1995);
    assertThat(tiny().search(tinyQuery(5, nineties)))
        .containsExactly(new Neighbor(1, 1.0f), new Neighbor(2, 0.5f));
  }

  @Test
  void drops_movies_of_unknown_year_once_a_year_bound_is_set() {
    VectorIndex index = tiny();
    assertThat(index.search(tinyQuery(5, ItemFilter.NONE.withYears(0, 2000)))).extracting(Neighbor::movieId)
        .containsExactly(3, 5, 1, 2);
    assertThat(index.search(tinyQuery(5, ItemFilter.NONE.withYears(1995, 0)))).extracting(Neighbor::movieId)
        .containsExactly(3, 2);
  }

  @Test
  void applies_exclusions_genres_and_years_together() {
    ItemFilter filter = ItemFilter.excluding(List.of(3)).withGenres(Set.of(Genre.ACTION)).withYears(1985, 1995);
    assertThat(tiny().search(tinyQuery(5, filter))).containsExactly(new Neighbor(5, 1.5f), new Neighbor(1, 1.0f));
  }

  @Test
  void returns_nothing_when_the_filter_accepts_no_movie() {
    VectorIndex index = tiny();
    assertThat(index.search(tinyQuery(5, ItemFilter.excluding(List.of(1, 2, 3, 4, 5))))).isEmpty();
    assertThat(index.search(tinyQuery(5, ItemFilter.NONE.withGenres(Set.of(Genre.WESTERN))))).isEmpty();
    assertThat(index.search(tinyQuery(5, ItemFilter.NONE.withYears(2001, 2010)))).isEmpty();
  }

  @Test
  void rejects_a_query_vector_of_another_dimension() {
    VectorIndex index = tiny();
    assertThatThrownBy(() -> index.search(VectorQuery.of(new float[] {1, 2, 3}, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector has dimension 3 but the index holds vectors of dimension 2");
  }

  @Test
  void refuses_to_search_once_closed() {
    VectorIndex index = tiny();
    index.close();
    index.close();
    assertThatThrownBy(() -> index.search(tinyQuery(1, ItemFilter.NONE)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void finds_the_exact_top_10_on_seeded_random_vectors() {
    assertAgreesWithExact(42L, false);
  }

  @Test
  void finds_the_exact_filtered_top_10_on_seeded_random_vectors() {
    assertAgreesWithExact(43L, true);
  }

  @Test
  void gives_every_thread_the_same_answers_as_a_single_thread() throws Exception {
    List<IndexedMovie> movies = TestMovies.random(7L, 1_000, 16);
    VectorIndex index = index(movies);
    Random random = new Random(8L);
    List<VectorQuery> queries = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ItemFilter filter = i % 2 == 0 ? ItemFilter.NONE : randomFilter(random, movies.size());
      queries.add(new VectorQuery(TestMovies.unitVector(random, 16), 10, filter));
    }
    Map<VectorQuery, List<Neighbor>> expected = new HashMap<>();
    queries.forEach(q -> expected.put(q, index.search(q)));

    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        tasks.add(() -> {
          List<VectorQuery> order = new ArrayList<>(queries);
          start.await(10, TimeUnit.SECONDS);
          int checked = 0;
          for (int round = 0; round < 5; round++) {
            Collections.shuffle(order, new Random(seed * 31 + round));
            for (VectorQuery q : order) {
              assertThat(index.search(q)).isEqualTo(expected.get(q));
              checked++;
            }
          }
          return checked;
        });
      }
      for (Future<Integer> done : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
        assertThat(done.get()).isEqualTo(5 * queries.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** 4,000 movies x 64 dimensions, 200 queries: recall@10 against the exact index, and scores exact to 1e-5. */
  private void assertAgreesWithExact(long seed, boolean filtered) {
    int dimension = 64;
    List<IndexedMovie> movies = TestMovies.random(seed, 4_000, dimension);
    Map<Integer, IndexedMovie> byId = new HashMap<>();
    movies.forEach(m -> byId.put(m.movieId(), m));
    VectorIndex index = index(movies);
    VectorIndex exact = ExactIndex.of(movies, FINGERPRINT);
    opened.add(exact);
    Random random = new Random(seed + 1000);
    double recallSum = 0;
    int queries = 200;
    for (int i = 0; i < queries; i++) {
      ItemFilter filter = filtered ? randomFilter(random, movies.size()) : ItemFilter.NONE;
      VectorQuery query = new VectorQuery(TestMovies.unitVector(random, dimension), 10, filter);
      List<Neighbor> got = index.search(query);
      List<Neighbor> want = exact.search(query);

      assertThat(got).hasSize(want.size()).isSortedAccordingTo(Neighbor.BEST_FIRST);
      for (Neighbor n : got) {
        IndexedMovie movie = byId.get(n.movieId());
        assertThat(filter.accepts(movie.movieId(), movie.genres(), movie.year())).isTrue();
        assertThat((double) n.score()).isCloseTo(dot(query.vector(), movie.vector()), within(1e-5));
      }
      Set<Integer> wanted = new HashSet<>();
      want.forEach(n -> wanted.add(n.movieId()));
      long hits = got.stream().filter(n -> wanted.contains(n.movieId())).count();
      recallSum += want.isEmpty() ? 1.0 : (double) hits / want.size();
    }
    double recall = recallSum / queries;
    System.out.printf("%s recall@10 vs exact, %s, %d queries over 4000 x 64: %.4f%n",
        backend(), filtered ? "filtered" : "unfiltered", queries, recall);
    assertThat(recall).isGreaterThanOrEqualTo(minimumRecallAt10());
  }

  /** Exclusions, genres and years in varying mixes, each part present about half the time. */
  private static ItemFilter randomFilter(Random random, int catalogSize) {
    ItemFilter filter = ItemFilter.NONE;
    if (random.nextBoolean()) {
      Set<Integer> excluded = new HashSet<>();
      int howMany = random.nextInt(300);
      for (int i = 0; i < howMany; i++) {
        excluded.add(1 + random.nextInt(catalogSize));
      }
      filter = ItemFilter.excluding(excluded);
    }
    if (random.nextBoolean()) {
      Set<Genre> genres = EnumSet.noneOf(Genre.class);
      int howMany = 1 + random.nextInt(4);
      for (int i = 0; i < howMany; i++) {
        genres.add(Genre.values()[random.nextInt(Genre.values().length)]);
      }
      filter = filter.withGenres(genres);
    }
    if (random.nextBoolean()) {
      int from = random.nextBoolean() ? 0 : 1930 + random.nextInt(60);
      int to = random.nextBoolean() ? 0 : Math.max(from, 1940) + random.nextInt(20);
      filter = filter.withYears(from, to);
    }
    return filter;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
