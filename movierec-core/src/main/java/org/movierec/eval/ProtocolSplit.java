package org.movierec.eval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;

/**
 * A protocol's data for one seed: what recommenders learn from and what they are judged on. Made by {@link
 * Protocols}; the same data and seed always give an equal split.
 *
 * @param protocol the rules
 * @param seed the seed it was made with
 * @param train what every recommender learns from
 * @param validation held out for tuning (the ranking protocol); empty for the other protocols
 * @param revealed ratings of test users that recommenders may read when asked, but never train on (the few-shot
 *     protocols: what each held-out user reveals); empty for the other protocols. A user with revealed ratings has no
 *     training rating and is evaluated as a new user with a profile (see {@link Evaluator})
 * @param test the held-out ratings; which of them are relevant is {@link Protocol#minRelevantStars()}
 * @param candidates fixed candidate movies per test user (the ncf protocol), or {@link CandidateSets#NONE} when every
 *     user ranks the movies of {@code train}
 */
public record ProtocolSplit(Protocol protocol, long seed, Ratings train, Ratings validation, Ratings revealed,
    Ratings test, CandidateSets candidates) {

  /**
   * @throws IllegalArgumentException if a user with revealed ratings also has training ratings (a user who reveals
   *     ratings is a new user), or a revealed (user, movie) pair is also a test rating
   */
  public ProtocolSplit {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation (use an empty Ratings)");
    Objects.requireNonNull(revealed, "revealed (use an empty Ratings)");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(candidates, "candidates (use CandidateSets.NONE)");
    if (revealed.size() > 0) {
      SeenMovies trained = SeenMovies.of(train);
      SeenMovies tested = SeenMovies.of(test);
      for (int row = 0; row < revealed.size(); row++) {
        int user = revealed.userId(row);
        int trainedMovies = trained.moviesOf(user).length;
        if (trainedMovies > 0) {
          throw new IllegalArgumentException("user " + user + " has revealed ratings and training ratings of "
              + trainedMovies + " movies; a user who reveals ratings must be new to the training data");
        }
        if (tested.has(user, revealed.movieId(row))) {
          throw new IllegalArgumentException("user " + user + "'s rating of movie " + revealed.movieId(row)
              + " is both revealed and held out for testing; it must be one or the other");
        }
      }
    }
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
        revealed, validation, candidates);
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
    if (revealed.size() > 0) {
      s.append("; revealed ").append(describe(revealed));
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
