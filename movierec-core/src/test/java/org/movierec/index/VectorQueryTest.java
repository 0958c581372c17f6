package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorQueryTest {

  @Test
  void of_searches_without_a_filter() {
    assertThat(VectorQuery.of(new float[] {1, 2}, 3)).isEqualTo(new VectorQuery(new float[] {1, 2}, 3, ItemFilter.NONE));
  }

  @Test
  void keeps_its_own_copy_of_the_vector() {
    float[] v = {1, 2};
    VectorQuery query = VectorQuery.of(v, 1);
    v[0] = 9;
    query.vector()[1] = 9;
    assertThat(query.vector()).containsExactly(1, 2);
    assertThat(query.dimension()).isEqualTo(2);
  }

  @Test
  void rejects_k_below_one() {
    assertThatThrownBy(() -> VectorQuery.of(new float[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be at least 1, got: 0");
  }

  @Test
  void rejects_a_missing_filter_saying_what_to_use() {
    assertThatThrownBy(() -> new VectorQuery(new float[] {1}, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("filter (use ItemFilter.NONE to accept every movie)");
  }

  @Test
  void rejects_an_empty_vector() {
    assertThatThrownBy(() -> VectorQuery.of(new float[0], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector is empty");
  }

  @Test
  void rejects_a_vector_that_is_not_finite_saying_where() {
    assertThatThrownBy(() -> VectorQuery.of(new float[] {1, Float.NaN}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector must be finite, got NaN at index 1");
    assertThatThrownBy(() -> VectorQuery.of(new float[] {Float.NEGATIVE_INFINITY}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query vector must be finite, got -Infinity at index 0");
  }

  @Test
  void rejects_a_missing_vector() {
    assertThatThrownBy(() -> VectorQuery.of(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vector");
  }
}
