package org.movierec.index;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.Genre;

/**
 * Which movies a search may return, as data so that every backend can push it into its own query.
 *
 * <p>A movie passes when its id is not excluded, it has at least one of {@code genres} (an empty set accepts every
 * movie), and its year lies in {@code minYear..maxYear}, both bounds inclusive. A bound of 0 means none; once either
 * bound is set, movies of unknown year (0) no longer pass. Sets are copied and unmodifiable.
 *
 * @param excludedIds movie ids never to return, e.g. the movies a user has rated
 * @param genres the genres a movie may have, any of them; empty for every genre
 * @param minYear the earliest release year, inclusive, or 0 for no lower bound
 * @param maxYear the latest release year, inclusive, or 0 for no upper bound
 */
public record ItemFilter(Set<Integer> excludedIds, Set<Genre> genres, int minYear, int maxYear) {

  /** Accepts every movie. */
  public static final ItemFilter NONE = new ItemFilter(Set.of(), Set.of(), 0, 0);

  public ItemFilter {
    excludedIds = Set.copyOf(Objects.requireNonNull(excludedIds, "excludedIds (use an empty set)"));
    genres = Set.copyOf(Objects.requireNonNull(genres, "genres (use an empty set for every genre)"));
    if (minYear < 0 || maxYear < 0) {
      throw new IllegalArgumentException(
          "years must be 0 (no bound) or positive, got: minYear " + minYear + ", maxYear " + maxYear);
    }
    if (minYear > 0 && maxYear > 0 && minYear > maxYear) {
      throw new IllegalArgumentException("minYear must not be after maxYear, got: " + minYear + " > " + maxYear);
    }
  }

  /** Accepts every movie but those with the given ids. */
  public static ItemFilter excluding(Collection<Integer> movieIds) {
    return new ItemFilter(Set.copyOf(movieIds), Set.of(), 0, 0);
  }

  /** This filter, accepting only movies with at least one of {@code anyOf} (empty: every genre). */
  public ItemFilter withGenres(Set<Genre> anyOf) {
    return new ItemFilter(excludedIds, anyOf, minYear, maxYear);
  }

  /** This filter, accepting only movies released in {@code min..max}, inclusive; 0 leaves that side open. */
  public ItemFilter withYears(int min, int max) {
    return new ItemFilter(excludedIds, genres, min, max);
  }

  /** Whether a year bound is set, in which case movies of unknown year are rejected. */
  public boolean hasYearBound() {
    return minYear > 0 || maxYear > 0;
  }

  /** Whether a movie with this id, these genres and this year (0 = unknown) passes. */
  public boolean accepts(int movieId, Set<Genre> movieGenres, int year) {
    if (excludedIds.contains(movieId)) {
      return false;
    }
    if (!genres.isEmpty() && Collections.disjoint(genres, movieGenres)) {
      return false;
    }
    if (!hasYearBound()) {
      return true;
    }
    return year != 0 && (minYear == 0 || year >= minYear) && (maxYear == 0 || year <= maxYear);
  }
}
