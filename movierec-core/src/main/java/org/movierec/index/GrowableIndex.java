package org.movierec.index;

/**
 * An index that also stores movies added after it was built (a movie posted to the server), so that other readers of
 * the same store, and the next start, find them. The embedded Lucene index is read-only (the server keeps such movies
 * in memory beside it, {@link AppendedIndex}); a shared store such as Milvus grows.
 */
public interface GrowableIndex extends VectorIndex {

  /**
   * Stores one movie, or replaces the one with its id.
   *
   * @param title the movie's title, kept for people looking at the store
   * @throws IndexUnavailableException when the store cannot be reached
   */
  void add(IndexedMovie movie, String title);
}
