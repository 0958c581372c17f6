package org.movierec.index;

/**
 * The contract on indexes whose HNSW graph works on 7-bit scalar-quantized vectors ({@link HnswParams#quantized()}),
 * every search through the graph. The candidates are re-scored exactly, so scores are exact and only recall may
 * differ from {@link LuceneIndexTest}'s.
 */
class LuceneIndexQuantizedTest extends LuceneContractTest {
  @Override
  protected HnswParams hnsw() {
    return HnswParams.defaults().withQuantization();
  }

  @Override
  protected long scanMaxValues() {
    return 0;
  }
}
