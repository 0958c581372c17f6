package org.movierec.feedback;

import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.User;

/** The SQL that reads a feedback store back after a cursor, in the caller's transaction (one snapshot). */
final class FeedbackReads {
  private FeedbackReads() {}

  private static final String USERS = "SELECT id, gender, age_group, occupation, zip FROM movierec_users"
      + " WHERE id > ? ORDER BY id";
  private static final String MOVIES = "SELECT id, title, genres FROM movierec_movies WHERE id > ? ORDER BY id";
  /** Ratings after a sequence number, each the latest of its (user, movie) pair, in the order they were stored. */
  private static final String LATEST_RATINGS = "SELECT r.seq, r.user_id, r.movie_id, r.stars, r.rated_at"
      + " FROM movierec_ratings r WHERE r.seq > ? AND NOT EXISTS (SELECT 1 FROM movierec_ratings later"
      + " WHERE later.user_id = r.user_id AND later.movie_id = r.movie_id AND later.seq > r.seq) ORDER BY r.seq";

  /**
   * What was stored after {@code since}. The cursor moves to the last user, movie and rating read; a rating replaced
   * by a later one is not returned, and the later one always is, so the last rating read is the last one stored.
   */
  static Feedback readAfter(Connection c, FeedbackCursor since) throws SQLException {
    List<User> users = new ArrayList<>();
    int lastUser = since.lastUserId();
    try (PreparedStatement q = c.prepareStatement(USERS)) {
      q.setInt(1, since.lastUserId());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          users.add(user(rs));
          lastUser = rs.getInt(1);
        }
      }
    }
    List<Movie> movies = new ArrayList<>();
    int lastMovie = since.lastMovieId();
    try (PreparedStatement q = c.prepareStatement(MOVIES)) {
      q.setInt(1, since.lastMovieId());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          movies.add(movie(rs.getInt(1), rs.getString(2), rs.getString(3)));
          lastMovie = rs.getInt(1);
        }
      }
    }
    List<Rating> ratings = new ArrayList<>();
    long lastSeq = since.lastRatingSequence();
    try (PreparedStatement q = c.prepareStatement(LATEST_RATINGS)) {
      q.setLong(1, since.lastRatingSequence());
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          lastSeq = rs.getLong(1);
          ratings.add(new Rating(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getLong(5)));
        }
      }
    }
    return new Feedback(users, movies, ratings, new FeedbackCursor(lastUser, lastMovie, lastSeq));
  }

  private static User user(ResultSet rs) throws SQLException {
    int id = rs.getInt(1);
    int age = rs.getInt(3);
    if (age < 0 || age >= AgeGroup.values().length) {
      throw new SQLDataException("stored user " + id + " has age group code " + age + ", expected 0.."
          + (AgeGroup.values().length - 1));
    }
    try {
      return new User(id, Gender.fromFile(rs.getString(2)), AgeGroup.values()[age], Occupation.ofCode(rs.getInt(4)),
          rs.getString(5));
    } catch (IllegalArgumentException e) {
      throw new SQLDataException("stored user " + id + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Movie movie(int id, String title, String genres) throws SQLDataException {
    try {
      return Movie.of(id, title, genres(id, genres));
    } catch (IllegalArgumentException e) {
      throw new SQLDataException("stored movie " + id + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Set<Genre> genres(int movieId, String text) throws SQLDataException {
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    try {
      for (String label : text.split("\\|")) {
        genres.add(Genre.parse(label));
      }
    } catch (IllegalArgumentException e) {
      throw new SQLDataException("stored movie " + movieId + " has genres '" + text + "': " + e.getMessage(), e);
    }
    return genres;
  }
}
