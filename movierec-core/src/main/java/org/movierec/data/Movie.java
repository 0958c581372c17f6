package org.movierec.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A movie of the catalog.
 *
 * @param id the MovieLens movie id (positive)
 * @param title the title as the data gives it, year included ({@code "Toy Story (1995)"})
 * @param year the release year read from the title, or 0 when the title has none
 * @param genres at least one genre
 */
public record Movie(int id, String title, int year, Set<Genre> genres) {
  private static final Pattern YEAR = Pattern.compile("\\s*\\((\\d{4})\\)\\s*$");

  public Movie {
    if (id < 1) {
      throw new IllegalArgumentException("movie id must be at least 1, got: " + id);
    }
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title of movie " + id + " is blank");
    }
    if (year != 0 && (year < 1800 || year > 2200)) {
      throw new IllegalArgumentException("year of movie " + id + " must be 0 (unknown) or 1800..2200, got: " + year);
    }
    genres = Set.copyOf(genres);
    if (genres.isEmpty()) {
      throw new IllegalArgumentException("movie " + id + " has no genre");
    }
  }

  /** A movie whose year is read from the end of its title, as in {@code movies.dat}. */
  public static Movie of(int id, String title, Set<Genre> genres) {
    Matcher m = YEAR.matcher(title);
    int year = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return new Movie(id, title, year, genres);
  }

  /** The genres in {@link Genre} order, for stable output. */
  public List<Genre> sortedGenres() {
    return genres.stream().sorted().toList();
  }

  /**
   * The words of the title the model reads: the year removed, lower-cased, split on anything that is not a letter, a
   * digit or an apostrophe. {@code "City of Lost Children, The (1995)"} gives {@code [city, of, lost, children, the]}.
   */
  public List<String> titleWords() {
    String bare = YEAR.matcher(title).replaceFirst("").toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : bare.split("[^\\p{L}\\p{N}']+")) {
      String trimmed = w.replaceAll("^'+|'+$", "");
      if (!trimmed.isEmpty()) {
        words.add(trimmed);
      }
    }
    return words;
  }
}
