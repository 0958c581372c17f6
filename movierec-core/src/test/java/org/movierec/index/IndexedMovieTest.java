package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;

class IndexedMovieTest {

  @Test
  void keeps_its_own_copy_of_the_vector() {
    float[] v = {1, 2};
    IndexedMovie movie = new IndexedMovie(1, v, Set.of(Genre.DRAMA), 1995);
    v[0] = 9;
    movie.vector()[1] = 9;
    assertThat(movie.vector()).containsExactly(1, 2);
    assertThat(movie).isEqualTo(new IndexedMovie(1, new float[] {1, 2}, Set.of(Genre.DRAMA), 1995));
  }

  @Test
  void rejects_an_id_below_one() {
    assertThatThrownBy(() -> new IndexedMovie(0, new float[] {1}, Set.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("movie id must be at least 1, got: 0");
  }

  @Test
  void rejects_a_vector_that_is_not_finite_naming_the_movie() {
    assertThatThrownBy(() -> new IndexedMovie(42, new float[] {0, Float.POSITIVE_INFINITY}, Set.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector of movie 42 must be finite, got Infinity at index 1");
    assertThatThrownBy(() -> new IndexedMovie(42, new float[0], Set.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector of movie 42 is empty");
  }

  @Test
  void rejects_a_negative_year() {
    assertThatThrownBy(() -> new IndexedMovie(42, new float[] {1}, Set.of(), -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("year of movie 42 must be 0 (unknown) or positive, got: -5");
  }
}
