package org.movierec.feedback;

import java.util.List;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.User;

/**
 * What a server receives from its users, kept durably: users and movies added through the API and the ratings users
 * give. The one interface for it; {@link #open} picks the implementation by URL ({@code jdbc:sqlite:FILE} embedded,
 * {@code jdbc:postgresql://...} shared by several servers).
 *
 * <p>Every write returns only once it is durably committed: a process killed right after a write returned loses
 * nothing. Ids of added users and movies are allocated by the store, above every id in use (the data's and the
 * store's), so several servers sharing a store never hand out one id twice.
 *
 * <p>Safe from many threads; concurrent writes share one commit (group commit), so many small writes a second are
 * cheap. A failure of the database (unreachable, a file locked or read-only) is an {@link IllegalStateException}
 * naming the store ({@link #describe()}) and the database's message; so is any call after {@link #close()}. Invalid
 * arguments are refused before anything is written, without affecting other callers.
 */
public interface FeedbackStore extends AutoCloseable {

  /**
   * Opens (creating it and its schema when missing) the store at a JDBC URL; refuses a schema of a newer version
   * than this MovieRec knows, naming both.
   *
   * @throws IllegalArgumentException when the URL is of no supported database (naming the supported forms)
   * @throws IllegalStateException when the database cannot be reached or its schema is not MovieRec's
   */
  static FeedbackStore open(String jdbcUrl) {
    return JdbcFeedbackStore.open(jdbcUrl);
  }

  /** Where it is, for logs and errors: the URL without a password. */
  String describe();

  /**
   * Adds a user with a fresh id: larger than {@code idsAbove} and than every user id the store holds.
   *
   * @param idsAbove the largest user id of the data the server knows (6,040 for MovieLens 1M)
   * @return the stored user, with its id
   */
  User addUser(Gender gender, AgeGroup age, Occupation occupation, String zip, int idsAbove);

  /**
   * Adds a movie with a fresh id: larger than {@code idsAbove} and than every movie id the store holds.
   *
   * @param title the title with its year, as in movies.dat ({@code "Toy Story (1995)"})
   * @param idsAbove the largest movie id of the data the server knows (3,952 for MovieLens 1M)
   * @return the stored movie, with its id
   */
  Movie addMovie(String title, Set<Genre> genres, int idsAbove);

  /**
   * Stores ratings, all or none, durably, in the order given. A later rating of the same user and movie replaces the
   * earlier one when read back ({@link Feedback#ratings()} keeps the latest). Timestamps are epoch seconds.
   */
  void addRatings(List<Rating> ratings);

  /** Everything stored. */
  Feedback readAll();

  /**
   * What was stored after {@code since} (from {@link Feedback#cursor()} of an earlier read), so that a server can
   * follow what other servers sharing the store received.
   */
  Feedback readAfter(FeedbackCursor since);

  /** Releases the connections. Idempotent. */
  @Override
  void close();
}
