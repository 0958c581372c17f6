package org.movierec.recommend;

import org.movierec.data.User;
import org.movierec.data.UserProfile;

/**
 * Scores any movies for any user, so that every recommender can be evaluated and served the same way.
 *
 * <p>Higher scores are better; only their order matters, not their scale. For a user the scorer was trained with
 * (its id seen in the training ratings) the score uses that user's history; for any other user (a new user, id 0, or
 * a held-out user whose id the scorer never saw) it uses the demographics, or falls back as its Javadoc says. A
 * movie the scorer never saw gets a finite score too, as the recommender would score a movie it knows nothing about.
 * Scores are never NaN.
 *
 * <p>Implementations are immutable and safe to call from many threads at once.
 */
public interface Scorer {
  /** A short name for reports, such as {@code popularity} or {@code ease}. */
  String name();

  /**
   * Writes the score of {@code movieIds[i]} to {@code out[i]} for every i. The caller owns both arrays; the scorer
   * reads {@code movieIds} (any order, any ids) and writes only the first {@code movieIds.length} entries of {@code
   * out}.
   *
   * @throws IllegalArgumentException if {@code out} is shorter than {@code movieIds}
   */
  void scores(User user, int[] movieIds, float[] out);

  /**
   * Scores for a user described by a profile: demographics and ratings the scorer may never have seen in training (a
   * new user who rated a few movies). A scorer that can read a history (EASE, item kNN, the history two-tower model)
   * folds the profile's ratings in without retraining; the default ignores them and scores {@code profile.user()}, as
   * popularity baselines do. Movies of the profile are scored like any other; leaving them out is the caller's job.
   */
  default void scores(UserProfile profile, int[] movieIds, float[] out) {
    scores(profile.user(), movieIds, out);
  }

  /** Fails unless {@code out} can hold a score for each movie; for implementations. */
  static void checkLengths(int[] movieIds, float[] out) {
    if (out.length < movieIds.length) {
      throw new IllegalArgumentException(
          "out must hold a score for each of the " + movieIds.length + " movies, got length " + out.length);
    }
  }
}
