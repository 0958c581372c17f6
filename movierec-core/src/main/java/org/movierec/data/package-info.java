/**
 * The data: MovieLens files read into values ({@link org.movierec.data.Movie}, {@link org.movierec.data.User},
 * {@link org.movierec.data.Ratings}), the mappings a model saves with itself ({@link org.movierec.data.IdIndex},
 * {@link org.movierec.data.Vocabulary}, {@link org.movierec.data.SeenMovies}), train/test splits that are pure
 * functions of data and seed ({@link org.movierec.data.Splits}), and the download of the data set itself
 * ({@link org.movierec.data.DatasetDownloader}). Nothing here depends on a deep-learning runtime.
 */
package org.movierec.data;
