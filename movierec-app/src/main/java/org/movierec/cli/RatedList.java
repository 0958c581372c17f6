package org.movierec.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.data.RatedMovie;
import org.movierec.model.Catalog;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --rated}: what a user rated, as {@code MOVIE:STARS[,MOVIE:STARS...]} ({@code 1193:5,2355:4,1:3}).
 * Spaces around items, ids and stars are allowed. Every error names the item (its position and text) and what is
 * valid: a movie id is a positive integer, stars an integer 1..5, and each movie is rated once.
 *
 * @param ratings the ratings, in the order given
 * @param items the text of each item as given, trimmed, for messages
 */
record RatedList(List<RatedMovie> ratings, List<String> items) {
  static final String FORMAT = "MOVIE:STARS[,MOVIE:STARS...]";
  private static final String ITEM = "MOVIE:STARS, such as 1193:5";

  RatedList {
    ratings = List.copyOf(ratings);
    items = List.copyOf(items);
    if (ratings.size() != items.size()) {
      throw new IllegalArgumentException("one item text per rating expected, got " + items.size() + " for "
          + ratings.size() + " ratings");
    }
  }

  /** Parses {@code MOVIE:STARS[,MOVIE:STARS...]}; fails naming the first bad item. */
  static RatedList parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected " + FORMAT + ", such as 1193:5,2355:4,1:3; got '"
          + Objects.requireNonNullElse(text, "") + "'");
    }
    String[] parts = text.split(",", -1);
    List<RatedMovie> ratings = new ArrayList<>(parts.length);
    List<String> items = new ArrayList<>(parts.length);
    Map<Integer, Integer> firstItem = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      int position = i + 1;
      String item = parts[i].trim();
      RatedMovie rating = parseItem(position, item);
      Integer first = firstItem.putIfAbsent(rating.movieId(), position);
      if (first != null) {
        throw new IllegalArgumentException("movie " + rating.movieId() + " is rated twice: item " + first + " '"
            + items.get(first - 1) + "' and item " + position + " '" + item + "'; give each movie once");
      }
      ratings.add(rating);
      items.add(item);
    }
    return new RatedList(ratings, items);
  }

  private static RatedMovie parseItem(int position, String item) {
    if (item.isEmpty()) {
      throw new IllegalArgumentException("item " + position + " is empty; expected " + ITEM
          + " (items are separated by single commas)");
    }
    String where = "item " + position + ", '" + item + "': ";
    int colon = item.indexOf(':');
    if (colon < 0 || colon != item.lastIndexOf(':')) {
      throw new IllegalArgumentException(where + "expected " + ITEM);
    }
    String movie = item.substring(0, colon).trim();
    String stars = item.substring(colon + 1).trim();
    if (movie.isEmpty()) {
      throw new IllegalArgumentException(where + "the movie id is missing; expected " + ITEM);
    }
    if (stars.isEmpty()) {
      throw new IllegalArgumentException(where + "the stars are missing; expected " + ITEM);
    }
    int movieId = positiveInt(movie);
    if (movieId < 1) {
      throw new IllegalArgumentException(where + "the movie id must be a positive integer, got '" + movie + "'");
    }
    if (!stars.matches("[1-5]")) {
      throw new IllegalArgumentException(where + "stars must be an integer 1..5, got '" + stars + "'");
    }
    return new RatedMovie(movieId, Integer.parseInt(stars));
  }

  /** The value, or 0 when the text is not a positive integer that fits an int. */
  private static int positiveInt(String s) {
    if (!s.matches("\\d{1,10}")) {
      return 0;
    }
    long value = Long.parseLong(s);
    return value <= Integer.MAX_VALUE ? (int) value : 0;
  }

  /** Fails, naming the first item whose movie the catalog does not have and the ids it has. */
  void requireKnown(Catalog catalog) {
    for (int i = 0; i < ratings.size(); i++) {
      int id = ratings.get(i).movieId();
      if (!catalog.movies().containsKey(id)) {
        throw new IllegalArgumentException("item " + (i + 1) + ", '" + items.get(i) + "': "
            + KnownIds.unknownMovie(id, catalog));
      }
    }
  }

  /** For picocli: a bad value becomes {@code Invalid value for option '--rated': <what is wrong>}. */
  static final class Converter implements ITypeConverter<RatedList> {
    @Override
    public RatedList convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
