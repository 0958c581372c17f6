package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.data.RatedMovie;
import org.movierec.model.Catalog;

class RatingsFileTest {
  private static final Catalog CATALOG = RatedListTest.catalog(1, 2, 5);
  private static final Set<Integer> USERS = Set.of(7, 999);

  @TempDir Path tmp;

  private Map<Integer, List<RatedMovie>> read(String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("ratings.dat"), text);
    return RatingsFile.read(file, CATALOG, USERS, tmp.resolve("users.dat"));
  }

  @Test
  void groups_the_ratings_by_user_in_file_order_with_or_without_timestamps() throws IOException {
    Map<Integer, List<RatedMovie>> ratings = read("999::5::4::978300760\n7::1::2\n999:: 1 ::5\n\n");
    assertThat(ratings.keySet()).containsExactly(999, 7);
    assertThat(ratings.get(999)).containsExactly(new RatedMovie(5, 4), new RatedMovie(1, 5));
    assertThat(ratings.get(7)).containsExactly(new RatedMovie(1, 2));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "7::1::5\\n8::2::4    | line 2, field 1 (user id): user 8 is not in USERS; every user of the ratings file needs a"
        + " line there (UserID::Gender::Age::Occupation::Zip-code)",
    "7::3::5              | line 1, field 2 (movie id): unknown movie 3: the model's catalog has 3 movies with ids"
        + " 1..5 (not every id in between); movies.dat of the data it was trained on lists them"
        + " (MovieID::Title::Genres)",
    "7::1::4.5            | line 1, field 3 (rating): expected an integer 1..5, got '4.5'",
    "7::1::6              | line 1, field 3 (rating): expected an integer 1..5, got '6'",
    "7::1::5::yesterday   | line 1, field 4 (timestamp): expected a non-negative integer (seconds since 1970), got"
        + " 'yesterday'",
    "7::x::5              | line 1, field 2 (movie id): expected a positive integer, got 'x'",
    "7::1                 | line 1: expected 3 or 4 fields separated by '::' (UserID::MovieID::Rating[::Timestamp]),"
        + " got 2: '7::1'",
    "7::1::5\\n999::1::3\\n7::1::2 | line 3: user 7 rates movie 1 twice, on lines 1 and 3; give each (user, movie)"
        + " pair once",
  })
  void names_file_line_and_field_of_a_bad_line(String text, String message) {
    Path file = tmp.resolve("ratings.dat");
    assertThatThrownBy(() -> read(text.replace("\\n", "\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " " + message.replace("USERS", tmp.resolve("users.dat").toString()));
  }

  @Test
  void an_empty_file_is_refused() {
    assertThatThrownBy(() -> read("\n")).hasMessage(tmp.resolve("ratings.dat")
        + " is empty; expected lines of UserID::MovieID::Rating[::Timestamp]");
  }
}
