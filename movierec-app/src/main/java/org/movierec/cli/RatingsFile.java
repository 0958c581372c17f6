package org.movierec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.movierec.data.RatedMovie;
import org.movierec.model.Catalog;

/**
 * Reads {@code --ratings-file}: the ratings that describe the users of {@code --users-file}, one a line in the {@code
 * ratings.dat} format ({@code UserID::MovieID::Rating[::Timestamp]}, the timestamp read and then ignored). Every user
 * must have a line in the users file, every movie be in the model's catalog, every rating be an integer 1..5, and each
 * (user, movie) pair appear once; nothing is skipped in silence: each error names the file, the line and the field.
 */
final class RatingsFile {
  static final String FORMAT = "UserID::MovieID::Rating[::Timestamp]";

  private RatingsFile() {}

  /**
   * The ratings of each user, in file order.
   *
   * @param file the ratings file
   * @param catalog the model's catalog: every movie must be in it
   * @param users the ids of the users file's users: every user of the ratings file must be one of them
   * @param usersFile the users file, for messages
   * @return by user id, in order of first appearance; a user without ratings is absent
   */
  static Map<Integer, List<RatedMovie>> read(Path file, Catalog catalog, Set<Integer> users, Path usersFile) {
    Map<Integer, List<RatedMovie>> byUser = new LinkedHashMap<>();
    Map<Long, Integer> lineOfPair = new HashMap<>();
    new DatLines(file, FORMAT).forEach(line -> {
      line.requireFields(3, 4);
      int user = line.positiveInt(0, "user id");
      if (!users.contains(user)) {
        throw line.error(0, "user id", "user " + user + " is not in " + usersFile + "; every user of the ratings"
            + " file needs a line there (" + UsersFile.FORMAT + ")");
      }
      int movie = line.positiveInt(1, "movie id");
      if (!catalog.movies().containsKey(movie)) {
        throw line.error(1, "movie id", KnownIds.unknownMovie(movie, catalog));
      }
      String stars = line.field(2).trim();
      if (!stars.matches("[1-5]")) {
        throw line.error(2, "rating", "expected an integer 1..5, got '" + line.field(2) + "'");
      }
      if (line.fields() == 4 && !line.field(3).trim().matches("\\d{1,19}")) {
        throw line.error(3, "timestamp", "expected a non-negative integer (seconds since 1970), got '"
            + line.field(3) + "'");
      }
      Integer first = lineOfPair.putIfAbsent(((long) user << 32) | movie, line.number());
      if (first != null) {
        throw line.error("user " + user + " rates movie " + movie + " twice, on lines " + first + " and "
            + line.number() + "; give each (user, movie) pair once");
      }
      byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new RatedMovie(movie, Integer.parseInt(stars)));
    });
    return byUser;
  }
}
