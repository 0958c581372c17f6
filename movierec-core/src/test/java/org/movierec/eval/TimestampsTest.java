package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;

class TimestampsTest {
  private static final long NONE = Rating.NO_TIMESTAMP;

  @TempDir Path dir;

  private static Ratings ratings() {
    return Ratings.of(List.of(new Rating(1, 10, 5, NONE), new Rating(1, 20, 3, NONE), new Rating(2, 10, 4, NONE),
        new Rating(3, 30, 1, NONE)));
  }

  private Path file(String text) throws IOException {
    Path f = dir.resolve("ratings_users.dat");
    Files.writeString(f, text, StandardCharsets.ISO_8859_1);
    return f;
  }

  @Test
  void attaches_the_timestamps_of_the_listed_ratings_and_keeps_order_and_the_rest() throws IOException {
    Ratings merged = Timestamps.merge(ratings(), file("1::20::3::978300760\r\n1::10::5::978302109\n2::10::4::5\n\n"));

    assertThat(merged.size()).isEqualTo(4);
    assertThat(merged.get(0)).isEqualTo(new Rating(1, 10, 5, 978_302_109L));
    assertThat(merged.get(1)).isEqualTo(new Rating(1, 20, 3, 978_300_760L));
    assertThat(merged.get(2)).isEqualTo(new Rating(2, 10, 4, 5));
    assertThat(merged.get(3)).isEqualTo(new Rating(3, 30, 1, NONE));
  }

  @Test
  void counts_the_users_all_of_whose_ratings_have_timestamps() throws IOException {
    assertThat(Timestamps.usersWithTimestamps(ratings())).isZero();
    // user 1 fully, user 2 fully, user 3 not at all
    Ratings both = Timestamps.merge(ratings(), file("1::20::3::1\n1::10::5::2\n2::10::4::3"));
    assertThat(Timestamps.usersWithTimestamps(both)).isEqualTo(2);
    // user 1 only half
    assertThat(Timestamps.usersWithTimestamps(Timestamps.merge(ratings(), file("1::20::3::1\n2::10::4::3"))))
        .isEqualTo(1);
  }

  @Test
  void refuses_a_line_for_a_rating_the_data_does_not_have() throws IOException {
    Path f = file("1::10::5::1\n4::10::5::2\n");

    assertThatThrownBy(() -> Timestamps.merge(ratings(), f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(f + " line 2: the data has no rating of movie 10 by user 4");
  }

  @Test
  void refuses_a_line_whose_stars_differ_from_the_data() throws IOException {
    Path f = file("1::10::4::1\n");

    assertThatThrownBy(() -> Timestamps.merge(ratings(), f))
        .hasMessage(f + " line 1, field 3 (rating): user 1 rated movie 10 5 stars in the data, the file says 4");
  }

  @Test
  void refuses_a_repeated_rating() throws IOException {
    Path f = file("1::10::5::1\n2::10::4::3\n1::10::5::1\n");

    assertThatThrownBy(() -> Timestamps.merge(ratings(), f))
        .hasMessage(f + " line 3: movie 10 by user 1 again, first on line 1");
  }

  @Test
  void refuses_malformed_lines_naming_line_and_field() throws IOException {
    Path threeFields = file("1::10::5\n");
    assertThatThrownBy(() -> Timestamps.merge(ratings(), threeFields))
        .hasMessage(threeFields + " line 1: expected 4 fields separated by '::' (UserID::MovieID::Rating::Timestamp),"
            + " got 3: '1::10::5'");
    Path badTimestamp = file("1::10::5::1\n1::20::3::-4\n");
    assertThatThrownBy(() -> Timestamps.merge(ratings(), badTimestamp))
        .hasMessage(badTimestamp + " line 2, field 4 (timestamp): expected a non-negative integer, got '-4'");
    Path badStars = file("1::10::6::1\n");
    assertThatThrownBy(() -> Timestamps.merge(ratings(), badStars))
        .hasMessage(badStars + " line 1, field 3 (rating): expected an integer 1..5, got '6'");
    Path badUser = file("x::10::5::1\n");
    assertThatThrownBy(() -> Timestamps.merge(ratings(), badUser))
        .hasMessage(badUser + " line 1, field 1 (user id): expected a positive integer, got 'x'");
    Path blankInside = file("1::10::5::1\n\n1::20::3::2\n");
    assertThatThrownBy(() -> Timestamps.merge(ratings(), blankInside))
        .hasMessage(blankInside + " line 2: blank line; expected UserID::MovieID::Rating::Timestamp (blank lines are"
            + " allowed only at the end of the file)");
  }

  @Test
  void refuses_a_timestamp_that_contradicts_one_the_data_has() throws IOException {
    Ratings stamped = Ratings.of(List.of(new Rating(1, 10, 5, 77)));

    assertThat(Timestamps.merge(stamped, file("1::10::5::77\n"))).isEqualTo(stamped);
    Path f = file("1::10::5::78\n");
    assertThatThrownBy(() -> Timestamps.merge(stamped, f))
        .hasMessage(f + " line 1, field 4 (timestamp): the data already has timestamp 77 for movie 10 by user 1,"
            + " the file says 78");
  }

  @Test
  void a_missing_file_is_an_io_error_naming_it() {
    Path missing = dir.resolve("missing.dat");

    assertThatThrownBy(() -> Timestamps.merge(ratings(), missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot read " + missing);
  }
}
