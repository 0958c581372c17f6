package org.movierec.feedback;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * A feedback store's JDBC URL, checked: which database it is, how to describe it without its password, and the
 * connection properties that make writes durable.
 *
 * @param url the URL as given, passed to the driver
 * @param database which of the two supported databases
 * @param description the URL without any password, for logs and errors
 */
record StoreUrl(String url, Database database, String description) {
  static final String SUPPORTED =
      "jdbc:sqlite:PATH (a file, embedded) or jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD";

  /** How long a SQLite connection waits for another writer of the same file before failing, in milliseconds. */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  enum Database { SQLITE, POSTGRESQL }

  StoreUrl {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(description, "description");
  }

  /** Parses a URL of one of the two supported forms; anything else is an {@link IllegalArgumentException}. */
  static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a feedback store URL is needed: " + SUPPORTED + "; got: " + url);
    }
    String trimmed = url.strip();
    if (trimmed.startsWith("jdbc:sqlite:")) {
      String path = sqlitePath(trimmed);
      if (path.isEmpty() || path.equals(":memory:") || path.startsWith(":resource:") || path.startsWith("file:")) {
        throw new IllegalArgumentException(
            "a SQLite feedback store must be a file: jdbc:sqlite:PATH (such as jdbc:sqlite:feedback.db); got: " + url);
      }
      return new StoreUrl(trimmed, Database.SQLITE, withoutPassword(trimmed));
    }
    if (trimmed.startsWith("jdbc:postgresql://") && trimmed.length() > "jdbc:postgresql://".length()) {
      return new StoreUrl(trimmed, Database.POSTGRESQL, withoutPassword(trimmed));
    }
    throw new IllegalArgumentException(
        "unsupported feedback store URL '" + withoutPassword(trimmed) + "'; supported: " + SUPPORTED);
  }

  /** The SQLite database file (absolute); only for {@link Database#SQLITE}. */
  Path sqliteFile() {
    if (database != Database.SQLITE) {
      throw new IllegalStateException("not a SQLite URL: " + description);
    }
    return Path.of(sqlitePath(url)).toAbsolutePath();
  }

  /**
   * The driver properties: for SQLite, WAL journal, {@code synchronous=FULL} (a commit is on disk when it returns) and
   * a busy timeout; for PostgreSQL, batched inserts rewritten into multi-row inserts. Parameters in the URL win.
   */
  Properties connectionProperties() {
    Properties p = new Properties();
    switch (database) {
      case SQLITE -> {
        setUnlessInUrl(p, "journal_mode", "WAL");
        setUnlessInUrl(p, "synchronous", "FULL");
        setUnlessInUrl(p, "busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MILLIS));
      }
      case POSTGRESQL -> {
        setUnlessInUrl(p, "reWriteBatchedInserts", "true");
        setUnlessInUrl(p, "ApplicationName", "movierec-feedback");
      }
    }
    return p;
  }

  /** Sets a property unless the URL has a parameter of that name (the SQLite driver would let the property win). */
  private void setUnlessInUrl(Properties p, String key, String value) {
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String param : url.substring(query + 1).split("&")) {
        if (param.split("=", 2)[0].equalsIgnoreCase(key)) {
          return;
        }
      }
    }
    p.setProperty(key, value);
  }

  /** The description: a record's default would show the password. */
  @Override
  public String toString() {
    return description;
  }

  private static String sqlitePath(String url) {
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    return query < 0 ? rest : rest.substring(0, query);
  }

  /** Removes {@code password=...} parameters (and a {@code user:password@} part) from a URL. */
  static String withoutPassword(String url) {
    String noUserInfo = url.replaceFirst("//([^/@?]*):[^/@?]*@", "//$1@");
    int query = noUserInfo.indexOf('?');
    if (query < 0) {
      return noUserInfo;
    }
    StringBuilder kept = new StringBuilder();
    for (String param : noUserInfo.substring(query + 1).split("&")) {
      if (!param.isEmpty() && !param.toLowerCase(Locale.ROOT).startsWith("password=")) {
        kept.append(kept.isEmpty() ? "" : "&").append(param);
      }
    }
    return noUserInfo.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }
}
