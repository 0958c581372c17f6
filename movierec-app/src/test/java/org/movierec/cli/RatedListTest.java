package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.model.Catalog;
import picocli.CommandLine.TypeConversionException;

class RatedListTest {
  /** Movies 1, 2 and 5: three movies, not every id in between. */
  private static final Catalog CATALOG = catalog(1, 2, 5);

  static Catalog catalog(int... movieIds) {
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    for (int id : movieIds) {
      movies.put(id, Movie.of(id, "Movie " + id + " (1995)", Set.of(Genre.DRAMA)));
    }
    return new Catalog(movies, Map.of());
  }

  @Test
  void reads_movie_stars_pairs_in_order_with_spaces_around_items_ids_and_stars() {
    RatedList rated = RatedList.parse(" 1193 : 5 , 2355:4,1:3 ");
    assertThat(rated.ratings()).containsExactly(new RatedMovie(1193, 5), new RatedMovie(2355, 4),
        new RatedMovie(1, 3));
    assertThat(rated.items()).containsExactly("1193 : 5", "2355:4", "1:3");
    assertThat(RatedList.parse("7:1").ratings()).containsExactly(new RatedMovie(7, 1));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "1193-5           | item 1, '1193-5': expected MOVIE:STARS, such as 1193:5",
    "1:5,1193:        | item 2, '1193:': the stars are missing; expected MOVIE:STARS, such as 1193:5",
    ":5               | item 1, ':5': the movie id is missing; expected MOVIE:STARS, such as 1193:5",
    "abc:5            | item 1, 'abc:5': the movie id must be a positive integer, got 'abc'",
    "0:5              | item 1, '0:5': the movie id must be a positive integer, got '0'",
    "-3:5             | item 1, '-3:5': the movie id must be a positive integer, got '-3'",
    "99999999999:5    | item 1, '99999999999:5': the movie id must be a positive integer, got '99999999999'",
    "1193:4.5         | item 1, '1193:4.5': stars must be an integer 1..5, got '4.5'",
    "1193:6           | item 1, '1193:6': stars must be an integer 1..5, got '6'",
    "1193:0           | item 1, '1193:0': stars must be an integer 1..5, got '0'",
    "1193:five        | item 1, '1193:five': stars must be an integer 1..5, got 'five'",
    "1193:5:3         | item 1, '1193:5:3': expected MOVIE:STARS, such as 1193:5",
    "1:5,,2:3         | item 2 is empty; expected MOVIE:STARS, such as 1193:5 (items are separated by single commas)",
    "1:5,             | item 2 is empty; expected MOVIE:STARS, such as 1193:5 (items are separated by single commas)",
    "1193:5,2355:4,1193:3 | movie 1193 is rated twice: item 1 '1193:5' and item 3 '1193:3'; give each movie once",
    "\" \"            | expected MOVIE:STARS[,MOVIE:STARS...], such as 1193:5,2355:4,1:3; got ' '",
  })
  void names_the_bad_item_and_what_is_valid(String text, String message) {
    assertThatThrownBy(() -> RatedList.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> new RatedList.Converter().convert(text)).isInstanceOf(TypeConversionException.class)
        .hasMessage(message);
  }

  @Test
  void a_movie_the_catalog_does_not_have_is_named_with_the_ids_it_has() {
    RatedList.parse("1:5, 2:3").requireKnown(CATALOG); // no complaint
    assertThatThrownBy(() -> RatedList.parse("1:5, 3:4").requireKnown(CATALOG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("item 2, '3:4': unknown movie 3: the model's catalog has 3 movies with ids 1..5 (not every id in"
            + " between); movies.dat of the data it was trained on lists them (MovieID::Title::Genres)");
    assertThatThrownBy(() -> RatedList.parse("6:1").requireKnown(catalog(4, 5)))
        .hasMessageStartingWith("item 1, '6:1': unknown movie 6: the model's catalog has 2 movies with ids 4..5;");
  }
}
