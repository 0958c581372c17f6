package org.movierec.server;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.YearRange;

/**
 * The values of query and path parameters, read and checked: each bad value is a 400 naming the parameter and its
 * valid values. The command line's codes and readable values are accepted alike ({@code age=25} or {@code 25-34},
 * {@code gender=F} or {@code female}, {@code job=programmer} or {@code 12}).
 */
final class Params {
  static final int MAX_K = 100;
  static final int DEFAULT_K = 10;
  static final int MAX_LIMIT = 100;
  static final String AGES = "a bucket code 0..6, an age in years 7..130, or a label (under 18, 18-24, 25-34, 35-44,"
      + " 45-49, 50-55, 56+)";
  static final String GENDERS = "M, F (or male, female, 0, 1)";

  private Params() {}

  /** {@code k}: 1..100, {@value #DEFAULT_K} when absent. */
  static int k(Context ctx) {
    return intInRange("k", ctx.queryParam("k"), 1, MAX_K, DEFAULT_K);
  }

  /** {@code limit}: 1..100, {@code fallback} when absent. */
  static int limit(Context ctx, int fallback) {
    return intInRange("limit", ctx.queryParam("limit"), 1, MAX_LIMIT, fallback);
  }

  static int intInRange(String field, String text, int min, int max, int fallback) {
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(field, field + " must be a whole number " + min + ".." + max + ", got '" + text
          + "'", min + ".." + max);
    }
    return checkRange(field, value, min, max);
  }

  static int checkRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw ApiException.badRequest(field, field + " must be " + min + ".." + max + ", got: " + value,
          min + ".." + max);
    }
    return value;
  }

  /** A path id: a positive whole number. */
  static int id(Context ctx, String name) {
    String text = ctx.pathParam(name);
    try {
      int id = Integer.parseInt(text);
      if (id >= 1) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest(name, name + " must be a positive whole number, got '" + text + "'",
        "1.." + Integer.MAX_VALUE);
  }

  /** The filter of {@code genre} (repeated or comma-separated: any of them) and {@code years}. */
  static ItemFilter filter(Context ctx) {
    return filter(ctx.queryParams("genre"), ctx.queryParam("years"));
  }

  static ItemFilter filter(List<String> genreValues, String years) {
    ItemFilter filter = ItemFilter.NONE;
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    for (String value : genreValues) {
      for (String g : value.split(",")) {
        if (!g.isBlank()) {
          genres.add(parse("genre", g, Genre::parse, Genre.validChoices()));
        }
      }
    }
    if (!genres.isEmpty()) {
      filter = filter.withGenres(genres);
    }
    if (years != null && !years.isBlank()) {
      filter = parse("years", years, YearRange::parse, YearRange.FORMS).applyTo(filter);
    }
    return filter;
  }

  /** A new user from the {@code age}, {@code gender} and {@code job} query parameters, all three required. */
  static User demographics(Context ctx) {
    return demographics(ctx.queryParam("age"), ctx.queryParam("gender"), ctx.queryParam("job"), "");
  }

  static User demographics(String age, String gender, String job, String prefix) {
    AgeGroup a = parse(prefix + "age", required(prefix + "age", age, AGES), AgeGroup::parse, AGES);
    Gender g = parse(prefix + "gender", required(prefix + "gender", gender, GENDERS), Gender::parse, GENDERS);
    Occupation o = parse(prefix + "job", required(prefix + "job", job, Occupation.validChoices()), Occupation::parse,
        Occupation.validChoices());
    return User.newUser(g, a, o);
  }

  static String required(String field, String value, String valid) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(field, field + " is required", valid);
    }
    return value;
  }

  /** The value parsed, or a 400 with the parser's message (which names the value) and the valid values. */
  static <T> T parse(String field, String text, Function<String, T> parser, String valid) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(field, e.getMessage(), valid);
    }
  }
}
