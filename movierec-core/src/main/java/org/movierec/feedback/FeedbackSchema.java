package org.movierec.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The feedback store's tables, the same SQL for SQLite and PostgreSQL, and the version they are at.
 *
 * <pre>
 * movierec_schema    (version)                                        one row: {@value #VERSION}
 * movierec_sequences (name, last_value)                               users, movies, ratings: the last one handed out
 * movierec_users     (id, gender, age_group, occupation, zip, created_at)   gender M/F, the codes of AgeGroup/Occupation
 * movierec_movies    (id, title, genres, created_at)                  genres: labels joined by '|', as in movies.dat
 * movierec_ratings   (seq, user_id, movie_id, stars, rated_at)        an append-only log; rated_at in epoch seconds
 * </pre>
 *
 * Every write transaction first updates its row of {@code movierec_sequences}: that row lock makes writers of several
 * servers take turns, so ids and sequence numbers are handed out in commit order and a reader that has seen one has
 * seen every smaller one (what {@link FeedbackCursor} relies on). {@code created_at} is epoch seconds.
 */
final class FeedbackSchema {
  /** The schema version this code reads and writes. */
  static final int VERSION = 1;

  static final String USERS = "users";
  static final String MOVIES = "movies";
  static final String RATINGS = "ratings";

  private static final List<String> CREATE = List.of(
      "CREATE TABLE IF NOT EXISTS movierec_schema (version INTEGER NOT NULL)",
      "CREATE TABLE IF NOT EXISTS movierec_sequences (name VARCHAR(16) PRIMARY KEY, last_value BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS movierec_users (id INTEGER PRIMARY KEY, gender CHAR(1) NOT NULL,"
          + " age_group SMALLINT NOT NULL, occupation SMALLINT NOT NULL, zip TEXT NOT NULL, created_at BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS movierec_movies (id INTEGER PRIMARY KEY, title TEXT NOT NULL, genres TEXT NOT NULL,"
          + " created_at BIGINT NOT NULL)",
      "CREATE TABLE IF NOT EXISTS movierec_ratings (seq BIGINT PRIMARY KEY, user_id INTEGER NOT NULL,"
          + " movie_id INTEGER NOT NULL, stars SMALLINT NOT NULL CHECK (stars BETWEEN 1 AND 5),"
          + " rated_at BIGINT NOT NULL)");

  /** Created once the tables' shape is checked; the latest rating of a (user, movie) pair is found through it. */
  private static final String CREATE_INDEX =
      "CREATE INDEX IF NOT EXISTS movierec_ratings_pair ON movierec_ratings (user_id, movie_id, seq)";

  /** The columns each table must have, checked by selecting them (cheap: no row is read). */
  private static final Map<String, String> COLUMNS = Map.of(
      "movierec_sequences", "name, last_value",
      "movierec_users", "id, gender, age_group, occupation, zip, created_at",
      "movierec_movies", "id, title, genres, created_at",
      "movierec_ratings", "seq, user_id, movie_id, stars, rated_at");

  /** Where each sequence starts when the schema is created: after the largest id already in its table. */
  private static final Map<String, String> SEQUENCE_START = Map.of(
      USERS, "SELECT COALESCE(MAX(id), 0) FROM movierec_users",
      MOVIES, "SELECT COALESCE(MAX(id), 0) FROM movierec_movies",
      RATINGS, "SELECT COALESCE(MAX(seq), 0) FROM movierec_ratings");

  private FeedbackSchema() {}

  /**
   * Creates the tables that are missing and checks the version and the shape of those that exist, in the caller's
   * transaction.
   *
   * @param store the store's description, for messages
   * @throws IllegalStateException when the schema is of a newer version than {@link #VERSION} or not MovieRec's
   */
  static void ensure(Connection c, String store) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : CREATE) {
        s.execute(sql);
      }
    }
    List<Long> versions = versions(c, store);
    if (versions.isEmpty()) {
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO movierec_schema (version) VALUES (?)")) {
        insert.setInt(1, VERSION);
        insert.executeUpdate();
      }
    } else if (versions.size() > 1) {
      throw new IllegalStateException("feedback store " + store + " is not MovieRec's: its table movierec_schema"
          + " must hold one version row, it holds " + versions.size() + ": " + versions);
    } else if (versions.get(0) > VERSION) {
      throw new IllegalStateException("feedback store " + store + " has schema version " + versions.get(0)
          + ", newer than version " + VERSION + " that this MovieRec reads: run a MovieRec at least as new as the"
          + " one that wrote it, or point this one at another store");
    } else if (versions.get(0) < 1) {
      throw new IllegalStateException("feedback store " + store + " has schema version " + versions.get(0)
          + ", expected 1.." + VERSION + ": it is not MovieRec's");
    }
    for (Map.Entry<String, String> table : COLUMNS.entrySet()) {
      checkColumns(c, store, table.getKey(), table.getValue());
    }
    try (Statement s = c.createStatement()) {
      s.execute(CREATE_INDEX);
    }
    for (Map.Entry<String, String> sequence : SEQUENCE_START.entrySet()) {
      addSequenceIfMissing(c, sequence.getKey(), sequence.getValue());
    }
  }

  private static List<Long> versions(Connection c, String store) throws SQLException {
    checkColumns(c, store, "movierec_schema", "version");
    List<Long> versions = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM movierec_schema")) {
      while (rs.next()) {
        versions.add(rs.getLong(1));
      }
    }
    return versions;
  }

  private static void checkColumns(Connection c, String store, String table, String columns) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT " + columns + " FROM " + table + " WHERE 1 = 0").close();
    } catch (SQLException e) {
      if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("column")) {
        throw e; // not a shape problem: the connection, a lock, ...
      }
      throw new IllegalStateException("feedback store " + store + " is not MovieRec's (schema version " + VERSION
          + "): its table " + table + " should have the columns (" + columns + "), but: " + e.getMessage()
          + "; rename or drop that table, or point MovieRec at another store", e);
    }
  }

  private static void addSequenceIfMissing(Connection c, String name, String startQuery) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO movierec_sequences (name, last_value) SELECT ?, ("
        + startQuery + ") WHERE NOT EXISTS (SELECT 1 FROM movierec_sequences WHERE name = ?)")) {
      insert.setString(1, name);
      insert.setString(2, name);
      insert.executeUpdate();
    }
  }
}
