package org.movierec.train;

import ai.djl.ndarray.NDArray;

/**
 * One batch of ratings as the network's inputs, all arrays in the batch's own manager.
 *
 * @param users the user tower's inputs, one row per rating
 * @param movies the movie tower's inputs, one row per rating
 * @param stars the true ratings {@code [B]}
 */
record TrainingBatch(UserInputs users, MovieInputs movies, NDArray stars) {

  /**
   * @param userRows user-id rows {@code [B]} (0 where the id was dropped)
   * @param genders gender codes {@code [B]}
   * @param ages age-group codes {@code [B]}
   * @param jobs occupation codes {@code [B]}
   */
  record UserInputs(NDArray userRows, NDArray genders, NDArray ages, NDArray jobs) {}

  /**
   * @param movieRows movie-id rows {@code [B]} (0 where the id was dropped)
   * @param genreMultiHot {@code [B, 18]}
   * @param paddedTitles title-word indexes with one padding position on each side {@code [B, L + 2]}
   * @param titleMask 1 where a title word is, 0 elsewhere {@code [B, L]}
   */
  record MovieInputs(NDArray movieRows, NDArray genreMultiHot, NDArray paddedTitles, NDArray titleMask) {}
}
