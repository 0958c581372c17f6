package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.movierec.server.ServerFixture.Response;

/**
 * Each kind of bad input is a 4xx with a JSON error naming the field and, where there are some, the valid values:
 * never a 500, never a stack trace. And nothing bad is stored.
 */
class ServerErrorsTest {
  @TempDir static Path dir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = ServerFixture.start(dir);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static final String JSON = "application/json";

  /** method, path, content type, body, status, field, words the message holds, words the valid values hold. */
  static Stream<Arguments> badRequests() {
    String who = "/api/recommendations?age=25&gender=F&job=programmer";
    return Stream.of(
        Arguments.of("GET", who + "&k=0", null, null, 400, "k", "k must be 1..100, got: 0", "1..100"),
        Arguments.of("GET", who + "&k=101", null, null, 400, "k", "got: 101", "1..100"),
        Arguments.of("GET", who + "&k=ten", null, null, 400, "k", "got 'ten'", "1..100"),
        Arguments.of("GET", "/api/recommendations?age=25&gender=F&job=pilot", null, null, 400, "job",
            "unknown occupation 'pilot'", "12 = programmer"),
        Arguments.of("GET", "/api/recommendations?age=25&gender=X&job=1", null, null, 400, "gender",
            "unknown gender 'X'", "M, F"),
        Arguments.of("GET", "/api/recommendations?age=200&gender=F&job=1", null, null, 400, "age", "200", "56+"),
        Arguments.of("GET", "/api/recommendations?gender=F&job=1", null, null, 400, "age", "age is required",
            "under 18"),
        Arguments.of("GET", who + "&genre=Horor", null, null, 400, "genre", "unknown genre 'Horor'", "Horror"),
        Arguments.of("GET", who + "&years=19x", null, null, 400, "years", "'19x'", "1990-1999"),
        Arguments.of("GET", who + "&years=1999-1990", null, null, 400, "years", "must not be after", "1990-1999"),
        Arguments.of("GET", "/api/users/999/recommendations", null, null, 404, "id", "no user 999", null),
        Arguments.of("GET", "/api/users/0", null, null, 400, "id", "positive whole number, got '0'", "1.."),
        Arguments.of("GET", "/api/users/abc/recommendations", null, null, 400, "id", "got 'abc'", "1.."),
        Arguments.of("GET", "/api/movies/999", null, null, 404, "id", "no movie 999", null),
        Arguments.of("GET", "/api/movies/999/similar", null, null, 404, "id", "no movie 999", null),
        Arguments.of("GET", "/api/movies?limit=0", null, null, 400, "limit", "1..100", "1..100"),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "[{\"movieId\": 1, \"stars\": 6}]", 400, "[0].stars",
            "must be 1..5, got: 6", "1..5"),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "[{\"movieId\": 1, \"stars\": 4.5}]", 400, "[0].stars",
            "whole number", null),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "[{\"movieId\": 2, \"stars\": 4},"
            + " {\"movieId\": 999, \"stars\": 4}]", 400, "[1].movieId", "no movie 999", "movie id"),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "[{\"movieId\": 2, \"stars\": 4},"
            + " {\"movieId\": 2, \"stars\": 3}]", 400, "[1].movieId", "rated twice", null),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "[{\"movie\": 2, \"stars\": 4}]", 400, "[0].movie",
            "unknown field 'movie'", "movieId, stars"),
        Arguments.of("POST", "/api/users/1/ratings", JSON, "{\"movieId\": 2}", 400, "body", "array", null),
        Arguments.of("POST", "/api/users/999/ratings", JSON, "[{\"movieId\": 2, \"stars\": 4}]", 404, "id",
            "no user 999", null),
        Arguments.of("POST", "/api/users", JSON, "{\"age\": 25, \"gender\": \"F\"", 400, "body",
            "not valid JSON", null),
        Arguments.of("POST", "/api/users", JSON, "", 400, "body", "empty", null),
        Arguments.of("POST", "/api/users", "text/plain", "{\"age\": 25}", 415, "Content-Type", "'text/plain'",
            "application/json"),
        Arguments.of("POST", "/api/users", null, "{\"age\": 25}", 415, "Content-Type", "Content-Type", null),
        Arguments.of("POST", "/api/users", JSON, "{\"age\": 25, \"gender\": \"F\"}", 400, "job", "job is required",
            "programmer"),
        Arguments.of("POST", "/api/users", JSON, "{\"age\": 25, \"gender\": \"F\", \"job\": 1, \"name\": \"x\"}",
            400, "name", "unknown field 'name'", "age, gender, job, zip"),
        Arguments.of("POST", "/api/recommendations", JSON, "{\"k\": 5}", 400, "body", "describe the user", "ratings"),
        Arguments.of("POST", "/api/recommendations", JSON, "{\"ratings\": [{\"movieId\": 1, \"stars\": 5}],"
            + " \"genres\": [\"Comdy\"]}", 400, "genre", "unknown genre 'Comdy'", "Comedy"),
        Arguments.of("POST", "/api/movies", JSON, "{\"title\": \"No Year\", \"genres\": [\"Drama\"]}", 400, "title",
            "must end with the year", "(2024)"),
        Arguments.of("POST", "/api/movies", JSON, "{\"title\": \"New (2020)\", \"genres\": []}", 400, "genres",
            "non-empty", "Drama"),
        Arguments.of("POST", "/api/predictions", JSON, "[{\"userId\": 1, \"movieId\": 999}]", 404, "[0].movieId",
            "no movie 999", null),
        Arguments.of("POST", "/api/predictions", JSON, "[]", 400, "body", "non-empty", null),
        Arguments.of("GET", "/no/such/route", null, null, 404, null, "no route GET /no/such/route", null));
  }

  @ParameterizedTest(name = "{0} {1} -> {4} {5}")
  @MethodSource("badRequests")
  void bad_input_is_a_4xx_naming_the_field_and_the_valid_values(String method, String path, String contentType,
      String body, int status, String field, String says, String valid) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path));
    if (method.equals("GET")) {
      request.GET();
    } else {
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    Response r = server.send(request);
    assertThat(r.status()).as("%s", r).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode e = r.json();
    assertThat(e.get("status").asInt()).isEqualTo(status);
    assertThat(e.path("field").isMissingNode() ? null : e.get("field").asText()).isEqualTo(field);
    assertThat(e.get("message").asText()).contains(says);
    if (valid != null) {
      assertThat(e.get("valid").asText()).contains(valid);
    }
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void an_oversized_body_is_refused_with_413() {
    String big = "[" + "{\"movieId\": 1, \"stars\": 5},".repeat(20_000) + "{\"movieId\": 1, \"stars\": 5}]";
    Response r = server.post("/api/users/1/ratings", big);
    assertThat(r.status()).as("%s", r).isEqualTo(413);
    assertThat(r.json().get("message").asText()).contains("larger than 262144 bytes");
  }

  @Test
  void refused_ratings_store_nothing() {
    server.post("/api/users/2/ratings", "[{\"movieId\": 3, \"stars\": 4}, {\"movieId\": 999, \"stars\": 4}]");
    JsonNode ratings = server.get("/api/users/2").json().get("ratings");
    for (JsonNode r : ratings) {
      assertThat(r.get("source").asText()).isEqualTo("data");
    }
  }

  @Test
  void admin_is_open_on_loopback_without_a_token() {
    Response r = server.post("/admin/reload", JSON, "");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().get("swapped").asBoolean()).isFalse();
  }
}
