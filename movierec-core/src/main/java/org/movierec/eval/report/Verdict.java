package org.movierec.eval.report;

import java.util.Objects;

/**
 * How a report's figures stand against one {@link Target}.
 *
 * @param target the target's description
 * @param status met, missed, or not evaluated (a recommender or protocol it needs did not run)
 * @param recommender the best contender, whose figure was judged; null when not evaluated
 * @param value that figure; null when not evaluated
 * @param threshold the bound it was judged against; null when it could not be computed
 * @param text the verdict as the report prints it: {@code met (0.8386 <= 0.845)}, {@code MISSED (0.8612 vs <=
 *     0.845)}, or {@code not evaluated: ...}
 */
public record Verdict(String target, Status status, String recommender, Double value, Double threshold,
    String text) {

  /** The outcome. */
  public enum Status {
    MET,
    MISSED,
    NOT_EVALUATED
  }

  public Verdict {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
  }
}
