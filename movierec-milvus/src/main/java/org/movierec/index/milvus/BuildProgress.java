package org.movierec.index.milvus;

/** Hears how a {@link MilvusIndex#build} goes, e.g. to print a progress line. Called from the building thread. */
public interface BuildProgress {

  /** Hears nothing. */
  BuildProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} movies are inserted; called after each batch. */
  void inserted(int done, int total);

  /** A step begins or ended ("building the HNSW index", "dropped the previous collection 'x'"). */
  default void step(String what) {}
}
