package org.movierec.server;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Title search as people type: the query's words, each matching the start of a word of the title (year included),
 * case and accents aside; {@code "star wa"} finds "Star Wars: Episode IV - A New Hope (1977)".
 */
final class TitleSearch {
  private TitleSearch() {}

  /** The query's words, folded; empty for a blank query. */
  static List<String> words(String query) {
    List<String> out = new ArrayList<>();
    for (String w : fold(query == null ? "" : query).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** Whether every query word starts one of the title's {@link #words}. */
  static boolean matches(List<String> titleWords, List<String> queryWords) {
    for (String q : queryWords) {
      boolean found = false;
      for (String t : titleWords) {
        if (t.startsWith(q)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }
}
