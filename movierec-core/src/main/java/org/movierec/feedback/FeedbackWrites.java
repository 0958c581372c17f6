package org.movierec.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Rating;
import org.movierec.data.User;

/** The writes of a feedback store, already validated, and the SQL that stores a batch of them in one transaction. */
final class FeedbackWrites {
  private FeedbackWrites() {}

  /** One caller's write; {@code T} is what the caller gets back. */
  sealed interface Write<T> permits AddUser, AddMovie, AddRatings {
    /** What is written, for error messages ("a user", "3 ratings"). */
    String what();
  }

  /** @param user the user to add, its id 0 until the store allocates one */
  record AddUser(User user, int idsAbove, long createdAt) implements Write<User> {
    AddUser {
      Objects.requireNonNull(user, "user");
      if (idsAbove < 0) {
        throw new IllegalArgumentException("idsAbove must be 0 or positive, got: " + idsAbove);
      }
    }

    @Override
    public String what() {
      return "a user";
    }
  }

  /** @param movie the movie to add, its id a placeholder until the store allocates one */
  record AddMovie(Movie movie, int idsAbove, long createdAt) implements Write<Movie> {
    AddMovie {
      Objects.requireNonNull(movie, "movie");
      if (idsAbove < 0) {
        throw new IllegalArgumentException("idsAbove must be 0 or positive, got: " + idsAbove);
      }
    }

    @Override
    public String what() {
      return "the movie '" + movie.title() + "'";
    }
  }

  record AddRatings(List<Rating> ratings) implements Write<Void> {
    AddRatings {
      ratings = List.copyOf(ratings);
    }

    @Override
    public String what() {
      return ratings.size() == 1 ? "1 rating" : ratings.size() + " ratings";
    }
  }

  /**
   * Stores a batch of writes in the caller's transaction: users first, then movies, then ratings, so that every
   * transaction takes the row locks of {@code movierec_sequences} in one order (no deadlock between servers).
   *
   * @return what each write gives back, in the order of {@code writes} ({@code null} for ratings)
   */
  static Object[] apply(Connection c, List<? extends Write<?>> writes) throws SQLException {
    Object[] results = new Object[writes.size()];
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i) instanceof AddUser add) {
        results[i] = insertUser(c, add);
      }
    }
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i) instanceof AddMovie add) {
        results[i] = insertMovie(c, add);
      }
    }
    List<Rating> ratings = new ArrayList<>();
    for (Write<?> write : writes) {
      if (write instanceof AddRatings add) {
        ratings.addAll(add.ratings());
      }
    }
    if (!ratings.isEmpty()) {
      insertRatings(c, ratings);
    }
    return results;
  }

  private static User insertUser(Connection c, AddUser add) throws SQLException {
    int id = nextId(c, FeedbackSchema.USERS, "SELECT COALESCE(MAX(id), 0) FROM movierec_users", add.idsAbove());
    User u = add.user();
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO movierec_users"
        + " (id, gender, age_group, occupation, zip, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, u.gender().name());
      insert.setInt(3, u.age().code());
      insert.setInt(4, u.occupation().code());
      insert.setString(5, u.zip());
      insert.setLong(6, add.createdAt());
      insert.executeUpdate();
    }
    return new User(id, u.gender(), u.age(), u.occupation(), u.zip());
  }

  private static Movie insertMovie(Connection c, AddMovie add) throws SQLException {
    int id = nextId(c, FeedbackSchema.MOVIES, "SELECT COALESCE(MAX(id), 0) FROM movierec_movies", add.idsAbove());
    Movie m = add.movie();
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO movierec_movies (id, title, genres, created_at) VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, m.title());
      insert.setString(3, genresText(m.genres()));
      insert.setLong(4, add.createdAt());
      insert.executeUpdate();
    }
    return new Movie(id, m.title(), m.year(), m.genres());
  }

  /** Genres as stored: their labels in {@link Genre} order joined by '|', as in movies.dat. */
  static String genresText(Set<Genre> genres) {
    return genres.stream().sorted().map(Genre::label).collect(Collectors.joining("|"));
  }

  /** max(idsAbove, the largest id stored) + 1, with the sequence row locked until the transaction ends. */
  private static int nextId(Connection c, String sequence, String maxStoredQuery, int idsAbove) throws SQLException {
    lock(c, sequence);
    long maxStored;
    try (PreparedStatement max = c.prepareStatement(maxStoredQuery); ResultSet rs = max.executeQuery()) {
      rs.next();
      maxStored = rs.getLong(1);
    }
    long id = Math.max(idsAbove, maxStored) + 1;
    if (id > Integer.MAX_VALUE) {
      throw new SQLException("no " + sequence + " id is left above " + Math.max(idsAbove, maxStored));
    }
    setSequence(c, sequence, id);
    return (int) id;
  }

  private static void insertRatings(Connection c, List<Rating> ratings) throws SQLException {
    long last;
    try (PreparedStatement advance = c.prepareStatement(
        "UPDATE movierec_sequences SET last_value = last_value + ? WHERE name = ?")) {
      advance.setLong(1, ratings.size());
      advance.setString(2, FeedbackSchema.RATINGS);
      requireOneRow(advance.executeUpdate(), FeedbackSchema.RATINGS);
    }
    try (PreparedStatement read = c.prepareStatement("SELECT last_value FROM movierec_sequences WHERE name = ?")) {
      read.setString(1, FeedbackSchema.RATINGS);
      try (ResultSet rs = read.executeQuery()) {
        rs.next();
        last = rs.getLong(1);
      }
    }
    long seq = last - ratings.size();
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO movierec_ratings (seq, user_id, movie_id, stars, rated_at) VALUES (?, ?, ?, ?, ?)")) {
      for (Rating r : ratings) {
        insert.setLong(1, ++seq);
        insert.setInt(2, r.userId());
        insert.setInt(3, r.movieId());
        insert.setInt(4, r.stars());
        insert.setLong(5, r.timestamp());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Takes the sequence row's lock (PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the file's write lock). */
  private static void lock(Connection c, String sequence) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("UPDATE movierec_sequences SET last_value = last_value WHERE name = ?")) {
      lock.setString(1, sequence);
      requireOneRow(lock.executeUpdate(), sequence);
    }
  }

  private static void setSequence(Connection c, String sequence, long value) throws SQLException {
    try (PreparedStatement set = c.prepareStatement("UPDATE movierec_sequences SET last_value = ? WHERE name = ?")) {
      set.setLong(1, value);
      set.setString(2, sequence);
      requireOneRow(set.executeUpdate(), sequence);
    }
  }

  private static void requireOneRow(int updated, String sequence) throws SQLException {
    if (updated != 1) {
      throw new SQLException(
          "the row '" + sequence + "' of movierec_sequences should exist once, found " + updated);
    }
  }
}
