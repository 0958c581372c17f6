package org.movierec.data;

import java.util.Locale;

/** A user's gender as MovieLens records it. The code is the original demo's (0 = M, 1 = F). */
public enum Gender {
  M(0, "male"),
  F(1, "female");

  private final int code;
  private final String label;

  Gender(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Accepts {@code M}/{@code F}, {@code male}/{@code female} or the demo's codes {@code 0}/{@code 1}. */
  public static Gender parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Gender g : values()) {
      if (t.equals(g.name().toLowerCase(Locale.ROOT)) || t.equals(g.label) || t.equals(Integer.toString(g.code))) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown gender '" + text + "'; valid: M or male or 0, F or female or 1");
  }

  /** Parses the single letter used in MovieLens files, nothing else. */
  public static Gender fromFile(String text) {
    return switch (text) {
      case "M" -> M;
      case "F" -> F;
      default -> throw new IllegalArgumentException("expected M or F, got '" + text + "'");
    };
  }
}
