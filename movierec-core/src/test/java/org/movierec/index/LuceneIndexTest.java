package org.movierec.index;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract, on indexes written to disk and reopened, every search through the HNSW graph (the test catalogs are
 * small enough to be scanned otherwise: {@link LuceneIndexScanTest}). Files, manifest and failures: {@link
 * LuceneIndexFilesTest}.
 */
class LuceneIndexTest extends VectorIndexContractTest {
  @TempDir Path tempDir;
  private int built;

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    Path dir = tempDir.resolve("index-" + built++);
    LuceneIndex.write(dir, movies, modelFingerprint);
    return LuceneIndex.open(dir, modelFingerprint, 0);
  }

  @Override
  protected String backend() {
    return "lucene-hnsw";
  }

  @Override
  protected double minimumRecallAt10() {
    return 0.98;
  }
}
