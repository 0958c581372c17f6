package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.ServerFixture.Response;

/** {@code /admin/*}: with a token, only requests bearing it; without, open on loopback, closed elsewhere. */
class AdminGuardTest {
  @TempDir Path dir;

  @Test
  void with_a_token_admin_needs_it() throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    try (ServerFixture server = ServerFixture.start(dir, model, "127.0.0.1", "jdbc:sqlite:" + dir.resolve("f.db"),
        null, "s3cret")) {
      Response none = server.post("/admin/reload", "application/json", "");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().get("field").asText()).isEqualTo("Authorization");
      Response wrong = server.send(HttpRequest.newBuilder(URI.create(server.base + "/admin/reload"))
          .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(wrong.status()).isEqualTo(401);
      Response right = server.send(HttpRequest.newBuilder(URI.create(server.base + "/admin/reload"))
          .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(right.status()).as("%s", right).isEqualTo(200);
    }
  }

  @Test
  void without_a_token_admin_is_closed_on_other_addresses() throws Exception {
    Path model = ServerFixture.copyIndexedModel(dir.resolve("model"));
    try (ServerFixture server = ServerFixture.start(dir, model, "0.0.0.0", "jdbc:sqlite:" + dir.resolve("f.db"),
        null, null)) {
      Response r = server.post("/admin/reload", "application/json", "");
      assertThat(r.status()).as("%s", r).isEqualTo(403);
      assertThat(r.json().get("message").asText()).contains("no admin token is configured");
      assertThat(server.get("/health").status()).isEqualTo(200);
    }
  }

  @Test
  void only_loopback_addresses_count_as_this_machine() {
    assertThat(AdminGuard.isLoopback("127.0.0.1")).isTrue();
    assertThat(AdminGuard.isLoopback("localhost")).isTrue();
    assertThat(AdminGuard.isLoopback("::1")).isTrue();
    assertThat(AdminGuard.isLoopback("0.0.0.0")).isFalse();
    assertThat(AdminGuard.isLoopback("10.1.2.3")).isFalse();
  }
}
