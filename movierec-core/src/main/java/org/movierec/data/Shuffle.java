package org.movierec.data;

import java.util.SplittableRandom;

/** The one seeded shuffle every random choice of MovieRec goes through, so that a seed means the same everywhere. */
public final class Shuffle {
  private Shuffle() {}

  /** Fisher-Yates, in place, from the last position down: a pure function of the array and the generator's state. */
  public static void inPlace(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
