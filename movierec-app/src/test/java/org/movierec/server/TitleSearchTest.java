package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleSearchTest {
  @Test
  void words_are_folded_and_split_on_anything_but_letters_and_digits() {
    assertThat(TitleSearch.words("City of Lost Children, The (1995)"))
        .containsExactly("city", "of", "lost", "children", "the", "1995");
    assertThat(TitleSearch.words("Amélie (Le Fabuleux Destin d'Amélie Poulain) (2001)"))
        .containsExactly("amelie", "le", "fabuleux", "destin", "d", "amelie", "poulain", "2001");
    assertThat(TitleSearch.words("  ")).isEmpty();
    assertThat(TitleSearch.words(null)).isEmpty();
  }

  @Test
  void every_query_word_must_start_a_title_word() {
    List<String> title = TitleSearch.words("Star Wars: Episode IV - A New Hope (1977)");
    assertThat(TitleSearch.matches(title, TitleSearch.words("star wa"))).isTrue();
    assertThat(TitleSearch.matches(title, TitleSearch.words("WARS 1977"))).isTrue();
    assertThat(TitleSearch.matches(title, TitleSearch.words("ars"))).isFalse();
    assertThat(TitleSearch.matches(title, TitleSearch.words("star trek"))).isFalse();
    assertThat(TitleSearch.matches(title, List.of())).isTrue();
  }
}
