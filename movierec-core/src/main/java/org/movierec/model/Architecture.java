package org.movierec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The designs of towers MovieRec trains. */
public enum Architecture {
  /**
   * The original PaddlePaddle demo's towers, reproduced: user id, gender, age, occupation; movie id, genres, title
   * CNN; the cosine as the score.
   */
  DEMO("demo"),
  /**
   * The default: a user is read from the movies they rated and their stars (pooled), with age, gender and
   * occupation; movies from their id, genres and title; inner product plus a movie bias folded into the vectors.
   */
  HISTORY("history");

  private final String label;

  Architecture(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Architecture parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Architecture a : values()) {
      if (a.label.equals(t)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown architecture '" + text + "'; valid: "
        + Arrays.stream(values()).map(Architecture::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label;
  }
}
