package org.movierec.feedback;

/** Placeholder: being written (SQLite and PostgreSQL over JDBC). */
final class JdbcFeedbackStore {
  private JdbcFeedbackStore() {}

  static FeedbackStore open(String jdbcUrl) {
    throw new UnsupportedOperationException("not yet written: " + jdbcUrl);
  }
}
