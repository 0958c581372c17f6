package org.movierec.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.User;
import org.movierec.feedback.FeedbackWrites.AddMovie;
import org.movierec.feedback.FeedbackWrites.AddRatings;
import org.movierec.feedback.FeedbackWrites.AddUser;
import org.movierec.feedback.FeedbackWrites.Write;

/**
 * The feedback store over JDBC, one implementation for SQLite (a file, embedded) and PostgreSQL (shared by several
 * servers); the tables are {@link FeedbackSchema}'s.
 *
 * <p>Writes go through a {@link GroupCommitWriter}: one connection, one thread, one transaction for whatever callers
 * are waiting, committed durably (SQLite: WAL with {@code synchronous=FULL}; PostgreSQL: its default synchronous
 * commit) before any of them returns. Reads take one snapshot on a second connection, one read at a time.
 *
 * <p>Every database failure is an {@link IllegalStateException} naming the store ({@link #describe()}) and the
 * database's message.
 */
final class JdbcFeedbackStore implements FeedbackStore {
  private final StoreUrl url;
  private final GroupCommitWriter writer;
  private final StoreConnection reader;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcFeedbackStore(StoreUrl url, StoreConnection writerConnection, Clock clock) {
    this.url = url;
    this.clock = clock;
    this.reader = new StoreConnection(url, false);
    this.writer = new GroupCommitWriter(writerConnection, url.description());
  }

  /** See {@link FeedbackStore#open}. */
  static FeedbackStore open(String jdbcUrl) {
    StoreUrl url = StoreUrl.parse(jdbcUrl);
    if (url.database() == StoreUrl.Database.SQLITE) {
      createParentDirectories(url);
    }
    StoreConnection connection = new StoreConnection(url, true);
    try {
      connection.inTransaction(c -> {
        FeedbackSchema.ensure(c, url.description());
        return null;
      });
    } catch (SQLException e) {
      connection.close();
      throw new IllegalStateException("feedback store " + url.description() + " cannot be opened: " + e.getMessage(),
          e);
    } catch (RuntimeException | Error e) {
      connection.close();
      throw e;
    }
    return new JdbcFeedbackStore(url, connection, Clock.systemUTC());
  }

  private static void createParentDirectories(StoreUrl url) {
    Path parent = url.sqliteFile().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalStateException("feedback store " + url.description() + " cannot be opened: cannot create the"
          + " directory " + parent + ": " + e, e);
    }
  }

  @Override
  public String describe() {
    return url.description();
  }

  @Override
  public User addUser(Gender gender, AgeGroup age, Occupation occupation, String zip, int idsAbove) {
    return write(new AddUser(new User(0, gender, age, occupation, zip), idsAbove, now()));
  }

  @Override
  public Movie addMovie(String title, Set<Genre> genres, int idsAbove) {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(genres, "genres");
    if (title.isBlank()) {
      throw new IllegalArgumentException("the title of a new movie must not be blank, got: '" + title + "'");
    }
    if (genres.isEmpty()) {
      throw new IllegalArgumentException("a new movie needs at least one genre, got none for '" + title + "'");
    }
    // Validated as the movie it will be (a plausible year, too); its id is allocated when it is stored.
    Movie movie = Movie.of(1, title, genres);
    return write(new AddMovie(movie, idsAbove, now()));
  }

  @Override
  public void addRatings(List<Rating> ratings) {
    Objects.requireNonNull(ratings, "ratings");
    for (int i = 0; i < ratings.size(); i++) {
      if (ratings.get(i) == null) {
        throw new NullPointerException("ratings[" + i + "] is null");
      }
    }
    if (ratings.isEmpty()) {
      checkOpen();
      return;
    }
    write(new AddRatings(ratings));
  }

  @Override
  public Feedback readAll() {
    return readAfter(FeedbackCursor.START);
  }

  @Override
  public Feedback readAfter(FeedbackCursor since) {
    Objects.requireNonNull(since, "since (FeedbackCursor.START for everything)");
    checkOpen();
    synchronized (reader) {
      checkOpen();
      try {
        return reader.inTransaction(c -> FeedbackReads.readAfter(c, since));
      } catch (SQLException e) {
        throw failure("cannot be read", e);
      }
    }
  }

  private <T> T write(Write<T> write) {
    checkOpen();
    try {
      return writer.write(write);
    } catch (SQLException e) {
      throw failure("could not store " + write.what(), e);
    }
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("feedback store " + describe() + " " + what + ": " + e.getMessage(), e);
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("feedback store " + describe() + " is closed");
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    writer.close();
    synchronized (reader) {
      reader.close();
    }
  }
}
