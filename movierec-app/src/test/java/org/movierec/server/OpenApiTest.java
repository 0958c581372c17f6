package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.ServerFixture.Response;

/**
 * The OpenAPI document served at {@code /openapi.json} describes exactly the routes the server registers: the same
 * methods and paths, every path parameter declared, every schema reference resolved, every route answering (not the
 * 404 of an unknown route).
 */
class OpenApiTest {
  @TempDir static Path dir;
  static ServerFixture server;
  static JsonNode doc;
  static List<Route> routes;

  @BeforeAll
  static void start() throws Exception {
    server = ServerFixture.start(dir);
    Response r = server.get("/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    doc = r.json();
    routes = server.server.routes();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void documents_exactly_the_registered_routes() {
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    Set<String> registered = new TreeSet<>();
    for (Route r : routes) {
      registered.add(r.method() + " " + r.path());
    }
    assertThat(documented).isEqualTo(registered);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
  }

  @Test
  void declares_every_path_parameter_and_describes_every_answer() {
    Pattern param = Pattern.compile("\\{(\\w+)}");
    for (Route r : routes) {
      JsonNode op = doc.get("paths").get(r.path()).get(r.method().toLowerCase(Locale.ROOT));
      Matcher m = param.matcher(r.path());
      while (m.find()) {
        boolean declared = false;
        for (JsonNode p : op.path("parameters")) {
          declared |= p.get("in").asText().equals("path") && p.get("name").asText().equals(m.group(1));
        }
        assertThat(declared).as("%s %s declares path parameter %s", r.method(), r.path(), m.group(1)).isTrue();
      }
      assertThat(op.get("summary").asText()).isNotBlank();
      assertThat(op.get("responses").fieldNames().next()).as("%s %s", r.method(), r.path()).matches("2\\d\\d");
    }
  }

  @Test
  void every_schema_reference_resolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertThat(doc.get("components").get("schemas").has(ref.substring("#/components/schemas/".length())))
          .as(ref).isTrue();
    }
  }

  @Test
  void every_documented_route_is_answered_by_the_server() {
    for (Route r : routes) {
      String path = r.path().replace("{id}", "1");
      Response answer = r.method().equals("GET") ? server.get(path) : server.post(path, "{}");
      boolean unknownRoute = answer.status() == 404 && answer.body().contains("no route");
      assertThat(unknownRoute).as("%s %s -> %s", r.method(), path, answer).isFalse();
      assertThat(answer.status()).as("%s %s -> %s", r.method(), path, answer).isLessThan(500);
    }
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        out.add(node.get("$ref").asText());
      }
      node.elements().forEachRemaining(child -> collectRefs(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, out));
    }
  }
}
