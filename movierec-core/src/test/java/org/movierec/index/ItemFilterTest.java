package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;

class ItemFilterTest {

  @Test
  void none_accepts_every_movie_even_of_unknown_year_and_no_genre() {
    assertThat(ItemFilter.NONE.accepts(1, Set.of(Genre.DRAMA), 1995)).isTrue();
    assertThat(ItemFilter.NONE.accepts(2, Set.of(), 0)).isTrue();
  }

  @Test
  void excluding_rejects_exactly_the_given_ids() {
    ItemFilter filter = ItemFilter.excluding(List.of(3, 7));
    assertThat(filter.accepts(3, Set.of(Genre.DRAMA), 1995)).isFalse();
    assertThat(filter.accepts(7, Set.of(Genre.DRAMA), 1995)).isFalse();
    assertThat(filter.accepts(4, Set.of(Genre.DRAMA), 1995)).isTrue();
  }

  @Test
  void genres_accept_a_movie_having_any_of_them() {
    ItemFilter filter = ItemFilter.NONE.withGenres(Set.of(Genre.COMEDY, Genre.WAR));
    assertThat(filter.accepts(1, Set.of(Genre.WAR, Genre.DRAMA), 1990)).isTrue();
    assertThat(filter.accepts(1, Set.of(Genre.DRAMA), 1990)).isFalse();
    assertThat(filter.accepts(1, Set.of(), 1990)).isFalse();
  }

  @Test
  void year_bounds_are_inclusive_and_zero_leaves_a_side_open() {
    ItemFilter between = ItemFilter.NONE.withYears(1990, 1995);
    assertThat(between.accepts(1, Set.of(), 1989)).isFalse();
    assertThat(between.accepts(1, Set.of(), 1990)).isTrue();
    assertThat(between.accepts(1, Set.of(), 1995)).isTrue();
    assertThat(between.accepts(1, Set.of(), 1996)).isFalse();
    assertThat(ItemFilter.NONE.withYears(1990, 0).accepts(1, Set.of(), 2024)).isTrue();
    assertThat(ItemFilter.NONE.withYears(0, 1990).accepts(1, Set.of(), 1900)).isTrue();
  }

  @Test
  void unknown_year_is_rejected_once_any_year_bound_is_set() {
    assertThat(ItemFilter.NONE.withYears(1990, 0).accepts(1, Set.of(), 0)).isFalse();
    assertThat(ItemFilter.NONE.withYears(0, 1990).accepts(1, Set.of(), 0)).isFalse();
    assertThat(ItemFilter.NONE.withYears(0, 0).accepts(1, Set.of(), 0)).isTrue();
  }

  @Test
  void with_methods_return_copies_and_keep_the_other_parts() {
    ItemFilter base = ItemFilter.excluding(List.of(1));
    ItemFilter narrowed = base.withGenres(Set.of(Genre.WAR)).withYears(1950, 1960);
    assertThat(base).isEqualTo(ItemFilter.excluding(List.of(1)));
    assertThat(narrowed).isEqualTo(new ItemFilter(Set.of(1), Set.of(Genre.WAR), 1950, 1960));
  }

  @Test
  void copies_the_caller_s_sets() {
    Set<Integer> ids = new HashSet<>(Set.of(1));
    List<Integer> idList = new ArrayList<>(List.of(2));
    ItemFilter filter = new ItemFilter(ids, Set.of(), 0, 0);
    ItemFilter fromList = ItemFilter.excluding(idList);
    ids.add(5);
    idList.add(6);
    assertThat(filter.excludedIds()).containsExactly(1);
    assertThat(fromList.excludedIds()).containsExactly(2);
    assertThatThrownBy(() -> filter.excludedIds().add(9)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejects_a_year_range_that_ends_before_it_starts() {
    assertThatThrownBy(() -> ItemFilter.NONE.withYears(2000, 1990))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minYear must not be after maxYear, got: 2000 > 1990");
  }

  @Test
  void rejects_negative_years() {
    assertThatThrownBy(() -> ItemFilter.NONE.withYears(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("years must be 0 (no bound) or positive, got: minYear -1, maxYear 0");
  }

  @Test
  void rejects_missing_sets_saying_what_to_pass_instead() {
    assertThatThrownBy(() -> new ItemFilter(null, Set.of(), 0, 0))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("excludedIds (use an empty set)");
    assertThatThrownBy(() -> ItemFilter.NONE.withGenres(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("genres (use an empty set for every genre)");
  }
}
