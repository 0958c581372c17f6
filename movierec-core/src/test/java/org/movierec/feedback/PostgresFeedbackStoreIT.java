package org.movierec.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movierec.data.Rating;

/**
 * The feedback store contract on a real PostgreSQL, at the URL in {@code MOVIEREC_POSTGRES_URL}
 * ({@code export MOVIEREC_POSTGRES_URL=$(scripts/postgres.sh)}). Each test gets a schema of its own, empty, dropped
 * afterwards. Without the variable the tests are skipped, and fail under {@code CI=true}.
 */
class PostgresFeedbackStoreIT extends FeedbackStoreContract {
  private static final String URL_VARIABLE = "MOVIEREC_POSTGRES_URL";

  private static String serverUrl;
  private String schema;

  @BeforeAll
  static void failsUnderCiWithoutPostgres() {
    serverUrl = System.getenv(URL_VARIABLE);
    if ((serverUrl == null || serverUrl.isBlank()) && "true".equals(System.getenv("CI"))) {
      fail(URL_VARIABLE + " is not set although CI=true: .ci/run should have started PostgreSQL with"
          + " scripts/postgres.sh and exported its JDBC URL");
    }
  }

  /** Skips each test (reported one by one, with the reason) when there is no PostgreSQL to test. */
  @BeforeEach
  void createSchema() throws SQLException {
    assumeTrue(serverUrl != null && !serverUrl.isBlank(), URL_VARIABLE + " is not set, so the PostgreSQL feedback"
        + " store is not tested; to test it: export " + URL_VARIABLE + "=$(scripts/postgres.sh)");
    schema = "movierec_it_" + ProcessHandle.current().pid() + "_" + Long.toUnsignedString(System.nanoTime(), 36);
    admin("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema == null) {
      return;
    }
    closeStores(); // before the schema goes (JUnit runs this class's @AfterEach before the contract's)
    admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  @Override
  protected String storeUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void the_store_is_described_without_its_password_and_its_tables_live_in_the_schema_of_the_url()
      throws SQLException {
    FeedbackStore store = open();
    store.addRatings(List.of(new Rating(1, 2, 3, 4)));

    assertThat(store.describe()).doesNotContainIgnoringCase("password").endsWith("currentSchema=" + schema);
    try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM " + schema + ".movierec_ratings")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }
}
