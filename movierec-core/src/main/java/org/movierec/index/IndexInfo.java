package org.movierec.index;

import java.util.Objects;

/**
 * What a {@link VectorIndex} holds.
 *
 * @param backend what does the searching, e.g. {@code "exact"} or {@code "lucene-hnsw"}
 * @param dimension the length of every movie vector, and so of every query vector
 * @param modelFingerprint identifies the trained model the vectors were computed from
 * @param size the number of movies
 */
public record IndexInfo(String backend, int dimension, String modelFingerprint, int size) {
  public IndexInfo {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, got: " + dimension);
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, got: " + size);
    }
  }
}
