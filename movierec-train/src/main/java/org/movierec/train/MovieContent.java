package org.movierec.train;

import ai.djl.ndarray.NDArray;

/**
 * The content features of every movie row of a model (row 0, the unknown movie, has none), as the history network's
 * movie tower reads them.
 *
 * @param genreMultiHot {@code [M, 18]}
 * @param paddedTitles title-word indexes with one padding position on each side {@code [M, L + 2]}
 * @param titleMask 1 where a title word is, 0 elsewhere {@code [M, L]}
 */
record MovieContent(NDArray genreMultiHot, NDArray paddedTitles, NDArray titleMask) {}
