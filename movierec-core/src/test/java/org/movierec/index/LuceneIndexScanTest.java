package org.movierec.index;

/**
 * The contract on indexes opened as {@code recommend} and {@code serve} open them: the test catalogs are small, so a
 * search without genre or year filter scans ({@link ExactScan}) and the others walk the graph.
 */
class LuceneIndexScanTest extends LuceneContractTest {
  @Override
  protected long scanMaxValues() {
    return LuceneIndex.SCAN_MAX_VALUES;
  }
}
