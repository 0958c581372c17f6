package org.movierec.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads MovieLens 1M from a directory holding {@code movies.dat}, {@code users.dat} and {@code ratings.dat}
 * (ISO-8859-1, fields separated by {@code ::}).
 *
 * <p>The loader is strict: every malformed line is an {@link IllegalArgumentException} naming the file, the 1-based
 * line and the field, never a silent skip. The timestamp of {@code ratings.dat} is optional (copies without it
 * circulate), but a file has it on every line or on none. A file may end with empty lines; an empty line followed by
 * data is an error. A line may end in {@code \r\n}.
 */
public final class MovieLens {
  public static final String MOVIES_FILE = "movies.dat";
  public static final String USERS_FILE = "users.dat";
  public static final String RATINGS_FILE = "ratings.dat";

  private static final String HOW_TO_GET_DATA = "Run `movierec quickstart` to download it, or pass --data DIR"
      + " pointing at an unzipped ml-1m from https://grouplens.org/datasets/movielens/1m/";
  private static final Map<String, Genre> GENRES_BY_LABEL = new HashMap<>();

  static {
    for (Genre g : Genre.values()) {
      GENRES_BY_LABEL.put(g.label(), g);
    }
  }

  private MovieLens() {}

  /**
   * Reads the three files of {@code dir}.
   *
   * @throws IllegalArgumentException if the directory or a file is missing, the directory holds another MovieLens
   *     release, or a line is malformed (the message names file, line and field)
   * @throws UncheckedIOException if a file exists but cannot be read
   */
  public static MovieLensData load(Path dir) {
    checkLayout(dir);
    byte[] moviesBytes = read(dir.resolve(MOVIES_FILE));
    byte[] usersBytes = read(dir.resolve(USERS_FILE));
    byte[] ratingsBytes = read(dir.resolve(RATINGS_FILE));
    Map<Integer, Movie> movies = parseMovies(moviesBytes);
    Map<Integer, User> users = parseUsers(usersBytes);
    Ratings ratings = parseRatings(ratingsBytes, movies, users);
    return new MovieLensData(movies, users, ratings, sha256(moviesBytes, usersBytes, ratingsBytes));
  }

  private static void checkLayout(Path dir) {
    if (!Files.exists(dir)) {
      throw new IllegalArgumentException("no MovieLens data at " + dir.toAbsolutePath()
          + ": the directory does not exist. " + HOW_TO_GET_DATA);
    }
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no MovieLens data at " + dir.toAbsolutePath()
          + ": it is a file, not a directory. " + HOW_TO_GET_DATA);
    }
    if (Files.exists(dir.resolve("u.data")) && !Files.exists(dir.resolve(RATINGS_FILE))) {
      throw new IllegalArgumentException(dir.toAbsolutePath() + " looks like MovieLens 100K (it has u.data); only"
          + " MovieLens 1M (movies.dat, users.dat, ratings.dat) is supported so far. " + HOW_TO_GET_DATA);
    }
    for (String name : new String[] {MOVIES_FILE, USERS_FILE, RATINGS_FILE}) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        String hint = Files.isRegularFile(dir.resolve("ml-1m").resolve(name))
            ? " (did you mean " + dir.resolve("ml-1m").toAbsolutePath() + "?)"
            : "";
        throw new IllegalArgumentException("no " + name + " in " + dir.toAbsolutePath() + hint
            + "; MovieLens 1M needs movies.dat, users.dat and ratings.dat. " + HOW_TO_GET_DATA);
      }
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + e, e);
    }
  }

  private static String sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // ---- movies.dat: MovieID::Title::Genres ----

  private static Map<Integer, Movie> parseMovies(byte[] bytes) {
    Lines lines = new Lines(MOVIES_FILE, bytes, 3, "MovieID::Title::Genres");
    Map<Integer, Movie> movies = new LinkedHashMap<>();
    Map<Integer, Integer> lineOf = new HashMap<>();
    while (lines.next()) {
      lines.requireFields(3, 3);
      int id = lines.positiveInt(0, "movie id");
      Integer first = lineOf.putIfAbsent(id, lines.number());
      if (first != null) {
        throw lines.error(0, "movie id", "duplicate movie id " + id + ", first on line " + first);
      }
      String title = lines.text(1);
      if (title.isBlank()) {
        throw lines.error(1, "title", "expected a title, got '" + title + "'");
      }
      Set<Genre> genres = parseGenres(lines, lines.text(2));
      try {
        movies.put(id, Movie.of(id, title, genres));
      } catch (IllegalArgumentException e) {
        throw lines.error(1, "title", e.getMessage());
      }
    }
    lines.requireData();
    return movies;
  }

  private static Set<Genre> parseGenres(Lines lines, String field) {
    Set<Genre> genres = EnumSet.noneOf(Genre.class);
    if (field.isEmpty()) {
      throw lines.error(2, "genres", "expected at least one genre (separated by |), got ''; valid: "
          + Genre.validChoices());
    }
    int start = 0;
    while (true) {
      int bar = field.indexOf('|', start);
      String label = field.substring(start, bar < 0 ? field.length() : bar);
      Genre genre = GENRES_BY_LABEL.get(label);
      if (genre == null) {
        throw lines.error(2, "genres", "unknown genre '" + label + "' in '" + field + "'; valid (separated by |): "
            + Genre.validChoices());
      }
      genres.add(genre);
      if (bar < 0) {
        return genres;
      }
      start = bar + 1;
    }
  }

  // ---- users.dat: UserID::Gender::Age::Occupation::Zip-code ----

  private static Map<Integer, User> parseUsers(byte[] bytes) {
    Lines lines = new Lines(USERS_FILE, bytes, 5, "UserID::Gender::Age::Occupation::Zip-code");
    Map<Integer, User> users = new LinkedHashMap<>();
    Map<Integer, Integer> lineOf = new HashMap<>();
    while (lines.next()) {
      lines.requireFields(5, 5);
      int id = lines.positiveInt(0, "user id");
      Integer first = lineOf.putIfAbsent(id, lines.number());
      if (first != null) {
        throw lines.error(0, "user id", "duplicate user id " + id + ", first on line " + first);
      }
      Gender gender;
      try {
        gender = Gender.fromFile(lines.text(1));
      } catch (IllegalArgumentException e) {
        throw lines.error(1, "gender", e.getMessage());
      }
      AgeGroup age;
      try {
        age = AgeGroup.fromFile(lines.text(2));
      } catch (IllegalArgumentException e) {
        throw lines.error(2, "age", e.getMessage());
      }
      long code = lines.parseLong(3);
      if (code < 0 || code >= Occupation.values().length) {
        throw lines.error(3, "occupation", "expected an integer 0.." + (Occupation.values().length - 1) + " ("
            + Occupation.validChoices() + "), got '" + lines.text(3) + "'");
      }
      users.put(id, new User(id, gender, age, Occupation.ofCode((int) code), lines.text(4)));
    }
    lines.requireData();
    return users;
  }

  // ---- ratings.dat: UserID::MovieID::Rating[::Timestamp] ----

  private static Ratings parseRatings(byte[] bytes, Map<Integer, Movie> movies, Map<Integer, User> users) {
    IdIndex userIndex = IdIndex.of(users.keySet().stream().mapToInt(Integer::intValue).toArray());
    IdIndex movieIndex = IdIndex.of(movies.keySet().stream().mapToInt(Integer::intValue).toArray());
    Lines lines = new Lines(RATINGS_FILE, bytes, 4, "UserID::MovieID::Rating[::Timestamp]");
    int expected = lines.countLines();
    Ratings.Builder builder = new Ratings.Builder(expected);
    PairSet seen = new PairSet(expected);
    int fieldsPerLine = 0;
    while (lines.next()) {
      if (fieldsPerLine == 0) {
        lines.requireFields(3, 4);
        fieldsPerLine = lines.fields();
      } else if (lines.fields() != fieldsPerLine) {
        if (lines.fields() != 3 && lines.fields() != 4) {
          lines.requireFields(3, 4);
        }
        throw lines.error("expected " + fieldsPerLine + " fields like line 1 ("
            + (fieldsPerLine == 4 ? "with" : "without") + " a timestamp; a file has a timestamp on every line or on"
            + " none), got " + lines.fields() + ": '" + lines.line() + "'");
      }
      int userId = lines.positiveInt(0, "user id");
      int userRow = userIndex.row(userId);
      if (userRow == 0) {
        throw lines.error(0, "user id", "unknown user " + userId + ", not in " + USERS_FILE);
      }
      int movieId = lines.positiveInt(1, "movie id");
      int movieRow = movieIndex.row(movieId);
      if (movieRow == 0) {
        throw lines.error(1, "movie id", "unknown movie " + movieId + ", not in " + MOVIES_FILE);
      }
      long stars = lines.parseLong(2);
      if (stars < 1 || stars > 5) {
        throw lines.error(2, "rating", "expected an integer 1..5, got '" + lines.text(2) + "'");
      }
      long timestamp = Rating.NO_TIMESTAMP;
      if (fieldsPerLine == 4) {
        timestamp = lines.parseLong(3);
        if (timestamp < 0) {
          throw lines.error(3, "timestamp", "expected a non-negative integer (seconds since 1970), got '"
              + lines.text(3) + "'");
        }
      }
      int first = seen.putIfAbsent(((long) userRow << 32) | movieRow, lines.number());
      if (first != 0) {
        throw lines.error("duplicate rating of movie " + movieId + " by user " + userId + ", first on line " + first);
      }
      builder.add(userId, movieId, (int) stars, timestamp);
    }
    lines.requireData();
    return builder.build();
  }

  /**
   * Walks the lines of a file and splits each on {@code ::}, on the bytes, without making strings for fields that
   * parse as numbers. ISO-8859-1 maps each byte to the character of the same code, so byte offsets are char offsets.
   */
  private static final class Lines {
    private final String file;
    private final byte[] bytes;
    private final String format;
    /** starts[i], ends[i]: the bytes of field i of the current line; more fields than this are only counted. */
    private final int[] starts;
    private final int[] ends;
    private int fields;
    private int lineStart;
    private int lineEnd;
    private int next;
    private int number;
    private int dataLines;

    Lines(String file, byte[] bytes, int maxFields, String format) {
      this.file = file;
      this.bytes = bytes;
      this.format = format;
      this.starts = new int[maxFields];
      this.ends = new int[maxFields];
    }

    /** Fails for a file without a single line of data. */
    void requireData() {
      if (dataLines == 0) {
        throw new IllegalArgumentException(file + " is empty; expected lines of " + format);
      }
    }

    /** An upper bound on the number of data lines, to size buffers. */
    int countLines() {
      int n = 1;
      for (byte b : bytes) {
        if (b == '\n') {
          n++;
        }
      }
      return n;
    }

    /** Moves to the next line; false at the end of the file (where empty lines are allowed). */
    boolean next() {
      if (next >= bytes.length) {
        return false;
      }
      lineStart = next;
      int newline = indexOf((byte) '\n', lineStart, bytes.length);
      next = newline < 0 ? bytes.length : newline + 1;
      lineEnd = newline < 0 ? bytes.length : newline;
      if (lineEnd > lineStart && bytes[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      number++;
      if (isBlank(lineStart, lineEnd)) {
        if (isBlank(next, bytes.length)) {
          next = bytes.length;
          return false;
        }
        throw error("blank line; expected " + format + " (blank lines are allowed only at the end of the file)");
      }
      dataLines++;
      fields = 0;
      int start = lineStart;
      while (true) {
        int sep = indexOfSeparator(start, lineEnd);
        int end = sep < 0 ? lineEnd : sep;
        if (fields < starts.length) {
          starts[fields] = start;
          ends[fields] = end;
        }
        fields++;
        if (sep < 0) {
          return true;
        }
        start = sep + 2;
      }
    }

    int number() {
      return number;
    }

    int fields() {
      return fields;
    }

    void requireFields(int min, int max) {
      if (fields < min || fields > max) {
        String expected = min == max ? Integer.toString(min) : min + " or " + max;
        throw error("expected " + expected + " fields separated by '::' (" + format + "), got " + fields + ": '"
            + line() + "'");
      }
    }

    String line() {
      return new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
    }

    String text(int field) {
      return new String(bytes, starts[field], ends[field] - starts[field], StandardCharsets.ISO_8859_1);
    }

    int positiveInt(int field, String name) {
      long value = parseLong(field);
      if (value < 1 || value > Integer.MAX_VALUE) {
        throw error(field, name, "expected a positive integer, got '" + text(field) + "'");
      }
      return (int) value;
    }

    /** The field as a decimal number of at most 18 digits, or -1 if it is anything else (empty, signed, spaced). */
    long parseLong(int field) {
      int start = starts[field];
      int end = ends[field];
      if (end == start || end - start > 18) {
        return -1;
      }
      long value = 0;
      for (int i = start; i < end; i++) {
        int digit = bytes[i] - '0';
        if (digit < 0 || digit > 9) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }

    IllegalArgumentException error(int field, String name, String message) {
      return new IllegalArgumentException(
          file + " line " + number + ", field " + (field + 1) + " (" + name + "): " + message);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(file + " line " + number + ": " + message);
    }

    private int indexOf(byte b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (bytes[i] == b) {
          return i;
        }
      }
      return -1;
    }

    private int indexOfSeparator(int from, int to) {
      for (int i = from; i < to - 1; i++) {
        if (bytes[i] == ':' && bytes[i + 1] == ':') {
          return i;
        }
      }
      return -1;
    }

    private boolean isBlank(int from, int to) {
      for (int i = from; i < to; i++) {
        byte b = bytes[i];
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return false;
        }
      }
      return true;
    }
  }

  /** Open-addressing map from a nonzero long key to the positive line it was first seen on. */
  private static final class PairSet {
    private final long[] keys;
    private final int[] lines;
    private final int mask;

    PairSet(int expected) {
      int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
      keys = new long[capacity];
      lines = new int[capacity];
      mask = capacity - 1;
    }

    /** Records the key with its line and returns 0, or returns the line it was already recorded with. */
    int putIfAbsent(long key, int line) {
      int i = (int) mix(key) & mask;
      while (keys[i] != 0) {
        if (keys[i] == key) {
          return lines[i];
        }
        i = (i + 1) & mask;
      }
      keys[i] = key;
      lines[i] = line;
      return 0;
    }

    private static long mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 29);
    }
  }
}
