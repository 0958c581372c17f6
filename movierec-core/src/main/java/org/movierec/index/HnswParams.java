package org.movierec.index;

import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the HNSW graph of a {@link LuceneIndex} is built. Larger values give better recall for slower building.
 *
 * @param maxConn the most neighbors a node keeps per graph layer (Lucene's {@code M}), 1..512
 * @param beamWidth how many candidates are kept while linking a new node ({@code efConstruction}), 1..3200
 */
public record HnswParams(int maxConn, int beamWidth) {
  public HnswParams {
    if (maxConn < 1 || maxConn > Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN) {
      throw new IllegalArgumentException(
          "maxConn must be in 1.." + Lucene99HnswVectorsFormat.MAXIMUM_MAX_CONN + ", got: " + maxConn);
    }
    if (beamWidth < 1 || beamWidth > Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH) {
      throw new IllegalArgumentException(
          "beamWidth must be in 1.." + Lucene99HnswVectorsFormat.MAXIMUM_BEAM_WIDTH + ", got: " + beamWidth);
    }
  }

  /** Lucene's own defaults: 16 connections, beam width 100. */
  public static HnswParams defaults() {
    return new HnswParams(16, 100);
  }
}
