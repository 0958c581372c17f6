package org.movierec.index.milvus;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.movierec.index.ItemFilter;

/**
 * An {@link ItemFilter} as a Milvus filter expression over the fields of {@link MilvusSchema}, accepting exactly the
 * movies {@link ItemFilter#accepts} accepts. Ids and genres are listed in ascending order, so one filter always gives
 * one string.
 */
final class MilvusFilter {
  private MilvusFilter() {}

  /**
   * The expression, or the empty string when the filter accepts every movie (Milvus then applies none). The parts are
   * joined by {@code and}: {@code id not in [3, 7]}, {@code ARRAY_CONTAINS_ANY(genres, ["Comedy", "Drama"])} and a year
   * range whose lower end is at least 1, since a movie of unknown year (0) fails any bound.
   */
  static String expression(ItemFilter filter) {
    List<String> parts = new ArrayList<>(3);
    if (!filter.excludedIds().isEmpty()) {
      parts.add(MilvusSchema.ID + " not in " + filter.excludedIds().stream().sorted().map(String::valueOf)
          .collect(Collectors.joining(", ", "[", "]")));
    }
    if (!filter.genres().isEmpty()) {
      parts.add("ARRAY_CONTAINS_ANY(" + MilvusSchema.GENRES + ", " + filter.genres().stream().sorted()
          .map(g -> quote(g.label())).collect(Collectors.joining(", ", "[", "]")) + ")");
    }
    if (filter.hasYearBound()) {
      String years = MilvusSchema.YEAR + " >= " + Math.max(1, filter.minYear());
      if (filter.maxYear() > 0) {
        years += " and " + MilvusSchema.YEAR + " <= " + filter.maxYear();
      }
      parts.add(years);
    }
    return String.join(" and ", parts);
  }

  /**
   * {@code text} as a Milvus string literal: in double quotes, with backslash and double quote escaped by a backslash,
   * line breaks and tabs as {@code \n}, {@code \r}, {@code \t} and other control characters as {@code \}{@code
   * uXXXX}. Single quotes and non-ASCII characters stay as they are. Milvus's expression grammar ({@code Plan.g4})
   * takes any character but a double quote, a backslash or a line break inside double quotes, plus C-style escapes,
   * and reads the literal as Go's {@code strconv.Unquote} does, which gives back {@code text}. A genre label such as
   * {@code Children's} is the case that matters today.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
