package org.movierec.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Supplier;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Occupation;
import org.movierec.index.YearRange;
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

  private static <T> T parse(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
