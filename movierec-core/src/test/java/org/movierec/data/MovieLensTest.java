package org.movierec.data;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieLensTest {
  private static final String MOVIES = """
      1::Toy Story (1995)::Animation|Children's|Comedy
      2::City of Lost Children, The (1995)::Adventure|Sci-Fi
      73::Misérables, Les (1995)::Drama|Musical
      """;
  private static final String USERS = """
      1::F::1::10::48067
      2::M::56::16::70072
      """;
  private static final String RATINGS = """
      1::1::5
      1::73::3
      2::1::4
      2::2::1
      """;

  @TempDir Path dir;

  @Test
  void loads_movies_users_and_ratings_without_timestamps() throws IOException {
    write(MOVIES, USERS, RATINGS);

    MovieLensData data = MovieLens.load(dir);

    assertThat(data.movies().keySet()).containsExactly(1, 2, 73);
    assertThat(data.movies().get(1)).isEqualTo(
        new Movie(1, "Toy Story (1995)", 1995, Set.of(Genre.ANIMATION, Genre.CHILDRENS, Genre.COMEDY)));
    assertThat(data.movies().get(2).genres()).containsExactlyInAnyOrder(Genre.ADVENTURE, Genre.SCI_FI);
    assertThat(data.users().keySet()).containsExactly(1, 2);
    assertThat(data.users().get(1))
        .isEqualTo(new User(1, Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "48067"));
    assertThat(data.users().get(2))
        .isEqualTo(new User(2, Gender.M, AgeGroup.FROM_56, Occupation.SELF_EMPLOYED, "70072"));
    assertThat(data.ratings()).isEqualTo(Ratings.of(List.of(new Rating(1, 1, 5, Rating.NO_TIMESTAMP),
        new Rating(1, 73, 3, Rating.NO_TIMESTAMP), new Rating(2, 1, 4, Rating.NO_TIMESTAMP),
        new Rating(2, 2, 1, Rating.NO_TIMESTAMP))));
  }

  @Test
  void loads_ratings_with_timestamps() throws IOException {
    write(MOVIES, USERS, "1::1::5::978300760\n2::73::2::978302109\n");

    Ratings ratings = MovieLens.load(dir).ratings();

    assertThat(ratings).isEqualTo(
        Ratings.of(List.of(new Rating(1, 1, 5, 978300760L), new Rating(2, 73, 2, 978302109L))));
  }

  @Test
  void reads_iso_8859_1_titles_byte_for_byte() throws IOException {
    write(MOVIES, USERS, RATINGS);
    assertThat(Files.readAllBytes(dir.resolve("movies.dat"))).contains((byte) 0xE9);

    Movie miserables = MovieLens.load(dir).movies().get(73);

    assertThat(miserables.title()).isEqualTo("Mis\u00e9rables, Les (1995)");
    assertThat(miserables.titleWords()).containsExactly("mis\u00e9rables", "les");
  }

  @Test
  void reads_the_year_and_the_words_of_a_title() throws IOException {
    write(MOVIES, USERS, RATINGS);

    Movie movie = MovieLens.load(dir).movies().get(2);

    assertThat(movie.year()).isEqualTo(1995);
    assertThat(movie.titleWords()).containsExactly("city", "of", "lost", "children", "the");
  }

  @Test
  void checksum_is_the_sha256_of_movies_users_and_ratings_in_that_order() throws Exception {
    write(MOVIES, USERS, RATINGS);
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    digest.update(MOVIES.getBytes(ISO_8859_1));
    digest.update(USERS.getBytes(ISO_8859_1));
    digest.update(RATINGS.getBytes(ISO_8859_1));

    assertThat(MovieLens.load(dir).checksum()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
  }

  @Test
  void accepts_a_missing_final_newline_trailing_empty_lines_and_crlf() throws IOException {
    write(MOVIES.replace("\n", "\r\n"), USERS.strip(), RATINGS + "\n\n");

    MovieLensData data = MovieLens.load(dir);

    assertThat(data.movies()).hasSize(3);
    assertThat(data.movies().get(1).genres()).contains(Genre.COMEDY);
    assertThat(data.users()).hasSize(2);
    assertThat(data.ratings().size()).isEqualTo(4);
  }

  // ---- malformed ratings.dat ----

  @Test
  void rejects_a_rating_that_is_not_a_number() throws IOException {
    write(MOVIES, USERS, "1::1::5\n1::73::x\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratings.dat line 2, field 3 (rating): expected an integer 1..5, got 'x'");
  }

  @Test
  void rejects_a_rating_out_of_range() throws IOException {
    write(MOVIES, USERS, "1::1::6\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 1, field 3 (rating): expected an integer 1..5, got '6'");
  }

  @Test
  void rejects_a_user_id_that_is_not_a_positive_integer() throws IOException {
    write(MOVIES, USERS, "1::1::5\n-1::1::5\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 2, field 1 (user id): expected a positive integer, got '-1'");
  }

  @Test
  void rejects_a_movie_id_with_spaces() throws IOException {
    write(MOVIES, USERS, "1:: 1::5\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 1, field 2 (movie id): expected a positive integer, got ' 1'");
  }

  @Test
  void rejects_a_line_with_the_wrong_number_of_fields() throws IOException {
    write(MOVIES, USERS, "1::1::5\n2::1\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("ratings.dat line 2: expected 3 or 4 fields separated"
        + " by '::' (UserID::MovieID::Rating[::Timestamp]), got 2: '2::1'");
  }

  @Test
  void rejects_a_line_without_timestamp_after_lines_with_one() throws IOException {
    write(MOVIES, USERS, "1::1::5::978300760\n1::73::3::978300761\n2::1::4\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("ratings.dat line 3: expected 4 fields like line 1"
        + " (with a timestamp; a file has a timestamp on every line or on none), got 3: '2::1::4'");
  }

  @Test
  void rejects_a_line_with_timestamp_after_lines_without_one() throws IOException {
    write(MOVIES, USERS, "1::1::5\n2::1::4::978300760\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("ratings.dat line 2: expected 3 fields like line 1"
        + " (without a timestamp; a file has a timestamp on every line or on none), got 4: '2::1::4::978300760'");
  }

  @Test
  void rejects_a_timestamp_that_is_not_a_number() throws IOException {
    write(MOVIES, USERS, "1::1::5::978300760\n2::1::4::yesterday\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("ratings.dat line 2, field 4 (timestamp): expected a"
        + " non-negative integer (seconds since 1970), got 'yesterday'");
  }

  @Test
  void rejects_a_second_rating_of_the_same_movie_by_the_same_user() throws IOException {
    write(MOVIES, USERS, "1::1::5\n2::1::4\n1::1::3\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 3: duplicate rating of movie 1 by user 1, first on line 1");
  }

  @Test
  void rejects_a_rating_by_an_unknown_user() throws IOException {
    write(MOVIES, USERS, "1::1::5\n99::1::4\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 2, field 1 (user id): unknown user 99, not in users.dat");
  }

  @Test
  void rejects_a_rating_of_an_unknown_movie() throws IOException {
    write(MOVIES, USERS, "1::1::5\n1::3::4\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat line 2, field 2 (movie id): unknown movie 3, not in movies.dat");
  }

  @Test
  void rejects_a_blank_line_between_data_lines() throws IOException {
    write(MOVIES, USERS, "1::1::5\n\n2::1::4\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("ratings.dat line 2: blank line; expected"
        + " UserID::MovieID::Rating[::Timestamp] (blank lines are allowed only at the end of the file)");
  }

  @Test
  void rejects_an_empty_ratings_file() throws IOException {
    write(MOVIES, USERS, "\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("ratings.dat is empty; expected lines of UserID::MovieID::Rating[::Timestamp]");
  }

  // ---- malformed movies.dat and users.dat ----

  @Test
  void rejects_an_unknown_genre_and_lists_the_valid_ones() throws IOException {
    write(MOVIES.replace("Adventure|Sci-Fi", "Adventure|SciFi"), USERS, RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("movies.dat line 2, field 3 (genres): unknown genre"
        + " 'SciFi' in 'Adventure|SciFi'; valid (separated by |): Action, Adventure, Animation, Children's, Comedy,"
        + " Crime, Documentary, Drama, Fantasy, Film-Noir, Horror, Musical, Mystery, Romance, Sci-Fi, Thriller, War,"
        + " Western");
  }

  @Test
  void rejects_a_movie_without_genres() throws IOException {
    write("1::Toy Story (1995)::\n", USERS, "1::1::5\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessageStartingWith("movies.dat line 1, field 3 (genres): expected at least one genre");
  }

  @Test
  void rejects_a_duplicate_movie_id() throws IOException {
    write(MOVIES + "2::Jumanji (1995)::Adventure\n", USERS, RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("movies.dat line 4, field 1 (movie id): duplicate movie id 2, first on line 2");
  }

  @Test
  void rejects_a_movie_line_with_a_missing_field() throws IOException {
    write("1::Toy Story (1995)\n", USERS, RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("movies.dat line 1: expected 3 fields separated by"
        + " '::' (MovieID::Title::Genres), got 2: '1::Toy Story (1995)'");
  }

  @Test
  void rejects_an_impossible_year_in_a_title() throws IOException {
    write("1::Toy Story (2995)::Comedy\n", USERS, "1::1::5\n");
    assertThatThrownBy(() -> MovieLens.load(dir)).hasMessage("movies.dat line 1, field 2 (title): year of movie 1"
        + " must be 0 (unknown) or 1800..2200, got: 2995");
  }

  @Test
  void rejects_a_duplicate_user_id() throws IOException {
    write(MOVIES, USERS + "1::M::25::3::12345\n", RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("users.dat line 3, field 1 (user id): duplicate user id 1, first on line 1");
  }

  @Test
  void rejects_an_unknown_gender() throws IOException {
    write(MOVIES, "1::X::1::10::48067\n", "1::1::5\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("users.dat line 1, field 2 (gender): expected M or F, got 'X'");
  }

  @Test
  void rejects_an_age_that_is_not_a_movielens_bucket() throws IOException {
    write(MOVIES, USERS.replace("56::16", "30::16"), RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessage("users.dat line 2, field 3 (age): expected one of 1 (under 18), 18 (18-24), 25 (25-34),"
            + " 35 (35-44), 45 (45-49), 50 (50-55), 56 (56+), got '30'");
  }

  @Test
  void rejects_an_occupation_code_out_of_range() throws IOException {
    write(MOVIES, USERS.replace("56::16", "56::21"), RATINGS);
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessageStartingWith("users.dat line 2, field 4 (occupation): expected an integer 0..20 (0 = other,"
            + " 1 = academic/educator, ")
        .hasMessageEndingWith("20 = writer), got '21'");
  }

  // ---- missing or other data ----

  @Test
  void says_how_to_get_the_data_when_the_directory_is_missing() {
    Path missing = dir.resolve("nowhere");
    assertThatThrownBy(() -> MovieLens.load(missing)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("movierec quickstart")
        .hasMessageContaining("--data DIR")
        .hasMessageContaining("https://grouplens.org/datasets/movielens/1m/");
  }

  @Test
  void names_the_missing_file() throws IOException {
    write(MOVIES, USERS, RATINGS);
    Files.delete(dir.resolve("users.dat"));
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessageStartingWith("no users.dat in " + dir)
        .hasMessageContaining("movierec quickstart");
  }

  @Test
  void points_at_the_ml_1m_folder_inside_the_directory_given() throws IOException {
    Path parent = dir;
    dir = Files.createDirectory(parent.resolve("ml-1m"));
    write(MOVIES, USERS, RATINGS);
    assertThatThrownBy(() -> MovieLens.load(parent))
        .hasMessageStartingWith("no movies.dat in " + parent + " (did you mean " + dir + "?)");
  }

  @Test
  void says_that_ml_100k_is_not_supported_yet() throws IOException {
    Files.writeString(dir.resolve("u.data"), "196\t242\t3\t881250949\n");
    Files.writeString(dir.resolve("u.item"), "1|Toy Story (1995)|...\n");
    assertThatThrownBy(() -> MovieLens.load(dir))
        .hasMessageStartingWith(dir + " looks like MovieLens 100K (it has u.data); only MovieLens 1M")
        .hasMessageContaining("supported so far");
  }

  private void write(String movies, String users, String ratings) throws IOException {
    Files.write(dir.resolve("movies.dat"), movies.getBytes(ISO_8859_1));
    Files.write(dir.resolve("users.dat"), users.getBytes(ISO_8859_1));
    Files.write(dir.resolve("ratings.dat"), ratings.getBytes(ISO_8859_1));
  }
}
