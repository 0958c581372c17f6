package org.movierec.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.User;

/**
 * What every {@link FeedbackStore} must do, checked with exact values; a subclass per database gives a URL of a fresh,
 * empty store for each test.
 */
abstract class FeedbackStoreContract {
  private final List<FeedbackStore> opened = new ArrayList<>();

  /** The URL of an empty store, new for each test (every call within one test returns the same one). */
  protected abstract String storeUrl();

  /** Opens the test's store; closed after the test. */
  protected FeedbackStore open() {
    FeedbackStore store = FeedbackStore.open(storeUrl());
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(FeedbackStore::close);
  }

  /** Runs SQL on the test's store behind the store's back. */
  protected void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(storeUrl()); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void a_new_store_is_empty_and_its_cursor_is_the_start() {
    Feedback all = open().readAll();

    assertThat(all.isEmpty()).isTrue();
    assertThat(all.cursor()).isEqualTo(FeedbackCursor.START);
  }

  @Test
  void an_added_user_reads_back_with_its_allocated_id_and_every_field() {
    FeedbackStore store = open();

    User added = store.addUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER, "02139", 6040);

    User expected = new User(6041, Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER, "02139");
    assertThat(added).isEqualTo(expected);
    assertThat(store.readAll().users()).containsExactly(expected);
  }

  @Test
  void every_gender_age_group_and_occupation_round_trips() {
    FeedbackStore store = open();
    List<User> added = new ArrayList<>();
    for (Occupation o : Occupation.values()) {
      AgeGroup age = AgeGroup.values()[o.code() % AgeGroup.values().length];
      Gender gender = Gender.values()[o.code() % 2];
      added.add(store.addUser(gender, age, o, o.code() % 3 == 0 ? "" : "9" + o.code(), 100));
    }

    assertThat(added).extracting(User::id).containsExactly(
        101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121);
    assertThat(store.readAll().users()).containsExactlyElementsOf(added);
  }

  @Test
  void an_added_movie_reads_back_with_its_id_title_year_and_genres() {
    FeedbackStore store = open();

    Movie added = store.addMovie("Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)",
        EnumSet.of(Genre.ROMANCE, Genre.COMEDY), 3952);

    Movie expected = new Movie(3953, "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)", 2001,
        Set.of(Genre.COMEDY, Genre.ROMANCE));
    assertThat(added).isEqualTo(expected);
    assertThat(store.readAll().movies()).containsExactly(expected);
  }

  @Test
  void a_movie_of_every_genre_and_one_without_a_year_round_trip() {
    FeedbackStore store = open();

    Movie all = store.addMovie("Everything (1999)", EnumSet.allOf(Genre.class), 0);
    Movie noYear = store.addMovie("Untitled", Set.of(Genre.FILM_NOIR), 0);

    assertThat(noYear).isEqualTo(new Movie(2, "Untitled", 0, Set.of(Genre.FILM_NOIR)));
    assertThat(store.readAll().movies()).containsExactly(
        new Movie(1, "Everything (1999)", 1999, EnumSet.allOf(Genre.class)), noYear);
    assertThat(all.id()).isEqualTo(1);
  }

  @Test
  void ratings_read_back_in_the_order_stored_with_their_timestamps() {
    FeedbackStore store = open();
    List<Rating> first = List.of(new Rating(1, 10, 4, 978_300_760L), new Rating(2, 10, 5, 978_300_761L));
    List<Rating> second = List.of(new Rating(1, 20, 1, Rating.NO_TIMESTAMP));

    store.addRatings(first);
    store.addRatings(second);

    Feedback all = store.readAll();
    assertThat(all.ratings()).containsExactly(
        new Rating(1, 10, 4, 978_300_760L), new Rating(2, 10, 5, 978_300_761L), new Rating(1, 20, 1, -1));
    assertThat(all.cursor()).isEqualTo(new FeedbackCursor(0, 0, 3));
  }

  @Test
  void the_latest_rating_of_a_user_and_movie_wins_within_a_call_and_across_calls() {
    FeedbackStore store = open();
    store.addRatings(List.of(new Rating(1, 10, 4, 100), new Rating(2, 10, 5, 101), new Rating(1, 10, 3, 102)));
    store.addRatings(List.of(new Rating(2, 10, 1, 103), new Rating(1, 20, 2, 104)));

    Feedback all = store.readAll();

    // seq 1 (1,10) is replaced by seq 3, seq 2 (2,10) by seq 4; the order is that of the surviving ratings' seq.
    assertThat(all.ratings()).containsExactly(
        new Rating(1, 10, 3, 102), new Rating(2, 10, 1, 103), new Rating(1, 20, 2, 104));
    assertThat(all.cursor().lastRatingSequence()).isEqualTo(5);
  }

  @Test
  void reading_after_a_cursor_returns_only_what_came_after_it_and_moves_the_cursor() {
    FeedbackStore store = open();
    store.addUser(Gender.M, AgeGroup.FROM_18_TO_24, Occupation.WRITER, "10001", 6040);
    store.addMovie("Old (1990)", Set.of(Genre.DRAMA), 3952);
    store.addRatings(List.of(new Rating(6041, 3953, 4, 1), new Rating(6041, 1, 5, 2)));
    FeedbackCursor first = store.readAll().cursor();
    assertThat(first).isEqualTo(new FeedbackCursor(6041, 3953, 2));

    User newUser = store.addUser(Gender.F, AgeGroup.FROM_56, Occupation.RETIRED, "", 6040);
    Movie newMovie = store.addMovie("New (2024)", Set.of(Genre.WAR), 3952);
    // A new rating of a pair read before is returned again; the pair only stored after the cursor once.
    store.addRatings(List.of(new Rating(6041, 1, 2, 3), new Rating(6042, 3954, 3, 4), new Rating(6042, 3954, 4, 5)));

    Feedback after = store.readAfter(first);
    assertThat(after.users()).containsExactly(newUser);
    assertThat(after.movies()).containsExactly(newMovie);
    assertThat(after.ratings()).containsExactly(new Rating(6041, 1, 2, 3), new Rating(6042, 3954, 4, 5));
    assertThat(after.cursor()).isEqualTo(new FeedbackCursor(6042, 3954, 5));

    Feedback nothing = store.readAfter(after.cursor());
    assertThat(nothing.isEmpty()).isTrue();
    assertThat(nothing.cursor()).isEqualTo(after.cursor());
  }

  @Test
  void a_cursor_moves_on_each_kind_independently() {
    FeedbackStore store = open();
    store.addRatings(List.of(new Rating(7, 8, 3, 9)));

    Feedback onlyRatings = store.readAfter(new FeedbackCursor(50, 60, 0));

    assertThat(onlyRatings.ratings()).containsExactly(new Rating(7, 8, 3, 9));
    assertThat(onlyRatings.cursor()).isEqualTo(new FeedbackCursor(50, 60, 1));
  }

  @Test
  void ids_are_allocated_above_ids_above_and_above_every_stored_id() {
    FeedbackStore store = open();

    int first = store.addUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "", 6040).id();
    int belowStored = store.addUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "", 100).id();
    int jump = store.addUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "", 9000).id();
    int afterJump = store.addUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT, "", 6040).id();
    assertThat(List.of(first, belowStored, jump, afterJump)).containsExactly(6041, 6042, 9001, 9002);

    int movie = store.addMovie("A (2000)", Set.of(Genre.ACTION), 3952).id();
    int movieBelow = store.addMovie("B (2000)", Set.of(Genre.ACTION), 0).id();
    int movieJump = store.addMovie("C (2000)", Set.of(Genre.ACTION), 5000).id();
    assertThat(List.of(movie, movieBelow, movieJump)).containsExactly(3953, 3954, 5001);
  }

  @Test
  void reopening_the_store_finds_everything_and_continues_the_ids_and_sequence() {
    FeedbackStore store = open();
    User user = store.addUser(Gender.F, AgeGroup.FROM_45_TO_49, Occupation.SCIENTIST, "94110", 6040);
    Movie movie = store.addMovie("Heat (1995)", Set.of(Genre.ACTION, Genre.CRIME, Genre.THRILLER), 3952);
    store.addRatings(List.of(new Rating(6041, 3953, 5, 1_000_000_000L), new Rating(6041, 6, 4, 1_000_000_001L)));
    Feedback before = store.readAll();
    store.close();

    FeedbackStore reopened = open();
    Feedback after = reopened.readAll();

    assertThat(after).isEqualTo(before);
    assertThat(after.users()).containsExactly(user);
    assertThat(after.movies()).containsExactly(movie);
    assertThat(after.ratings()).containsExactly(
        new Rating(6041, 3953, 5, 1_000_000_000L), new Rating(6041, 6, 4, 1_000_000_001L));
    assertThat(reopened.addUser(Gender.M, AgeGroup.FROM_56, Occupation.OTHER, "", 6040).id()).isEqualTo(6042);
    reopened.addRatings(List.of(new Rating(6042, 1, 1, 5)));
    assertThat(reopened.readAfter(after.cursor()).cursor()).isEqualTo(new FeedbackCursor(6042, 3953, 3));
  }

  @Test
  void a_store_of_a_newer_schema_version_is_refused_naming_both_versions() throws SQLException {
    open().close();
    execute("UPDATE movierec_schema SET version = 2");

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema version 2, newer than version 1")
        .hasMessageContaining("run a MovieRec at least as new as the one that wrote it")
        .hasMessageStartingWith("feedback store " + StoreUrl.parse(storeUrl()).description() + " ");
  }

  @Test
  void a_table_named_like_ours_of_another_shape_is_refused() throws SQLException {
    execute("CREATE TABLE movierec_ratings (id INTEGER PRIMARY KEY, note TEXT)");

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not MovieRec's")
        .hasMessageContaining("movierec_ratings should have the columns (seq, user_id, movie_id, stars, rated_at)");
  }

  @Test
  void a_closed_store_refuses_every_method_and_closing_again_does_nothing() {
    FeedbackStore store = open();
    store.close();
    store.close();

    String closed = "feedback store " + store.describe() + " is closed";
    assertThatThrownBy(() -> store.addUser(Gender.M, AgeGroup.FROM_56, Occupation.OTHER, "", 0))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.addMovie("X (2000)", Set.of(Genre.DRAMA), 0))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.addRatings(List.of(new Rating(1, 1, 1, 1))))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.addRatings(List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(store::readAll).isInstanceOf(IllegalStateException.class).hasMessage(closed);
    assertThatThrownBy(() -> store.readAfter(FeedbackCursor.START))
        .isInstanceOf(IllegalStateException.class).hasMessage(closed);
  }

  @Test
  void invalid_arguments_are_refused_before_anything_is_stored() {
    FeedbackStore store = open();

    assertThatThrownBy(() -> store.addUser(Gender.M, AgeGroup.FROM_56, Occupation.OTHER, "", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("idsAbove must be 0 or positive, got: -1");
    assertThatThrownBy(() -> store.addMovie(" ", Set.of(Genre.DRAMA), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the title of a new movie must not be blank, got: ' '");
    assertThatThrownBy(() -> store.addMovie("Nothing (2000)", Set.of(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a new movie needs at least one genre, got none for 'Nothing (2000)'");
    assertThatThrownBy(() -> store.addMovie("Far Future (2999)", Set.of(Genre.SCI_FI), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("year of movie 1 must be 0 (unknown) or 1800..2200, got: 2999");
    assertThatThrownBy(() -> store.addRatings(Collections.singletonList(null)))
        .isInstanceOf(NullPointerException.class).hasMessage("ratings[0] is null");
    store.addRatings(List.of());

    assertThat(store.readAll().isEmpty()).isTrue();
  }

  @Test
  void two_stores_on_one_database_never_hand_out_one_id_twice() throws Exception {
    FeedbackStore a = open();
    FeedbackStore b = open();
    int threadsPerStore = 4;
    int usersPerThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerStore);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < 2 * threadsPerStore; t++) {
        FeedbackStore store = t % 2 == 0 ? a : b;
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          List<Integer> ids = new ArrayList<>();
          for (int i = 0; i < usersPerThread; i++) {
            ids.add(store.addUser(Gender.F, AgeGroup.FROM_35_TO_44, Occupation.ARTIST, "t" + thread, 6040).id());
            store.addRatings(List.of(new Rating(ids.getLast(), 1 + thread, 1 + i % 5, i)));
            if (i % 10 == 0) {
              store.addMovie("Movie " + thread + "-" + i + " (2001)", Set.of(Genre.MUSICAL), 3952);
            }
          }
          return ids;
        }));
      }
      start.countDown();
      List<Integer> all = new ArrayList<>();
      for (Future<List<Integer>> f : futures) {
        all.addAll(f.get());
      }

      int total = 2 * threadsPerStore * usersPerThread;
      assertThat(all).doesNotHaveDuplicates().hasSize(total);
      assertThat(all.stream().mapToInt(Integer::intValue).min().orElseThrow()).isEqualTo(6041);
      assertThat(all.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(6040 + total);
      for (FeedbackStore store : List.of(a, b)) {
        Feedback read = store.readAll();
        assertThat(read.users()).extracting(User::id).containsExactlyInAnyOrderElementsOf(all);
        assertThat(read.users()).extracting(User::id).isSorted();
        assertThat(read.movies()).extracting(Movie::id)
            .containsExactlyElementsOf(rangeClosed(3953, 3952 + 2 * threadsPerStore * 3));
        assertThat(read.ratings()).hasSize(total);
        assertThat(read.cursor()).isEqualTo(new FeedbackCursor(6040 + total, 3952 + 24, total));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_reader_following_with_cursors_while_two_stores_write_misses_nothing_and_reads_nothing_twice()
      throws Exception {
    FeedbackStore a = open();
    FeedbackStore b = open();
    FeedbackStore follower = open();
    int threads = 6;
    int callsPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Rating> followed = new ArrayList<>();
    List<Integer> followedUsers = new ArrayList<>();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        FeedbackStore store = t % 2 == 0 ? a : b;
        int thread = t;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < callsPerThread; i++) {
            int user = 100 + thread;
            store.addRatings(List.of(new Rating(user, 2 * i + 1, 1 + i % 5, i), new Rating(user, 2 * i + 2, 5, i)));
            if (i % 8 == 0) {
              store.addUser(Gender.M, AgeGroup.FROM_50_TO_55, Occupation.LAWYER, "", 6040);
            }
          }
          return null;
        }));
      }
      FeedbackCursor cursor = FeedbackCursor.START;
      while (!writers.stream().allMatch(Future::isDone)) {
        Feedback next = follower.readAfter(cursor);
        followed.addAll(next.ratings());
        next.users().forEach(u -> followedUsers.add(u.id()));
        cursor = next.cursor();
      }
      for (Future<?> w : writers) {
        w.get();
      }
      Feedback last = follower.readAfter(cursor);
      followed.addAll(last.ratings());
      last.users().forEach(u -> followedUsers.add(u.id()));
    } finally {
      pool.shutdownNow();
    }

    Feedback all = follower.readAll();
    assertThat(all.ratings()).hasSize(threads * callsPerThread * 2);
    assertThat(followed).containsExactlyElementsOf(all.ratings());
    assertThat(followedUsers).containsExactlyElementsOf(all.users().stream().map(User::id).toList());
    assertThat(followedUsers).containsExactlyElementsOf(rangeClosed(6041, 6040 + threads * 5));
  }

  @Test
  void a_caller_with_invalid_input_fails_alone_while_others_write() throws Exception {
    FeedbackStore store = open();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> valid = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int user = t + 1;
        valid.add(pool.submit(() -> {
          for (int i = 1; i <= 50; i++) {
            store.addRatings(List.of(new Rating(user, i, 3, i)));
          }
          return null;
        }));
      }
      Future<Integer> invalid = pool.submit(() -> {
        int refused = 0;
        for (int i = 0; i < 50; i++) {
          try {
            store.addRatings(java.util.Arrays.asList(new Rating(9, 9, 1, 1), null));
          } catch (NullPointerException expected) {
            refused++;
          }
        }
        return refused;
      });
      for (Future<?> f : valid) {
        f.get();
      }
      assertThat(invalid.get()).isEqualTo(50);
    } finally {
      pool.shutdownNow();
    }

    List<Rating> stored = store.readAll().ratings();
    assertThat(stored).hasSize(150).noneMatch(r -> r.userId() == 9);
  }

  private static List<Integer> rangeClosed(int from, int to) {
    List<Integer> range = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      range.add(i);
    }
    return range;
  }
}
