package org.movierec.index;

import java.util.List;

/**
 * Movie vectors that can be searched.
 *
 * <p>Scores: higher means more similar. The score of a movie is the inner product of the query vector and the movie
 * vector, whatever the backend measures natively, so scores from different backends can be compared.
 *
 * <p>Thread safety: {@link #search} and {@link #info} may be called from many threads at once. {@link #close} must not
 * race with searches; after it, {@code search} fails with {@link IllegalStateException}.
 *
 * <p>Arrays: the index keeps its own copies of the vectors it was given and never hands out its internal arrays;
 * {@link VectorQuery} copies the caller's vector. A returned list is the caller's and unmodifiable.
 */
public interface VectorIndex extends AutoCloseable {

  /** What this index holds: backend, dimension, fingerprint of the model the vectors came from, number of movies. */
  IndexInfo info();

  /**
   * The movies most similar to {@code query.vector()} among those {@code query.filter()} accepts: best first, ties
   * broken by the smaller movie id first, at most {@code query.k()} of them (fewer when fewer movies pass the filter).
   *
   * @throws IllegalArgumentException when the query vector's dimension is not {@code info().dimension()}
   * @throws IllegalStateException when the index is closed
   */
  List<Neighbor> search(VectorQuery query);

  /** Releases files and memory. Idempotent. */
  @Override
  void close();
}
