package org.movierec.train;

/**
 * How much a target rating weighs in the history model's ranking loss, by its stars: 4 and 5 stars (a movie the user
 * liked) weigh 1, a 3-star rating {@code threeStars}, 1 and 2 stars {@code oneOrTwoStars}. A movie someone rated low
 * was still watched, but it is not one to recommend.
 */
public record TargetWeights(float oneOrTwoStars, float threeStars) {
  public TargetWeights {
    if (!(oneOrTwoStars >= 0 && oneOrTwoStars <= 1 && threeStars >= 0 && threeStars <= 1)) {
      throw new IllegalArgumentException("target weights must be in [0, 1], got: " + oneOrTwoStars + " (1-2 stars)"
          + " and " + threeStars + " (3 stars)");
    }
  }

  /** Every rating weighs the same. */
  public static final TargetWeights EQUAL = new TargetWeights(1f, 1f);

  /**
   * The default, 0.1 for 1-2 stars and 0.5 for 3 stars: on the cold-start validation part (training users held out
   * again, seed 2) it lifted NDCG@10 from 0.4087 to 0.4199 with no history, from 0.4529 to 0.4853 with 5 ratings.
   */
  public static TargetWeights defaults() {
    return new TargetWeights(0.1f, 0.5f);
  }

  /** The weight of a target of {@code stars} stars (1..5). */
  public float of(int stars) {
    return stars >= 4 ? 1f : stars == 3 ? threeStars : oneOrTwoStars;
  }
}
