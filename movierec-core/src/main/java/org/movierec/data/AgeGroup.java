package org.movierec.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The seven age groups of MovieLens 1M. {@link #code()} is the original demo's bucket (0..6); {@link #fileValue()} is
 * what {@code users.dat} stores (1, 18, 25, 35, 45, 50, 56).
 */
public enum AgeGroup {
  UNDER_18(0, 1, "under 18"),
  FROM_18_TO_24(1, 18, "18-24"),
  FROM_25_TO_34(2, 25, "25-34"),
  FROM_35_TO_44(3, 35, "35-44"),
  FROM_45_TO_49(4, 45, "45-49"),
  FROM_50_TO_55(5, 50, "50-55"),
  FROM_56(6, 56, "56+");

  private final int code;
  private final int fileValue;
  private final String label;

  AgeGroup(int code, int fileValue, String label) {
    this.code = code;
    this.fileValue = fileValue;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public int fileValue() {
    return fileValue;
  }

  public String label() {
    return label;
  }

  /** The group an age in years falls in. */
  public static AgeGroup ofYears(int years) {
    if (years < 0 || years > 130) {
      throw new IllegalArgumentException("age must be between 0 and 130 years, got: " + years);
    }
    AgeGroup result = UNDER_18;
    for (AgeGroup g : values()) {
      if (g != UNDER_18 && years >= g.fileValue) {
        result = g;
      }
    }
    return result;
  }

  /**
   * Accepts the demo's bucket code (0..6), an age in years (7 and up, e.g. {@code 25}), or a label such as
   * {@code 18-24}, {@code 56+} or {@code under18}.
   */
  public static AgeGroup parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    for (AgeGroup g : values()) {
      if (t.equals(g.label.replace(" ", ""))) {
        return g;
      }
    }
    try {
      int n = Integer.parseInt(t);
      if (n >= 0 && n <= 6) {
        return values()[n];
      }
      if (n >= 7 && n <= 130) {
        return ofYears(n);
      }
    } catch (NumberFormatException notANumber) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("unknown age '" + text + "'; valid: a bucket code 0..6 ("
        + Arrays.stream(values()).map(g -> g.code + " = " + g.label).collect(Collectors.joining(", "))
        + "), an age in years from 7 to 130, or one of those labels");
  }

  /** Parses the value stored in {@code users.dat}: exactly one of 1, 18, 25, 35, 45, 50, 56. */
  public static AgeGroup fromFile(String text) {
    for (AgeGroup g : values()) {
      if (text.equals(Integer.toString(g.fileValue))) {
        return g;
      }
    }
    throw new IllegalArgumentException("expected one of "
        + Arrays.stream(values()).map(g -> g.fileValue + " (" + g.label + ")").collect(Collectors.joining(", "))
        + ", got '" + text + "'");
  }
}
