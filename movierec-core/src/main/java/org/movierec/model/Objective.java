package org.movierec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the fusion model was trained for. Both score by the cosine of the two towers' vectors. */
public enum Objective {
  /** The original demo's: squared error between the rating and 3 + 2 x cosine. Predicts stars. */
  MSE("mse"),
  /**
   * Softmax over the catalog of the cosine divided by a temperature, the rated movie as the target: the model learns
   * which movies a user will watch, not only how they would rate them. Does not predict stars.
   */
  RANKING("ranking"),
  /**
   * The history model's: a softmax over the catalog of the ranking score, for the movies each user went on to rate,
   * plus squared error of a second head's predicted stars. Ranks and predicts stars.
   */
  JOINT("joint");

  private final String label;

  Objective(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the model's cosine maps to predicted stars. */
  public boolean predictsStars() {
    return this != RANKING;
  }

  public static Objective parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Objective o : values()) {
      if (o.label.equals(t)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown objective '" + text + "'; valid: "
        + Arrays.stream(values()).map(Objective::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label;
  }
}
