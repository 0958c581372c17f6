package org.movierec.index;

/**
 * The contract, every search through the HNSW graph (the test catalogs are small enough to be scanned otherwise:
 * {@link LuceneIndexScanTest}). Files, manifest and failures: {@link LuceneIndexFilesTest}.
 */
class LuceneIndexTest extends LuceneContractTest {
  @Override
  protected long scanMaxValues() {
    return 0;
  }
}
