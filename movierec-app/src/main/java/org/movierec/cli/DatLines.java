package org.movierec.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a text file of {@code ::}-separated fields, MovieLens style (ISO-8859-1), line by line, so that every error can
 * name the file, the line and the field. Blank lines are allowed at the end of the file only; a file without a single
 * line of data is refused.
 */
final class DatLines {
  private final Path file;
  private final String format;

  /**
   * @param file the file to read
   * @param format what a line holds, for error messages ({@code UserID::MovieID[::...]})
   */
  DatLines(Path file, String format) {
    this.file = file;
    this.format = format;
  }

  /** One line of data. */
  final class Line {
    private final int number;
    private final String text;
    private final List<String> fields;

    private Line(int number, String text) {
      this.number = number;
      this.text = text;
      this.fields = split(text);
    }

    int number() {
      return number;
    }

    int fields() {
      return fields.size();
    }

    String field(int i) {
      return fields.get(i);
    }

    /** Fails unless the line has {@code min..max} fields. */
    void requireFields(int min, int max) {
      if (fields.size() < min || fields.size() > max) {
        String expected = min == max ? Integer.toString(min) : max == Integer.MAX_VALUE ? "at least " + min
            : min + " or " + max;
        throw error("expected " + expected + " fields separated by '::' (" + format + "), got " + fields.size()
            + ": '" + text + "'");
      }
    }

    /** Field {@code i} (0-based) as a positive integer. */
    int positiveInt(int i, String name) {
      String s = fields.get(i).trim();
      if (s.matches("\\d{1,10}")) {
        long value = Long.parseLong(s);
        if (value >= 1 && value <= Integer.MAX_VALUE) {
          return (int) value;
        }
      }
      throw error(i, name, "expected a positive integer, got '" + fields.get(i) + "'");
    }

    IllegalArgumentException error(int i, String name, String message) {
      return new IllegalArgumentException(file + " line " + number + ", field " + (i + 1) + " (" + name + "): "
          + message);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(file + " line " + number + ": " + message);
    }
  }

  /** Hands every line of data to {@code action}, in order; what {@code action} throws stops the reading. */
  void forEach(Consumer<Line> action) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException("cannot read " + file + ": it is a directory, expected a file of lines "
          + format);
    }
    int number = 0;
    int firstBlank = 0;
    int data = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String text; (text = in.readLine()) != null; ) {
        number++;
        if (text.isBlank()) {
          firstBlank = firstBlank == 0 ? number : firstBlank;
          continue;
        }
        if (firstBlank != 0) {
          throw new IllegalArgumentException(file + " line " + firstBlank + ": blank line; expected " + format
              + " (blank lines are allowed only at the end of the file)");
        }
        data++;
        action.accept(new Line(number, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (data == 0) {
      throw new IllegalArgumentException(file + " is empty; expected lines of " + format);
    }
  }

  private static List<String> split(String text) {
    List<String> fields = new ArrayList<>();
    int start = 0;
    for (int sep; (sep = text.indexOf("::", start)) >= 0; start = sep + 2) {
      fields.add(text.substring(start, sep));
    }
    fields.add(text.substring(start));
    return fields;
  }
}
