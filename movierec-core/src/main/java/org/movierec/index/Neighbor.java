package org.movierec.index;

/**
 * A movie found by {@link VectorIndex#search}.
 *
 * @param movieId the MovieLens movie id
 * @param score the inner product of the query vector and the movie vector; higher is more similar
 */
public record Neighbor(int movieId, float score) {}
