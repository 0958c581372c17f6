package org.movierec.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.User;

/**
 * Reads the catalog and features parts token by token (Jackson's streaming parser) rather than through data binding:
 * in a JVM that has just started, binding the 10,000 records of the catalog took 160 ms, the streaming read a fraction
 * of it. Only the exact layout {@link ModelJson} writes is read here: any other field, a missing one, a null or a
 * value of another type makes {@link #catalog} and {@link #features} return null, and the caller binds the part as
 * before, so that what is accepted and what it means stays {@link ModelJson}'s.
 */
final class ModelJsonStream {
  private ModelJsonStream() {}

  /** Thrown inside this class for anything but the expected layout; never escapes it. */
  private static final class Unexpected extends Exception {
    Unexpected() {
      super(null, null, false, false);
    }
  }

  /** The catalog, as {@link ModelFiles#readCatalog}; null for any other layout. */
  static Catalog catalog(byte[] json) throws IOException {
    try (JsonParser p = ModelFiles.JSON.getFactory().createParser(json)) {
      Map<Integer, Movie> movies = null;
      Map<Integer, User> users = null;
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        expect(p.nextToken(), JsonToken.START_ARRAY);
        switch (field) {
          case "movies" -> movies = movies(p);
          case "users" -> users = users(p);
          default -> throw new Unexpected();
        }
      }
      expect(p.currentToken(), JsonToken.END_OBJECT);
      if (movies == null || users == null || p.nextToken() != null) {
        return null;
      }
      return new Catalog(movies, users);
    } catch (Unexpected e) {
      return null;
    }
  }

  /** The features part, as {@link ModelJson#readFeatures}; null for any other layout. */
  static ModelJson.FeaturesJson features(byte[] json) throws IOException {
    try (JsonParser p = ModelFiles.JSON.getFactory().createParser(json)) {
      int[] userIds = null;
      int[] movieIds = null;
      List<String> titleWords = null;
      Integer titleLength = null;
      String objective = null;
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "userIds" -> userIds = ints(p, value);
          case "movieIds" -> movieIds = ints(p, value);
          case "titleWords" -> titleWords = strings(p, value);
          case "titleLength" -> titleLength = integer(p, value);
          case "objective" -> objective = text(p, value);
          default -> throw new Unexpected();
        }
      }
      expect(p.currentToken(), JsonToken.END_OBJECT);
      if (userIds == null || movieIds == null || titleWords == null || titleLength == null || objective == null
          || p.nextToken() != null) {
        return null;
      }
      return new ModelJson.FeaturesJson(userIds, movieIds, titleWords, titleLength, objective);
    } catch (Unexpected e) {
      return null;
    }
  }

  private static Map<Integer, Movie> movies(JsonParser p) throws IOException, Unexpected {
    Map<String, Genre> genreOf = new HashMap<>();
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      Integer id = null;
      Integer year = null;
      String title = null;
      Set<Genre> genres = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = integer(p, value);
          case "title" -> title = text(p, value);
          case "year" -> year = integer(p, value);
          case "genres" -> {
            genres = new HashSet<>();
            for (String label : strings(p, value)) {
              genres.add(genreOf.computeIfAbsent(label, Genre::parse));
            }
          }
          default -> throw new Unexpected();
        }
      }
      if (id == null || title == null || year == null || genres == null) {
        throw new Unexpected();
      }
      movies.put(id, new Movie(id, title, year, genres));
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    return movies;
  }

  private static Map<Integer, User> users(JsonParser p) throws IOException, Unexpected {
    Map<Integer, User> users = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      Integer id = null;
      Integer age = null;
      Integer occupation = null;
      String gender = null;
      String zip = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = integer(p, value);
          case "gender" -> gender = text(p, value);
          case "age" -> age = integer(p, value);
          case "occupation" -> occupation = integer(p, value);
          case "zip" -> zip = text(p, value);
          default -> throw new Unexpected();
        }
      }
      if (id == null || gender == null || age == null || occupation == null || zip == null) {
        throw new Unexpected();
      }
      users.put(id, new User(id, Gender.parse(gender), AgeGroup.ofYears(age), Occupation.ofCode(occupation), zip));
    }
    expect(p.currentToken(), JsonToken.END_ARRAY);
    return users;
  }

  private static int[] ints(JsonParser p, JsonToken value) throws IOException, Unexpected {
    expect(value, JsonToken.START_ARRAY);
    int[] out = new int[64];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
      if (n == out.length) {
        out = Arrays.copyOf(out, 2 * n);
      }
      out[n++] = intValue(p);
    }
    expect(t, JsonToken.END_ARRAY);
    return Arrays.copyOf(out, n);
  }

  private static List<String> strings(JsonParser p, JsonToken value) throws IOException, Unexpected {
    expect(value, JsonToken.START_ARRAY);
    List<String> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
      out.add(p.getText());
    }
    expect(t, JsonToken.END_ARRAY);
    return out;
  }

  private static int integer(JsonParser p, JsonToken value) throws IOException, Unexpected {
    expect(value, JsonToken.VALUE_NUMBER_INT);
    return intValue(p);
  }

  private static int intValue(JsonParser p) throws IOException, Unexpected {
    if (p.getNumberType() != JsonParser.NumberType.INT) {
      throw new Unexpected();
    }
    return p.getIntValue();
  }

  private static String text(JsonParser p, JsonToken value) throws IOException, Unexpected {
    expect(value, JsonToken.VALUE_STRING);
    return p.getText();
  }

  private static void expect(JsonToken actual, JsonToken expected) throws Unexpected {
    if (actual != expected) {
      throw new Unexpected();
    }
  }
}
