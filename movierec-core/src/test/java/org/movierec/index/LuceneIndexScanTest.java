package org.movierec.index;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on indexes opened as {@code recommend} and {@code serve} open them: the test catalogs are small, so a
 * search without genre or year filter scans ({@link ExactScan}) and the others walk the graph.
 */
class LuceneIndexScanTest extends VectorIndexContractTest {
  @TempDir Path tempDir;
  private int built;

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    Path dir = tempDir.resolve("index-" + built++);
    LuceneIndex.write(dir, movies, modelFingerprint);
    return LuceneIndex.open(dir, modelFingerprint);
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
