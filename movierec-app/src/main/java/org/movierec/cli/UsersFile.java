package org.movierec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.User;

/**
 * Reads the users of {@code recommend --users-file}: one a line in the {@code users.dat} format, with its rules
 * (gender M or F, age 1, 18, 25, 35, 45, 50 or 56, occupation 0..20); the zip code may be left out. Every error names
 * the file, the line and the field.
 */
final class UsersFile {
  static final String FORMAT = "UserID::Gender::Age::Occupation::Zip-code";

  private UsersFile() {}

  /** The users of the file, in file order; a user id may appear on several lines. */
  static List<User> read(Path file) {
    List<User> users = new ArrayList<>();
    new DatLines(file, FORMAT).forEach(line -> users.add(parse(line)));
    return users;
  }

  /**
   * The users of the file by id, in file order, for commands where a line describes the user of an id (predict): an
   * id on two lines is an error naming both.
   */
  static Map<Integer, User> readOnePerId(Path file) {
    Map<Integer, User> users = new LinkedHashMap<>();
    Map<Integer, Integer> lineOf = new HashMap<>();
    new DatLines(file, FORMAT).forEach(line -> {
      User user = parse(line);
      Integer first = lineOf.putIfAbsent(user.id(), line.number());
      if (first != null) {
        throw line.error(0, "user id", "user " + user.id() + " is also on line " + first + "; give each user one"
            + " line");
      }
      users.put(user.id(), user);
    });
    return users;
  }

  private static User parse(DatLines.Line line) {
    line.requireFields(4, 5);
    int id = line.positiveInt(0, "user id");
    Gender gender = field(line, 1, "gender", Gender::fromFile);
    AgeGroup age = field(line, 2, "age", AgeGroup::fromFile);
    String job = line.field(3).trim();
    if (!job.matches("\\d{1,2}") || Integer.parseInt(job) >= Occupation.values().length) {
      throw line.error(3, "occupation", "expected an integer 0.." + (Occupation.values().length - 1) + " ("
          + Occupation.validChoices() + "), got '" + line.field(3) + "'");
    }
    String zip = line.fields() == 5 ? line.field(4).trim() : "";
    return new User(id, gender, age, Occupation.ofCode(Integer.parseInt(job)), zip);
  }

  /** A field read by the data loader's own rule, its complaint turned into one naming file, line and field. */
  private static <T> T field(DatLines.Line line, int index, String name, Function<String, T> parse) {
    try {
      return parse.apply(line.field(index).trim());
    } catch (IllegalArgumentException e) {
      throw line.error(index, name, e.getMessage());
    }
  }
}
