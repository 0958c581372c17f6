/**
 * Searching movie vectors: the step between the trained model and the recommender.
 *
 * <p>{@link org.movierec.index.VectorIndex} is the one interface. {@link org.movierec.index.ExactIndex} scores every
 * movie in memory and is the reference every other backend is tested against; {@link org.movierec.index.LuceneIndex}
 * keeps an HNSW graph on disk and is the default. A query carries its filter as data ({@link
 * org.movierec.index.ItemFilter}: excluded ids, genres, a year range) so that each backend can push it into its own
 * query language. Scores are always inner products, higher meaning more similar.
 *
 * <p>An index on disk carries a JSON manifest naming the model it was built from; opening it with another model is
 * refused, with a message saying how to rebuild it.
 */
package org.movierec.index;
