package org.movierec.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.movierec.data.Ratings;

/**
 * A protocol's data for one seed: what recommenders learn from and what they are judged on. Made by {@link
 * Protocols}; the same data and seed always give an equal split.
 *
 * @param protocol the rules
 * @param seed the seed it was made with
 * @param train what every recommender learns from
 * @param validation held out for tuning (the ranking protocol); empty for the other protocols
 * @param test the held-out ratings; which of them are relevant is {@link Protocol#minRelevantStars()}
 * @param candidates fixed candidate movies per test user (the ncf protocol), or {@link CandidateSets#NONE} when every
 *     user ranks the movies of {@code train}
 */
public record ProtocolSplit(Protocol protocol, long seed, Ratings train, Ratings validation, Ratings test,
    CandidateSets candidates) {

  public ProtocolSplit {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation (use an empty Ratings)");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(candidates, "candidates (use CandidateSets.NONE)");
  }

  /**
   * The same training data judged on the validation part instead of the test part, for tuning: named {@code
   * <name>-validation}, only training movies are excluded.
   *
   * @throws IllegalStateException if the protocol has no validation part
   */
  public ProtocolSplit validationRun() {
    if (validation.size() == 0) {
      throw new IllegalStateException("the " + protocol.name() + " protocol has no validation part");
    }
    return new ProtocolSplit(protocol.named(protocol.name() + "-validation"), seed, train, Ratings.of(List.of()),
        validation, candidates);
  }

  /** The number of distinct users in {@code test}. */
  public int testUsers() {
    return distinctUsers(test);
  }

  /** Sizes for a report: ratings, users and movies of each part. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(protocol.name()).append(" (seed ").append(seed).append("): train ").append(describe(train));
    if (validation.size() > 0) {
      s.append("; validation ").append(describe(validation));
    }
    s.append("; test ").append(describe(test));
    if (!candidates.isEmpty()) {
      s.append("; fixed candidates for ").append(format(candidates.users())).append(" users");
    }
    return s.toString();
  }

  private static String describe(Ratings r) {
    return format(r.size()) + " ratings of " + format(distinctUsers(r)) + " users and "
        + format(IntStream.range(0, r.size()).map(r::movieId).distinct().count()) + " movies";
  }

  private static int distinctUsers(Ratings r) {
    return (int) IntStream.range(0, r.size()).map(r::userId).distinct().count();
  }

  private static String format(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
