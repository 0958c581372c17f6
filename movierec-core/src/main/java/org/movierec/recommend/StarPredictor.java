package org.movierec.recommend;

import org.movierec.data.User;

/**
 * A scorer that also predicts ratings in stars, so that it can be evaluated by RMSE and MAE. {@link #scores} may
 * differ from the predicted stars (for example unclipped, so that movies predicted above 5 stars keep their order).
 * Immutable and safe from many threads, as every {@link Scorer}.
 */
public interface StarPredictor extends Scorer {
  /**
   * Writes the predicted rating of {@code movieIds[i]}, in stars from 1 to 5, to {@code out[i]} for every i. The
   * caller owns both arrays.
   *
   * @throws IllegalArgumentException if {@code out} is shorter than {@code movieIds}
   */
  void predictStars(User user, int[] movieIds, float[] out);
}
