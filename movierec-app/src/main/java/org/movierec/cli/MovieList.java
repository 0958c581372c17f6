package org.movierec.cli;

import java.util.ArrayList;
import java.util.List;
import org.movierec.model.Catalog;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code predict --movies}: MovieLens movie ids separated by commas ({@code 2571,260}), spaces around
 * them allowed. A movie may be given more than once (it is predicted each time).
 *
 * @param ids the movie ids, in the order given
 */
record MovieList(List<Integer> ids) {
  static final String FORMAT = "MOVIE[,MOVIE...]";

  MovieList {
    ids = List.copyOf(ids);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a movie list holds at least one movie id");
    }
  }

  /** Parses {@code MOVIE[,MOVIE...]}; fails naming the first bad item. */
  static MovieList parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected " + FORMAT + ", such as 2571,260; got '"
          + (text == null ? "" : text) + "'");
    }
    String[] items = text.split(",", -1);
    List<Integer> ids = new ArrayList<>(items.length);
    for (int i = 0; i < items.length; i++) {
      String item = items[i].trim();
      if (!item.matches("\\d{1,10}") || Long.parseLong(item) < 1 || Long.parseLong(item) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("item " + (i + 1) + ", '" + item + "': expected a movie id (a positive"
            + " integer), such as 2571");
      }
      ids.add(Integer.parseInt(item));
    }
    return new MovieList(ids);
  }

  /** Fails, naming the first item whose movie the catalog does not have and the ids it has. */
  void requireKnown(Catalog catalog) {
    for (int i = 0; i < ids.size(); i++) {
      if (!catalog.movies().containsKey(ids.get(i))) {
        throw new IllegalArgumentException("item " + (i + 1) + ", '" + ids.get(i) + "': "
            + KnownIds.unknownMovie(ids.get(i), catalog));
      }
    }
  }

  /** For picocli: a bad value becomes {@code Invalid value for option '--movies': <what is wrong>}. */
  static final class Converter implements ITypeConverter<MovieList> {
    @Override
    public MovieList convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
