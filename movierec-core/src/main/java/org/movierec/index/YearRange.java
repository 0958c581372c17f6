package org.movierec.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release years, both ends inclusive, as people type them: {@code 1990-1999}, {@code 1990-} (from 1990), {@code
 * -1999} (up to 1999) or {@code 1995} (that year). The command line's {@code --years} and the API's {@code years}
 * read them alike.
 *
 * @param min the earliest year, or 0 for no lower bound
 * @param max the latest year, or 0 for no upper bound
 */
public record YearRange(int min, int max) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})?\\s*(-)?\\s*(\\d{4})?");

  /** What {@link #parse} accepts, for messages. */
  public static final String FORMS = "1990-1999, 1990- (from 1990), -1999 (up to 1999) or 1995";

  public YearRange {
    if (min < 0 || max < 0) {
      throw new IllegalArgumentException("years must be 0 (open) or positive, got: " + min + ", " + max);
    }
    if (min > 0 && max > 0 && min > max) {
      throw new IllegalArgumentException("the first year must not be after the second, got " + min + "-" + max);
    }
  }

  /** Reads one of the {@link #FORMS}; anything else is refused with a message naming them. */
  public static YearRange parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
    if (!m.matches() || (m.group(1) == null && m.group(3) == null) || (m.group(2) == null && m.group(3) != null)) {
      throw new IllegalArgumentException("expected years like " + FORMS + ", got '" + text + "'");
    }
    int min = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    int max = m.group(3) == null ? (m.group(2) == null ? min : 0) : Integer.parseInt(m.group(3));
    if (min > 0 && max > 0 && min > max) {
      throw new IllegalArgumentException("the first year must not be after the second, got '" + text + "'");
    }
    return new YearRange(min, max);
  }

  /** The filter, also accepting only movies of these years. */
  public ItemFilter applyTo(ItemFilter filter) {
    return filter.withYears(min, max);
  }
}
