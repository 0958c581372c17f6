package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;

class ExactIndexTest extends VectorIndexContractTest {

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    return ExactIndex.of(movies, modelFingerprint);
  }

  @Override
  protected String backend() {
    return "exact";
  }

  @Test
  void matches_a_full_sort_of_the_catalog_by_inner_product() {
    List<IndexedMovie> movies = TestMovies.random(11L, 300, 8);
    float[] query = TestMovies.unitVector(new Random(12L), 8);
    List<Integer> fullSort =
        movies.stream()
            .sorted(
                Comparator.comparingDouble((IndexedMovie m) -> -InnerProduct.of(query, m.vector()))
                    .thenComparingInt(IndexedMovie::movieId))
            .limit(25)
            .map(IndexedMovie::movieId)
            .toList();
    try (ExactIndex index = ExactIndex.of(movies, "m")) {
      assertThat(index.search(VectorQuery.of(query, 25))).extracting(Neighbor::movieId).isEqualTo(fullSort);
    }
  }

  @Test
  void names_the_movie_whose_dimension_differs() {
    List<IndexedMovie> movies =
        List.of(
            TestMovies.movie(1, 1990, Set.of(Genre.DRAMA), 1, 0),
            TestMovies.movie(2, 1990, Set.of(Genre.DRAMA), 1, 0, 0));
    assertThatThrownBy(() -> ExactIndex.of(movies, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("all movie vectors must have the same dimension: movie 2 has 3, movie 1 has 2");
  }

  @Test
  void rejects_a_movie_listed_twice() {
    List<IndexedMovie> movies =
        List.of(
            TestMovies.movie(1, 1990, Set.of(Genre.DRAMA), 1, 0),
            TestMovies.movie(1, 1991, Set.of(Genre.DRAMA), 0, 1));
    assertThatThrownBy(() -> ExactIndex.of(movies, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("movie 1 appears more than once");
  }

  @Test
  void rejects_an_empty_catalog() {
    assertThatThrownBy(() -> ExactIndex.of(List.of(), "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot index an empty list of movies");
  }

  @Test
  void is_not_changed_by_later_writes_to_the_caller_s_arrays() {
    float[] vector = {1, 0};
    IndexedMovie movie = new IndexedMovie(1, vector, Set.of(Genre.DRAMA), 1990);
    vector[0] = 100;
    try (ExactIndex index = ExactIndex.of(List.of(movie), "m")) {
      float[] query = {1, 0};
      VectorQuery q = VectorQuery.of(query, 1);
      query[0] = 100;
      assertThat(index.search(q)).containsExactly(new Neighbor(1, 1f));
    }
  }
}
