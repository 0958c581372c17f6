package org.movierec.index;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on Lucene indexes written to disk and reopened; subclasses choose how the graph is built and when a
 * search scans instead of walking it.
 */
abstract class LuceneContractTest extends VectorIndexContractTest {
  @TempDir Path tempDir;
  private int built;

  /** How the graph is built. */
  protected HnswParams hnsw() {
    return HnswParams.defaults();
  }

  /** The largest catalog, in vector elements, that a search scans ({@link LuceneIndex#SCAN_MAX_VALUES} as served). */
  protected abstract long scanMaxValues();

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    Path dir = tempDir.resolve("index-" + built++);
    LuceneIndex.write(dir, movies, modelFingerprint, hnsw());
    return LuceneIndex.open(dir, modelFingerprint, scanMaxValues());
  }

  @Override
  protected String backend() {
    return LuceneIndex.BACKEND;
  }

  @Override
  protected double minimumRecallAt10() {
    return 0.98;
  }
}
