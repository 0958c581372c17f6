package org.movierec.feedback;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * One JDBC connection to a feedback store, opened when first needed and reopened after a failure, with transactions
 * that are retried a bounded number of times when the database says that trying again may succeed. Not thread-safe:
 * one thread (or one lock) uses it at a time.
 *
 * <p>SQLite transactions are explicit statements on an auto-commit connection ({@code BEGIN IMMEDIATE} for writers,
 * so two writers queue on the file's write lock instead of failing to upgrade a read lock; {@code BEGIN} for readers),
 * so that no lock is held between transactions (the driver would otherwise begin the next transaction at once after
 * each commit). PostgreSQL connections run with auto-commit off, readers in {@code REPEATABLE READ} (one snapshot for
 * the three tables of a read).
 */
final class StoreConnection implements AutoCloseable {
  /** Attempts of one transaction when it fails on a unique-key conflict, a serialization failure or a deadlock. */
  static final int MAX_ATTEMPTS = 5;

  /** The body of a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final StoreUrl url;
  private final boolean writer;
  private Connection connection;

  StoreConnection(StoreUrl url, boolean writer) {
    this.url = Objects.requireNonNull(url, "url");
    this.writer = writer;
  }

  /**
   * Runs {@code work} in one transaction and commits it. A unique-key conflict, a serialization failure or a deadlock
   * (which the database rolled back entirely) is retried, up to {@link #MAX_ATTEMPTS} attempts in all; any other
   * failure is rolled back and thrown, and the connection is reopened at the next call if it no longer works.
   */
  <T> T inTransaction(Work<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        Connection c = begin();
        T result = work.apply(c);
        commit(c);
        return result;
      } catch (SQLException e) {
        rollbackAfter(e);
        if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
        pause(attempt, e);
      } catch (RuntimeException | Error e) {
        rollbackAfter(e);
        throw e;
      }
    }
  }

  /** Whether the database rolled the transaction back for a reason that another attempt may not meet. */
  static boolean isRetryable(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        // 23505 unique violation, 40001 serialization failure, 40P01 deadlock (PostgreSQL); SQLite: constraint (19)
        // of a unique key.
        if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
          return true;
        }
        String message = s.getMessage();
        if (s.getErrorCode() == 19 && message != null && message.contains("UNIQUE constraint failed")) {
          return true;
        }
      }
    }
    return false;
  }

  private Connection begin() throws SQLException {
    if (connection == null) {
      connection = open();
    }
    if (url.database() == StoreUrl.Database.SQLITE) {
      try (Statement s = connection.createStatement()) {
        s.execute(writer ? "BEGIN IMMEDIATE" : "BEGIN");
      }
    }
    return connection;
  }

  private void commit(Connection c) throws SQLException {
    if (url.database() == StoreUrl.Database.SQLITE) {
      try (Statement s = c.createStatement()) {
        s.execute("COMMIT");
      }
    } else {
      c.commit();
    }
  }

  private Connection open() throws SQLException {
    Connection c = DriverManager.getConnection(url.url(), url.connectionProperties());
    try {
      if (url.database() == StoreUrl.Database.POSTGRESQL) {
        c.setAutoCommit(false);
        if (!writer) {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          c.setReadOnly(true);
        }
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(c, e);
      throw e;
    }
  }

  /** Rolls back what a failed transaction did; a connection that no longer works is dropped. */
  private void rollbackAfter(Throwable failure) {
    Connection c = connection;
    if (c == null) {
      return;
    }
    try {
      if (url.database() == StoreUrl.Database.SQLITE) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
        } catch (SQLException noTransaction) {
          // BEGIN itself failed (the file busy, say): nothing to roll back; isValid below tells a broken connection
        }
      } else {
        c.rollback();
      }
      if (c.isValid(2)) {
        return;
      }
    } catch (SQLException | RuntimeException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
    connection = null;
    closeQuietly(c, failure);
  }

  private static void pause(int attempt, SQLException failure) throws SQLException {
    try {
      Thread.sleep(10L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure;
    }
  }

  private static void closeQuietly(Connection c, Throwable failure) {
    try {
      c.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing releases resources only; nothing is lost
      }
    }
  }
}
