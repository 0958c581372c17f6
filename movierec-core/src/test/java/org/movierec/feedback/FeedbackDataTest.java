package org.movierec.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.User;

class FeedbackDataTest {
  static final User ANN = new User(1, Gender.F, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "");
  static final User BOB = new User(2, Gender.M, AgeGroup.parse("25-34"), Occupation.PROGRAMMER, "");
  static final Movie ONE = Movie.of(1, "One (1990)", Set.of(Genre.DRAMA));
  static final Movie TWO = Movie.of(2, "Two (1991)", Set.of(Genre.COMEDY));

  static MovieLensData data() {
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    movies.put(1, ONE);
    movies.put(2, TWO);
    Map<Integer, User> users = new LinkedHashMap<>();
    users.put(1, ANN);
    users.put(2, BOB);
    return new MovieLensData(movies, users, Ratings.of(List.of(
        new Rating(1, 1, 5, Rating.NO_TIMESTAMP), new Rating(1, 2, 2, Rating.NO_TIMESTAMP),
        new Rating(2, 1, 3, Rating.NO_TIMESTAMP))), "abc");
  }

  @Test
  void adds_users_movies_and_ratings_and_a_received_rating_replaces_the_datas() {
    User carl = new User(3, Gender.M, AgeGroup.parse("56+"), Occupation.RETIRED, "");
    Movie three = Movie.of(3, "Three (2024)", Set.of(Genre.WAR));
    Feedback feedback = new Feedback(List.of(carl), List.of(three), List.of(
        new Rating(1, 2, 4, 100), new Rating(3, 3, 5, 101), new Rating(3, 1, 1, 102)),
        new FeedbackCursor(3, 3, 3));
    MovieLensData merged = FeedbackData.merge(data(), feedback);
    assertThat(merged.users().keySet()).containsExactly(1, 2, 3);
    assertThat(merged.movies().keySet()).containsExactly(1, 2, 3);
    Ratings r = merged.ratings();
    assertThat(r.size()).isEqualTo(5);
    // The data's rows but the one re-rated, in order, then the received ones.
    int[][] rows = new int[r.size()][];
    for (int i = 0; i < r.size(); i++) {
      rows[i] = new int[] {r.userId(i), r.movieId(i), r.stars(i), (int) r.timestamp(i)};
    }
    assertThat(rows).isDeepEqualTo(new int[][] {
        {1, 1, 5, -1}, {2, 1, 3, -1}, {1, 2, 4, 100}, {3, 3, 5, 101}, {3, 1, 1, 102}});
    assertThat(merged.checksum()).hasSize(64).isNotEqualTo("abc");
    assertThat(FeedbackData.merge(data(), feedback).checksum()).isEqualTo(merged.checksum());
  }

  @Test
  void no_feedback_leaves_the_data_as_it_is() {
    MovieLensData d = data();
    assertThat(FeedbackData.merge(d, new Feedback(List.of(), List.of(), List.of(), FeedbackCursor.START)))
        .isSameAs(d);
  }

  @Test
  void a_rating_of_a_user_nobody_added_is_refused_with_the_ids() {
    Feedback stray = new Feedback(List.of(), List.of(), List.of(new Rating(9, 1, 4, 5)), new FeedbackCursor(0, 0, 1));
    assertThatThrownBy(() -> FeedbackData.merge(data(), stray)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie 1 by user 9").hasMessageContaining("user 9 is neither in the data");
  }

  @Test
  void a_store_adding_an_id_the_data_has_is_refused() {
    Feedback clash = new Feedback(List.of(ANN), List.of(), List.of(), new FeedbackCursor(1, 0, 0));
    assertThatThrownBy(() -> FeedbackData.merge(data(), clash)).hasMessageContaining("added user 1 but the data has");
  }
}
