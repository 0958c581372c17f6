package org.movierec.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;

/**
 * JSON request bodies, read field by field so that each mistake is a 400 naming its place ({@code ratings[2].stars})
 * and the valid values: a body that is not JSON, of another content type (415), a missing or unknown field, a value
 * of the wrong kind or out of range. Bodies are bounded by the server ({@code 413} beyond).
 */
final class Bodies {
  static final ObjectMapper MAPPER = JsonMapper.builder().build();
  /** The most ratings or pairs one request may carry. */
  static final int MAX_ITEMS = 1_000;

  private Bodies() {}

  /** What {@code POST /api/recommendations} asks: who (demographics, ratings), how many, which movies. */
  record RecommendBody(User demographics, List<RatedMovie> ratings, int k, ItemFilter filter) {}

  /** A new user's demographics: {@code age}, {@code gender}, {@code job}, and an optional {@code zip}. */
  record NewUserBody(User user) {}

  /** A movie the model never saw: a title with its year, and genres. */
  record NewMovieBody(String title, Set<Genre> genres) {}

  /** The body as JSON: 415 unless its content type is JSON, 400 when it does not parse. */
  static JsonNode json(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Content-Type", "the body must be JSON, sent with Content-Type: application/json;"
          + " got " + (type == null ? "no Content-Type" : "'" + type + "'"), "application/json");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.badRequest("body", "the body is empty; expected JSON", null);
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("body", "the body is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")"), null);
    } catch (IOException e) {
      throw ApiException.badRequest("body", "the body cannot be read: " + e.getMessage(), null);
    }
  }

  static RecommendBody recommend(JsonNode body) {
    object(body, "body", Set.of("age", "gender", "job", "ratings", "k", "genres", "years"));
    List<RatedMovie> ratings = body.has("ratings") ? ratings(body.get("ratings"), "ratings") : List.of();
    boolean described = body.has("age") || body.has("gender") || body.has("job");
    User who = described
        ? Params.demographics(text(body, "age"), text(body, "gender"), text(body, "job"), "")
        : DEFAULT_USER;
    if (!described && ratings.isEmpty()) {
      throw ApiException.badRequest("body", "describe the user: age, gender and job, and/or the movies they rated"
          + " (ratings: [{\"movieId\": 1, \"stars\": 5}])", "age, gender, job, ratings");
    }
    int k = body.has("k") ? Params.checkRange("k", whole(body.get("k"), "k"), 1, Params.MAX_K) : Params.DEFAULT_K;
    List<String> genres = new ArrayList<>();
    if (body.has("genres")) {
      JsonNode g = body.get("genres");
      if (!g.isArray()) {
        throw ApiException.badRequest("genres", "genres must be an array of genre names", Genre.validChoices());
      }
      for (int i = 0; i < g.size(); i++) {
        if (!g.get(i).isTextual()) {
          throw ApiException.badRequest("genres[" + i + "]", "a genre must be a name", Genre.validChoices());
        }
        genres.add(g.get(i).asText());
      }
    }
    String years = body.has("years") ? string(body.get("years"), "years") : null;
    return new RecommendBody(who, ratings, k, Params.filter(genres, years));
  }

  /**
   * Who a request describes by its ratings alone is read with these demographics: the most common of MovieLens 1M
   * (male, 25-34) and no occupation given ("other"); the response says which were used.
   */
  static final User DEFAULT_USER = User.newUser(Gender.M, AgeGroup.parse("25-34"), Occupation.OTHER);

  static NewUserBody newUser(JsonNode body) {
    object(body, "body", Set.of("age", "gender", "job", "zip"));
    User u = Params.demographics(text(body, "age"), text(body, "gender"), text(body, "job"), "");
    String zip = body.has("zip") ? string(body.get("zip"), "zip") : "";
    if (zip.length() > 20) {
      throw ApiException.badRequest("zip", "zip must be at most 20 characters, got " + zip.length(), null);
    }
    return new NewUserBody(new User(0, u.gender(), u.age(), u.occupation(), zip));
  }

  static NewMovieBody newMovie(JsonNode body) {
    object(body, "body", Set.of("title", "genres"));
    String title = Params.required("title", text(body, "title"), "a title ending with its year, like 'My Film (2024)'");
    if (title.length() > 200 || !title.trim().matches(".*\\(\\d{4}\\)$")) {
      throw ApiException.badRequest("title", "title must end with the year in parentheses and be at most 200"
          + " characters, got '" + title + "'", "a title ending with its year, like 'My Film (2024)'");
    }
    JsonNode g = body.get("genres");
    if (g == null || !g.isArray() || g.isEmpty()) {
      throw ApiException.badRequest("genres", "genres must be a non-empty array of genre names",
          Genre.validChoices());
    }
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    for (int i = 0; i < g.size(); i++) {
      genres.add(Params.parse("genres[" + i + "]", string(g.get(i), "genres[" + i + "]"), Genre::parse,
          Genre.validChoices()));
    }
    return new NewMovieBody(title.trim(), genres);
  }

  /** A non-empty array of {@code {movieId, stars}}, each movie once. */
  static List<RatedMovie> ratings(JsonNode array, String field) {
    if (array == null || !array.isArray()) {
      throw ApiException.badRequest(field.isEmpty() ? "body" : field, "expected an array of ratings like"
          + " [{\"movieId\": 1, \"stars\": 5}]", "[{\"movieId\": M, \"stars\": 1..5}]");
    }
    if (array.size() > MAX_ITEMS) {
      throw ApiException.badRequest(field.isEmpty() ? "body" : field, "at most " + MAX_ITEMS + " ratings a request,"
          + " got " + array.size(), "1.." + MAX_ITEMS + " ratings");
    }
    List<RatedMovie> out = new ArrayList<>(array.size());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String at = field + "[" + i + "]";
      JsonNode r = array.get(i);
      object(r, at, Set.of("movieId", "stars"));
      int movie = whole(need(r, "movieId", at), at + ".movieId");
      if (movie < 1) {
        throw ApiException.badRequest(at + ".movieId", "movieId must be positive, got: " + movie, "a movie id");
      }
      int stars = Params.checkRange(at + ".stars", whole(need(r, "stars", at), at + ".stars"), 1, 5);
      if (!seen.add(movie)) {
        throw ApiException.badRequest(at + ".movieId", "movie " + movie + " is rated twice in this request; rate"
            + " each movie once", null);
      }
      out.add(new RatedMovie(movie, stars));
    }
    return out;
  }

  /** {@code [{userId, movieId}, ...]}, 1..{@value #MAX_ITEMS} pairs. */
  static List<int[]> pairs(JsonNode array) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw ApiException.badRequest("body", "expected a non-empty array of pairs like [{\"userId\": 1, \"movieId\":"
          + " 2}]", "[{\"userId\": U, \"movieId\": M}]");
    }
    if (array.size() > MAX_ITEMS) {
      throw ApiException.badRequest("body", "at most " + MAX_ITEMS + " pairs a request, got " + array.size(),
          "1.." + MAX_ITEMS + " pairs");
    }
    List<int[]> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String at = "[" + i + "]";
      object(array.get(i), at, Set.of("userId", "movieId"));
      out.add(new int[] {whole(need(array.get(i), "userId", at), at + ".userId"),
          whole(need(array.get(i), "movieId", at), at + ".movieId")});
    }
    return out;
  }

  private static void object(JsonNode node, String at, Set<String> fields) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(at, at + " must be a JSON object with fields " + String.join(", ",
          sorted(fields)), String.join(", ", sorted(fields)));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        String place = at.equals("body") ? name : at + "." + name;
        throw ApiException.badRequest(place, "unknown field '" + name + "'", String.join(", ", sorted(fields)));
      }
    }
  }

  private static List<String> sorted(Set<String> fields) {
    return fields.stream().sorted().toList();
  }

  private static JsonNode need(JsonNode object, String name, String at) {
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(at + "." + name, name + " is required", null);
    }
    return v;
  }

  /** A field's value as text (numbers too), or null when absent. */
  private static String text(JsonNode object, String name) {
    JsonNode v = object.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw ApiException.badRequest(name, name + " must be a string or a number, got " + v.getNodeType(), null);
    }
    return v.asText();
  }

  private static String string(JsonNode v, String field) {
    if (v == null || !v.isTextual()) {
      throw ApiException.badRequest(field, field + " must be a string", null);
    }
    return v.asText();
  }

  private static int whole(JsonNode v, String field) {
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw ApiException.badRequest(field, field + " must be a whole number, got " + v, null);
    }
    return v.intValue();
  }
}
