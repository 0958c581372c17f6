package org.movierec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TinyMovieLens} grown for the ncf protocol, which samples 99 movies each test user never rated: 100 more
 * movies, each rated by two users, so that 130 movies have ratings and each user has rated 30. {@link #timestamps}
 * lists every rating of users 1 to {@value #STAMPED_USERS} with a timestamp, as the shared ml-1m-timestamps file does
 * for users 1 to 2999.
 */
final class EvaluationData {
  static final int MOVIES = 130;
  static final int STAMPED_USERS = 10;

  final Path dir;
  final Path timestamps;

  private EvaluationData(Path dir, Path timestamps) {
    this.dir = dir;
    this.timestamps = timestamps;
  }

  static EvaluationData write(Path root, long seed) throws IOException {
    TinyMovieLens tiny = TinyMovieLens.write(root.resolve("ml-eval"), seed);
    StringBuilder movies = new StringBuilder();
    StringBuilder ratings = new StringBuilder();
    for (int m = TinyMovieLens.MOVIES + 1; m <= MOVIES; m++) {
      movies.append(m).append("::Second Feature Number ").append(m).append(" (19").append(70 + m % 30)
          .append(")::").append(m % 2 == 0 ? "Drama" : "Comedy").append('\n');
      int first = (m - 31) % TinyMovieLens.USERS + 1;
      int second = (m - 31 + 7) % TinyMovieLens.USERS + 1;
      ratings.append(first).append("::").append(m).append("::").append(3 + m % 3).append('\n');
      ratings.append(second).append("::").append(m).append("::").append(2 + m % 4).append('\n');
    }
    Files.writeString(tiny.dir.resolve("movies.dat"), movies, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    Files.writeString(tiny.dir.resolve("ratings.dat"), ratings, StandardCharsets.ISO_8859_1,
        StandardOpenOption.APPEND);
    List<String> stamped = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(tiny.dir.resolve("ratings.dat"), StandardCharsets.ISO_8859_1)) {
      int user = Integer.parseInt(line.substring(0, line.indexOf("::")));
      if (user <= STAMPED_USERS) {
        stamped.add(line + "::" + (978_300_000L + 1_000L * user + n++));
      }
    }
    Path timestamps = root.resolve("timestamps.dat");
    Files.write(timestamps, stamped, StandardCharsets.ISO_8859_1);
    return new EvaluationData(tiny.dir, timestamps);
  }
}
