package org.movierec.index;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on indexes whose HNSW graph works on 7-bit scalar-quantized vectors ({@link HnswParams#quantized()}),
 * written to disk and reopened, every search through the graph. The candidates are re-scored exactly, so scores are
 * exact and only recall may differ from {@link LuceneIndexTest}'s.
 */
class LuceneIndexQuantizedTest extends VectorIndexContractTest {
  @TempDir Path tempDir;
  private int built;

  @Override
  protected VectorIndex build(List<IndexedMovie> movies, String modelFingerprint) {
    Path dir = tempDir.resolve("index-" + built++);
    LuceneIndex.write(dir, movies, modelFingerprint, HnswParams.defaults().withQuantization());
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
