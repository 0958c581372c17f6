package org.movierec.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;

/** The feedback store contract on SQLite (a file in a temporary directory), and what only an embedded file has. */
class JdbcFeedbackStoreTest extends FeedbackStoreContract {
  @TempDir
  Path dir;

  @Override
  protected String storeUrl() {
    return "jdbc:sqlite:" + file();
  }

  @Override
  protected void execute(String sql) throws SQLException {
    try {
      Files.createDirectories(file().getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    super.execute(sql);
  }

  private Path file() {
    return dir.resolve("not/yet/there/feedback.db");
  }

  @Test
  void opening_creates_the_file_and_its_directories_and_describes_it_by_its_url() {
    FeedbackStore store = open();

    assertThat(file()).isRegularFile();
    assertThat(store.describe()).isEqualTo("jdbc:sqlite:" + file());
  }

  @Test
  void the_file_is_in_wal_mode_with_the_schema_version_recorded() throws Exception {
    open().close();

    try (Connection c = DriverManager.getConnection(storeUrl()); Statement s = c.createStatement()) {
      ResultSet mode = s.executeQuery("PRAGMA journal_mode");
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("wal");
      ResultSet version = s.executeQuery("SELECT version FROM movierec_schema");
      assertThat(version.next()).isTrue();
      assertThat(version.getInt(1)).isEqualTo(1);
      assertThat(version.next()).isFalse();
    }
  }

  @Test
  void a_url_of_another_database_is_refused_naming_the_two_supported_forms() {
    assertThatThrownBy(() -> FeedbackStore.open("jdbc:mysql://db:3306/movierec?user=me&password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unsupported feedback store URL 'jdbc:mysql://db:3306/movierec?user=me'; supported:"
            + " jdbc:sqlite:PATH (a file, embedded) or"
            + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
    assertThatThrownBy(() -> FeedbackStore.open("jdbc:sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a SQLite feedback store must be a file: jdbc:sqlite:PATH (such as jdbc:sqlite:feedback.db);"
            + " got: jdbc:sqlite::memory:");
    assertThatThrownBy(() -> FeedbackStore.open(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite:PATH").hasMessageContaining("jdbc:postgresql://");
  }

  @Test
  void a_postgresql_server_that_cannot_be_reached_is_an_error_naming_the_store_without_its_password() {
    assertThatThrownBy(() -> FeedbackStore.open("jdbc:postgresql://127.0.0.1:1/movierec?user=me&password=s3cret"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("feedback store jdbc:postgresql://127.0.0.1:1/movierec?user=me cannot be opened: ")
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("refused")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void describe_leaves_out_every_password() {
    assertThat(StoreUrl.withoutPassword("jdbc:postgresql://h:5432/db?user=u&password=p&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u&ssl=true");
    assertThat(StoreUrl.withoutPassword("jdbc:postgresql://h/db?password=p")).isEqualTo("jdbc:postgresql://h/db");
    assertThat(StoreUrl.withoutPassword("jdbc:postgresql://u:p@h/db")).isEqualTo("jdbc:postgresql://u@h/db");
  }

  @Test
  void a_file_locked_by_another_writer_is_an_error_naming_the_store_and_the_lock_and_later_writes_succeed()
      throws Exception {
    String url = storeUrl() + "?busy_timeout=200";
    try (FeedbackStore store = FeedbackStore.open(url)) {
      try (Connection other = DriverManager.getConnection(storeUrl()); Statement s = other.createStatement()) {
        s.execute("BEGIN EXCLUSIVE");

        assertThatThrownBy(() -> store.addRatings(List.of(new Rating(1, 2, 3, 4))))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("feedback store " + url + " could not store 1 rating: ")
            .hasMessageContaining("database is locked");
        s.execute("ROLLBACK");
      }
      store.addRatings(List.of(new Rating(1, 2, 3, 4)));
      assertThat(store.readAll().ratings()).containsExactly(new Rating(1, 2, 3, 4));
    }
  }

  @Test
  void a_read_only_database_is_an_error_naming_the_store() {
    open().close();
    String readOnly = storeUrl() + "?open_mode=1"; // SQLITE_OPEN_READONLY: what a file root may not write looks like

    assertThatThrownBy(() -> FeedbackStore.open(readOnly))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("feedback store " + readOnly + " cannot be opened: ")
        .hasMessageContaining("readonly");
  }

  @Test
  void a_file_that_is_not_a_database_is_an_error_naming_the_store() throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "user,movie,stars\n1,2,3\n".repeat(100));

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("feedback store " + storeUrl() + " cannot be opened: ")
        .hasMessageContaining("not a database");
  }

  @Test
  void a_directory_that_cannot_be_created_is_an_error_naming_the_store() throws Exception {
    Path blocker = dir.resolve("not");
    Files.writeString(blocker, "a file where a directory should be");

    assertThatThrownBy(this::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("feedback store " + storeUrl() + " cannot be opened: cannot create the directory "
            + file().getParent());
  }

  @Test
  void ids_and_ratings_written_by_a_store_are_seen_by_another_store_on_the_same_file() {
    FeedbackStore a = open();
    FeedbackStore b = open();

    a.addUser(Gender.M, AgeGroup.FROM_18_TO_24, Occupation.COLLEGE_GRAD_STUDENT, "", 6040);
    b.addRatings(List.of(new Rating(6041, 1, 5, 7)));

    assertThat(b.addUser(Gender.F, AgeGroup.FROM_18_TO_24, Occupation.COLLEGE_GRAD_STUDENT, "", 6040).id())
        .isEqualTo(6042);
    assertThat(a.readAll().ratings()).containsExactly(new Rating(6041, 1, 5, 7));
  }
}
