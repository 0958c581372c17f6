package org.movierec.train;

import ai.djl.ndarray.NDArray;

/**
 * A batch of users as the history network reads them, every array in the batch's manager; {@code M} is the number of
 * movie rows (the unknown row 0 included).
 *
 * @param historyWeights {@code [B, M]}: {@code 1 / sqrt(n)} at each input movie of the user (n of them), else 0
 * @param historyStars {@code [B, M]}: {@code (stars - 3) / 2 / sqrt(n)} at each input movie, else 0
 * @param historyStats {@code [B, 2]}: the summary numbers of each user's input ({@code HistoryModel.historyStats})
 * @param genders {@code [B]} gender codes
 * @param ages {@code [B]} age-group codes
 * @param jobs {@code [B]} occupation codes
 * @param targets {@code [B, M]}: at each target movie (rated by the user, not in the input) its weight in the ranking
 *     loss ({@link TargetWeights}), else 0
 * @param stars {@code [B, M]}: the stars of each target movie, else 0
 * @param blocked {@code [B, M]}: 1 at the input movies and the unknown row, which the softmax leaves out
 * @param allTargets {@code [B, M]}: at every movie the user rated (input or target) its weight in the ranking loss:
 *     what the user tower must find from the demographics alone
 */
record HistoryBatch(NDArray historyWeights, NDArray historyStars, NDArray historyStats, NDArray genders, NDArray ages, NDArray jobs,
    NDArray targets, NDArray stars, NDArray blocked, NDArray allTargets) {}
