package org.movierec.cli;

import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.Map;
import org.movierec.model.Catalog;

/** What the messages about an id a model does not know say: how many ids it knows, in what range, where to look. */
final class KnownIds {
  private KnownIds() {}

  /**
   * "unknown movie 31: the model's catalog has 30 movies with ids 1..30; movies.dat of the data it was trained on
   * lists them (MovieID::Title::Genres)".
   */
  static String unknownMovie(int id, Catalog catalog) {
    return "unknown movie " + id + ": the model's catalog has " + range(catalog.movies(), "movies")
        + "; movies.dat of the data it was trained on lists them (MovieID::Title::Genres)";
  }

  /** "30 movies with ids 1..30", or "3,883 movies with ids 1..3952 (not every id in between)". */
  static String range(Map<Integer, ?> byId, String what) {
    IntSummaryStatistics ids = byId.keySet().stream().mapToInt(Integer::intValue).summaryStatistics();
    boolean gaps = ids.getMax() - ids.getMin() + 1 != ids.getCount();
    return String.format(Locale.ROOT, "%,d %s with ids %d..%d%s", ids.getCount(), what, ids.getMin(), ids.getMax(),
        gaps ? " (not every id in between)" : "");
  }
}
