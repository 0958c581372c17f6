package org.movierec.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Picocli converters for the values users type. Each delegates to the data type's own {@code parse}, whose message
 * lists the valid choices, so the command line and every other input accept and reject the same things.
 */
final class Converters {
  private Converters() {}

  static final class GenderConverter implements ITypeConverter<Gender> {
    @Override
    public Gender convert(String value) {
      return parse(() -> Gender.parse(value));
    }
  }

  static final class AgeConverter implements ITypeConverter<AgeGroup> {
    @Override
    public AgeGroup convert(String value) {
      return parse(() -> AgeGroup.parse(value));
    }
  }

  static final class OccupationConverter implements ITypeConverter<Occupation> {
    @Override
    public Occupation convert(String value) {
      return parse(() -> Occupation.parse(value));
    }
  }

  static final class GenreConverter implements ITypeConverter<Genre> {
    @Override
    public Genre convert(String value) {
      return parse(() -> Genre.parse(value));
    }
  }

  static final class YearRangeConverter implements ITypeConverter<YearRange> {
    @Override
    public YearRange convert(String value) {
      return parse(() -> YearRange.parse(value));
    }
  }

  /** The occupations' names in code order, for help and shell completion. */
  static final class OccupationNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Occupation.values()).map(Occupation::label).iterator();
    }
  }

  /** The genres' names, for help and shell completion. */
  static final class GenreNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Genre.values()).map(Genre::label).iterator();
    }
  }

  /**
   * Release years, both ends inclusive; 0 leaves an end open.
   *
   * @param min the earliest year, or 0
   * @param max the latest year, or 0
   */
  record YearRange(int min, int max) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})?\\s*(-)?\\s*(\\d{4})?");

    /** {@code 1990-1999}, {@code 1990-} (from 1990), {@code -1999} (up to 1999) or {@code 1995} (that year). */
    static YearRange parse(String text) {
      Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
      if (!m.matches() || (m.group(1) == null && m.group(3) == null) || (m.group(2) == null && m.group(3) != null)) {
        throw new IllegalArgumentException("expected years like 1990-1999, 1990- (from 1990), -1999 (up to 1999) or"
            + " 1995, got '" + text + "'");
      }
      int min = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      int max = m.group(3) == null ? (m.group(2) == null ? min : 0) : Integer.parseInt(m.group(3));
      if (min > 0 && max > 0 && min > max) {
        throw new IllegalArgumentException("the first year must not be after the second, got '" + text + "'");
      }
      return new YearRange(min, max);
    }
  }

  private static <T> T parse(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
