package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovieListTest {
  @Test
  void reads_movie_ids_in_order_repeats_included() {
    assertThat(MovieList.parse(" 2571, 260 ,2571").ids()).containsExactly(2571, 260, 2571);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "2571,x    | item 2, 'x': expected a movie id (a positive integer), such as 2571",
    "0         | item 1, '0': expected a movie id (a positive integer), such as 2571",
    "1,,2      | item 2, '': expected a movie id (a positive integer), such as 2571",
    "1:5       | item 1, '1:5': expected a movie id (a positive integer), such as 2571",
  })
  void names_the_bad_item(String text, String message) {
    assertThatThrownBy(() -> MovieList.parse(text)).hasMessage(message);
  }

  @Test
  void a_movie_the_catalog_does_not_have_is_named_with_the_ids_it_has() {
    assertThatThrownBy(() -> MovieList.parse("1,7").requireKnown(RatedListTest.catalog(1, 2, 3)))
        .hasMessage("item 2, '7': unknown movie 7: the model's catalog has 3 movies with ids 1..3; movies.dat of the"
            + " data it was trained on lists them (MovieID::Title::Genres)");
  }
}
