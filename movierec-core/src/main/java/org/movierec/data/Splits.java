package org.movierec.data;

import java.util.SplittableRandom;

/** Ways to divide ratings into train and test. Each is a pure function of the ratings and a seed. */
public final class Splits {
  private Splits() {}

  /**
   * Exactly {@code Math.round(n * testFraction)} of the n rows go to test, chosen by a shuffle seeded with
   * {@code seed}; the rest go to train. Both parts keep the original row order. The same ratings and seed always give
   * the same split.
   *
   * @param testFraction in [0, 1); 0 puts every row in train
   */
  public static Split random(Ratings ratings, double testFraction, long seed) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("testFraction must be in [0, 1), got: " + testFraction);
    }
    int n = ratings.size();
    int testSize = (int) Math.round(n * testFraction);
    // A partial Fisher-Yates shuffle: the first testSize positions end up a uniform random sample of the rows.
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] inTest = new boolean[n];
    for (int i = 0; i < testSize; i++) {
      int j = i + random.nextInt(n - i);
      int picked = order[j];
      order[j] = order[i];
      order[i] = picked;
      inTest[picked] = true;
    }
    int[] trainRows = new int[n - testSize];
    int[] testRows = new int[testSize];
    int t = 0;
    int s = 0;
    for (int row = 0; row < n; row++) {
      if (inTest[row]) {
        testRows[s++] = row;
      } else {
        trainRows[t++] = row;
      }
    }
    return new Split(ratings.select(trainRows), ratings.select(testRows));
  }
}
