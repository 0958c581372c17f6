package org.movierec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeenMoviesTest {
  private static final Ratings RATINGS = Ratings.of(List.of(
      new Rating(7, 300, 4, Rating.NO_TIMESTAMP),
      new Rating(2, 50, 5, Rating.NO_TIMESTAMP),
      new Rating(7, 12, 1, Rating.NO_TIMESTAMP),
      new Rating(2, 3952, 2, Rating.NO_TIMESTAMP),
      new Rating(7, 300, 3, Rating.NO_TIMESTAMP)));

  @Test
  void lists_each_users_movies_in_ascending_order_once() {
    SeenMovies seen = SeenMovies.of(RATINGS);

    assertThat(seen.moviesOf(2)).containsExactly(50, 3952);
    assertThat(seen.moviesOf(7)).containsExactly(12, 300);
    assertThat(seen.users()).isEqualTo(2);
    assertThat(seen.pairs()).isEqualTo(4);
  }

  @Test
  void knows_which_user_rated_which_movie() {
    SeenMovies seen = SeenMovies.of(RATINGS);

    assertThat(seen.has(7, 12)).isTrue();
    assertThat(seen.has(7, 50)).isFalse();
    assertThat(seen.has(2, 50)).isTrue();
    assertThat(seen.has(3, 50)).isFalse();
  }

  @Test
  void an_unknown_user_has_seen_nothing() {
    assertThat(SeenMovies.of(RATINGS).moviesOf(4)).isEmpty();
    assertThat(SeenMovies.of(Ratings.of(List.of())).users()).isZero();
  }

  @Test
  void hands_out_copies_that_callers_may_change() {
    SeenMovies seen = SeenMovies.of(RATINGS);
    seen.moviesOf(2)[0] = 1;

    assertThat(seen.moviesOf(2)).containsExactly(50, 3952);
  }

  @Test
  void survives_a_round_trip_through_bytes() throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    Ratings.Builder builder = new Ratings.Builder(5000);
    for (int i = 0; i < 5000; i++) {
      builder.add(1 + random.nextInt(200), 1 + random.nextInt(4000), 3, Rating.NO_TIMESTAMP);
    }
    SeenMovies seen = SeenMovies.of(builder.build());

    byte[] bytes = toBytes(seen);
    SeenMovies read = SeenMovies.read(new DataInputStream(new ByteArrayInputStream(bytes)));

    assertThat(read).isEqualTo(seen);
    assertThat(read.users()).isEqualTo(seen.users());
    for (int user = 1; user <= 200; user++) {
      assertThat(read.moviesOf(user)).containsExactly(seen.moviesOf(user));
    }
    assertThat(bytes.length).isLessThan(seen.pairs() * 3);
  }

  @Test
  void writes_a_small_exact_format() throws IOException {
    byte[] bytes = toBytes(SeenMovies.of(RATINGS));

    assertThat(bytes).containsExactly(
        'M', 'R', 'S', 'M', 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 4, // magic, version, users, pairs
        2, 2, 50, 5, 0xBE, 0x1E, 2, // user 2, 2 movies: 50 (5 stars), then +3902 (varint 0xBE 0x1E; 2 stars)
        5, 2, 12, 1, 0xA0, 0x02, 3); // user 2 + 5 = 7, 2 movies: 12 (1 star), then +288 (3 stars: the later row)
  }

  @Test
  void keeps_each_ratings_stars_and_the_later_row_of_a_movie_rated_twice() {
    SeenMovies seen = SeenMovies.of(RATINGS);

    assertThat(seen.ratingsOf(7)).containsExactly(new RatedMovie(12, 1), new RatedMovie(300, 3));
    assertThat(seen.ratingsOf(2)).containsExactly(new RatedMovie(50, 5), new RatedMovie(3952, 2));
    assertThat(seen.ratingsOf(3)).isEmpty();
    assertThat(seen.userIds()).containsExactly(2, 7);
  }

  @Test
  void refuses_stars_outside_one_to_five() throws IOException {
    byte[] bytes = toBytes(SeenMovies.of(RATINGS));
    bytes[19] = 6; // the stars of user 2's first movie

    assertThatThrownBy(() -> SeenMovies.read(new DataInputStream(new ByteArrayInputStream(bytes))))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt seen-movies file: user 2 rated movie 50 6 stars, expected 1..5");
  }

  @Test
  void refuses_bytes_that_are_not_seen_movies() {
    byte[] bytes = {1, 2, 3, 4, 0, 0, 0, 1};

    assertThatThrownBy(() -> SeenMovies.read(new DataInputStream(new ByteArrayInputStream(bytes))))
        .isInstanceOf(IOException.class)
        .hasMessage("not a seen-movies file: expected magic 0x4d52534d, got 0x1020304");
  }

  @Test
  void refuses_a_newer_format_version() {
    byte[] bytes = {'M', 'R', 'S', 'M', 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0};

    assertThatThrownBy(() -> SeenMovies.read(new DataInputStream(new ByteArrayInputStream(bytes))))
        .hasMessageStartingWith("seen-movies format version 9 is not supported");
  }

  private static byte[] toBytes(SeenMovies seen) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      seen.write(out);
    }
    return buffer.toByteArray();
  }
}
