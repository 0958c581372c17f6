package org.movierec.recommend;

/**
 * How much a rating of each number of stars counts when a recommender reads a user's history: a movie rated with
 * {@code s} stars adds {@link #of(int) of(s)} times its row of item-to-item weights to the user's scores. Negative
 * weights push a disliked movie's neighbours down.
 *
 * @param oneStar the weight of a 1-star rating
 * @param twoStars the weight of a 2-star rating
 * @param threeStars the weight of a 3-star rating
 * @param fourStars the weight of a 4-star rating
 * @param fiveStars the weight of a 5-star rating
 */
public record StarWeights(float oneStar, float twoStars, float threeStars, float fourStars, float fiveStars) {
  /** Every rating counts once, whatever its stars: the binary history EASE is trained on. */
  public static final StarWeights EQUAL = new StarWeights(1, 1, 1, 1, 1);
  /** A rating counts as many times as its stars: 1 to 5. */
  public static final StarWeights STARS = new StarWeights(1, 2, 3, 4, 5);

  public StarWeights {
    float[] all = {oneStar, twoStars, threeStars, fourStars, fiveStars};
    for (int s = 0; s < all.length; s++) {
      if (!Float.isFinite(all[s])) {
        throw new IllegalArgumentException("the weight of " + (s + 1) + " star" + (s == 0 ? "" : "s")
            + " must be finite, got: " + all[s]);
      }
    }
  }

  /**
   * The weight of a rating of {@code stars} stars.
   *
   * @throws IllegalArgumentException if stars is not 1..5
   */
  public float of(int stars) {
    return switch (stars) {
      case 1 -> oneStar;
      case 2 -> twoStars;
      case 3 -> threeStars;
      case 4 -> fourStars;
      case 5 -> fiveStars;
      default -> throw new IllegalArgumentException("stars must be 1..5, got: " + stars);
    };
  }

  @Override
  public String toString() {
    return "StarWeights[" + oneStar + ", " + twoStars + ", " + threeStars + ", " + fourStars + ", " + fiveStars + "]";
  }
}
