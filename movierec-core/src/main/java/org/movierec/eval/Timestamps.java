package org.movierec.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.movierec.data.IdIndex;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;

/**
 * Attaches timestamps to ratings that lack them. The shared MovieLens 1M copy has no timestamps, but the leave-latest-
 * out protocol needs them; a file of {@code UserID::MovieID::Rating::Timestamp} lines (such as the official first
 * 487,650 lines, users 1 to 2999) supplies them for the ratings it covers. Data that already has timestamps (the
 * official download) needs none of this.
 */
public final class Timestamps {
  private static final String FORMAT = "UserID::MovieID::Rating::Timestamp";

  private Timestamps() {}

  /**
   * The same ratings, in the same order, with the timestamp of every rating the file lists; the others keep theirs
   * (usually {@link Rating#NO_TIMESTAMP}). The file is read as ISO-8859-1; a line may end in {@code \r\n} and the file
   * may end with empty lines.
   *
   * @throws IllegalArgumentException naming the file, the 1-based line and the field, if a line is malformed, lists a
   *     (user, movie) that the ratings do not have, gives other stars than the ratings, repeats an earlier line's
   *     (user, movie), or gives another timestamp than one the ratings already have
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Ratings merge(Ratings ratings, Path timestampedRatingsFile) {
    long[] timestamps = new long[ratings.size()];
    for (int row = 0; row < timestamps.length; row++) {
      timestamps[row] = ratings.timestamp(row);
    }
    RowsByPair rows = new RowsByPair(ratings);
    int[] lineOfRow = new int[ratings.size()]; // the 1-based line that listed each row, or 0
    String name = timestampedRatingsFile.toString();
    try (BufferedReader in = Files.newBufferedReader(timestampedRatingsFile, StandardCharsets.ISO_8859_1)) {
      int number = 0;
      int blankAt = 0;
      String line;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          blankAt = blankAt == 0 ? number : blankAt;
          continue;
        }
        if (blankAt != 0) {
          throw new IllegalArgumentException(name + " line " + blankAt + ": blank line; expected " + FORMAT
              + " (blank lines are allowed only at the end of the file)");
        }
        String[] fields = line.split("::", -1);
        if (fields.length != 4) {
          throw new IllegalArgumentException(name + " line " + number + ": expected 4 fields separated by '::' ("
              + FORMAT + "), got " + fields.length + ": '" + line + "'");
        }
        int user = (int) parse(name, number, fields, 0, "user id", 1, Integer.MAX_VALUE);
        int movie = (int) parse(name, number, fields, 1, "movie id", 1, Integer.MAX_VALUE);
        int stars = (int) parse(name, number, fields, 2, "rating", 1, 5);
        long timestamp = parse(name, number, fields, 3, "timestamp", 0, Long.MAX_VALUE);
        int row = rows.find(user, movie);
        if (row < 0) {
          throw new IllegalArgumentException(name + " line " + number + ": the data has no rating of movie " + movie
              + " by user " + user);
        }
        if (ratings.stars(row) != stars) {
          throw new IllegalArgumentException(name + " line " + number + ", field 3 (rating): user " + user
              + " rated movie " + movie + " " + ratings.stars(row) + " stars in the data, the file says " + stars);
        }
        if (lineOfRow[row] != 0) {
          throw new IllegalArgumentException(name + " line " + number + ": movie " + movie + " by user " + user
              + " again, first on line " + lineOfRow[row]);
        }
        if (timestamps[row] != Rating.NO_TIMESTAMP && timestamps[row] != timestamp) {
          throw new IllegalArgumentException(name + " line " + number + ", field 4 (timestamp): the data already has"
              + " timestamp " + timestamps[row] + " for movie " + movie + " by user " + user + ", the file says "
              + timestamp);
        }
        lineOfRow[row] = number;
        timestamps[row] = timestamp;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name + ": " + e, e);
    }
    Ratings.Builder out = new Ratings.Builder(ratings.size());
    for (int row = 0; row < ratings.size(); row++) {
      out.add(ratings.userId(row), ratings.movieId(row), ratings.stars(row), timestamps[row]);
    }
    return out.build();
  }

  /** The number of users with at least one rating, all of whose ratings have a timestamp. */
  public static int usersWithTimestamps(Ratings ratings) {
    int users = 0;
    for (int[] rows : Protocols.rowsByUser(ratings)) {
      boolean all = true;
      for (int row : rows) {
        all &= ratings.timestamp(row) != Rating.NO_TIMESTAMP;
      }
      users += all ? 1 : 0;
    }
    return users;
  }

  private static long parse(String file, int line, String[] fields, int field, String what, long min, long max) {
    String text = fields[field];
    long value = -1;
    if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      value = Long.parseLong(text);
    }
    if (value < min || value > max) {
      String expected = max == Long.MAX_VALUE ? "a non-negative integer"
          : max == Integer.MAX_VALUE ? "a positive integer" : "an integer " + min + ".." + max;
      throw new IllegalArgumentException(file + " line " + line + ", field " + (field + 1) + " (" + what
          + "): expected " + expected + ", got '" + text + "'");
    }
    return value;
  }

  /** Finds the row of a (user, movie) pair: per user, (movie id, row) pairs packed in longs, ascending. */
  private static final class RowsByPair {
    private final IdIndex users;
    private final long[][] byUser;

    RowsByPair(Ratings ratings) {
      int[] ids = new int[ratings.size()];
      for (int row = 0; row < ids.length; row++) {
        ids[row] = ratings.userId(row);
      }
      users = IdIndex.of(ids);
      int[][] rowsByUser = Protocols.rowsByUser(ratings); // users ascending, as the rows of the index
      byUser = new long[rowsByUser.length][];
      for (int u = 0; u < rowsByUser.length; u++) {
        long[] packed = new long[rowsByUser[u].length];
        for (int i = 0; i < packed.length; i++) {
          int row = rowsByUser[u][i];
          packed[i] = ((long) ratings.movieId(row) << 32) | row;
        }
        Arrays.sort(packed);
        byUser[u] = packed;
      }
    }

    /** The row of the user's rating of the movie, or -1. */
    int find(int user, int movie) {
      int u = users.row(user);
      if (u == 0) {
        return -1;
      }
      long[] packed = byUser[u - 1];
      int i = Arrays.binarySearch(packed, (long) movie << 32);
      i = i < 0 ? -i - 1 : i;
      return i < packed.length && (int) (packed[i] >>> 32) == movie ? (int) packed[i] : -1;
    }
  }
}
