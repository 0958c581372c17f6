package org.movierec.recommend;

/**
 * Picks the best-scored movies without sorting them all: a sorted window of {@code k} is kept while the scores are
 * read once, so that choosing 20 of 3,706 movies costs little more than reading the scores.
 */
public final class TopScores {
  private TopScores() {}

  /**
   * The ids of the {@code min(k, movieIds.length)} best-scored movies, best first. Higher scores are better; equal
   * scores put the smaller movie id first, so that the result is the same on every run and every machine.
   *
   * @param movieIds distinct movie ids; not modified
   * @param scores {@code scores[i]} belongs to {@code movieIds[i]}; never NaN
   * @throws IllegalArgumentException if k is below 1, a score is NaN, or {@code scores} is shorter than {@code
   *     movieIds}
   */
  public static int[] top(int[] movieIds, float[] scores, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got: " + k);
    }
    if (scores.length < movieIds.length) {
      throw new IllegalArgumentException(
          "need a score for each of the " + movieIds.length + " movies, got " + scores.length + " scores");
    }
    int capacity = Math.min(k, movieIds.length);
    int[] best = new int[capacity]; // indexes into movieIds, best first
    int size = 0;
    for (int i = 0; i < movieIds.length; i++) {
      float s = scores[i];
      if (Float.isNaN(s)) {
        throw new IllegalArgumentException("the score of movie " + movieIds[i] + " is NaN");
      }
      if (size == capacity && !better(movieIds, scores, i, best[size - 1])) {
        continue;
      }
      int at = size == capacity ? size - 1 : size++;
      while (at > 0 && better(movieIds, scores, i, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = i;
    }
    int[] ids = new int[size];
    for (int r = 0; r < size; r++) {
      ids[r] = movieIds[best[r]];
    }
    return ids;
  }

  private static boolean better(int[] ids, float[] scores, int a, int b) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && ids[a] < ids[b]);
  }
}
