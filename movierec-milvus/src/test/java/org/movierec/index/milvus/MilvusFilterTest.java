package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.index.ItemFilter;

class MilvusFilterTest {

  @Test
  void writes_no_expression_for_a_filter_accepting_every_movie() {
    assertThat(MilvusFilter.expression(ItemFilter.NONE)).isEmpty();
  }

  @Test
  void excludes_ids_in_ascending_order() {
    assertThat(MilvusFilter.expression(ItemFilter.excluding(List.of(42, 7, 1000))))
        .isEqualTo("id not in [7, 42, 1000]");
  }

  @Test
  void accepts_any_of_the_genres_by_their_quoted_labels_in_genre_order() {
    ItemFilter filter = ItemFilter.NONE.withGenres(Set.of(Genre.SCI_FI, Genre.CHILDRENS, Genre.ACTION));
    assertThat(MilvusFilter.expression(filter))
        .isEqualTo("ARRAY_CONTAINS_ANY(genres, [\"Action\", \"Children's\", \"Sci-Fi\"])");
  }

  @Test
  void bounds_years_inclusively_and_drops_unknown_years_once_bounded() {
    assertThat(MilvusFilter.expression(ItemFilter.NONE.withYears(1990, 1995)))
        .isEqualTo("year >= 1990 and year <= 1995");
    assertThat(MilvusFilter.expression(ItemFilter.NONE.withYears(1995, 0))).isEqualTo("year >= 1995");
    assertThat(MilvusFilter.expression(ItemFilter.NONE.withYears(0, 2000))).isEqualTo("year >= 1 and year <= 2000");
    assertThat(MilvusFilter.expression(ItemFilter.NONE.withYears(1995, 1995)))
        .isEqualTo("year >= 1995 and year <= 1995");
  }

  @Test
  void joins_exclusions_genres_and_years_with_and() {
    ItemFilter filter = ItemFilter.excluding(List.of(3)).withGenres(Set.of(Genre.ACTION)).withYears(1985, 1995);
    assertThat(MilvusFilter.expression(filter))
        .isEqualTo("id not in [3] and ARRAY_CONTAINS_ANY(genres, [\"Action\"]) and year >= 1985 and year <= 1995");
  }

  @Test
  void quotes_plain_text_in_double_quotes() {
    assertThat(MilvusFilter.quote("Toy Story (1995)")).isEqualTo("\"Toy Story (1995)\"");
    assertThat(MilvusFilter.quote("")).isEqualTo("\"\"");
  }

  @Test
  void leaves_single_quotes_as_they_are_inside_double_quotes() {
    assertThat(MilvusFilter.quote("Children's")).isEqualTo("\"Children's\"");
  }

  @Test
  void escapes_double_quotes_and_backslashes() {
    assertThat(MilvusFilter.quote("Say \"Cheese\"")).isEqualTo("\"Say \\\"Cheese\\\"\"");
    assertThat(MilvusFilter.quote("a\\b")).isEqualTo("\"a\\\\b\"");
    assertThat(MilvusFilter.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
  }

  @Test
  void keeps_non_ascii_characters_and_escapes_control_characters() {
    assertThat(MilvusFilter.quote("Amélie (2001) – 東京物語 😀")).isEqualTo("\"Amélie (2001) – 東京物語 😀\"");
    assertThat(MilvusFilter.quote("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
    assertThat(MilvusFilter.quote("bell\u0007del\u007f")).isEqualTo("\"bell\\u0007del\\u007f\"");
  }
}
