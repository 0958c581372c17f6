package org.movierec.index;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * How the HNSW graph of a {@link LuceneIndex} is built. Larger values give better recall for slower building.
 *
 * <p>With {@code quantized}, the graph is built and searched over 7-bit scalar-quantized copies of the vectors
 * (Lucene's {@code Lucene99HnswScalarQuantizedVectorsFormat}); the float vectors are still stored beside them, and
 * {@link LuceneIndex} still re-scores every candidate with the exact inner product, so only recall changes. The index
 * manifest records {@code "quantized": true} only for such an index: the default leaves the manifest as it was, and a
 * manifest without the field reads as not quantized.
 *
 * @param maxConn the most neighbors a node keeps per graph layer (Lucene's {@code M}), 1..512
 * @param beamWidth how many candidates are kept while linking a new node ({@code efConstruction}), 1..3200
 * @param quantized whether the graph works on 7-bit scalar-quantized vectors rather than on the floats
 */
public record HnswParams(
    int maxConn,
    int beamWidth,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean quantized) {
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

  /** A graph over the float vectors, not quantized. */
  public HnswParams(int maxConn, int beamWidth) {
    this(maxConn, beamWidth, false);
  }

  /** Reads a manifest's {@code "hnsw"}: {@code quantized} is absent from those of float graphs. */
  @JsonCreator
  static HnswParams fromJson(
      @JsonProperty("maxConn") int maxConn,
      @JsonProperty("beamWidth") int beamWidth,
      @JsonProperty("quantized") Boolean quantized) {
    return new HnswParams(maxConn, beamWidth, Boolean.TRUE.equals(quantized));
  }

  /** Lucene's own defaults: 16 connections, beam width 100, float vectors. */
  public static HnswParams defaults() {
    return new HnswParams(16, 100);
  }

  /** These parameters with 7-bit scalar quantization of the graph's vectors. */
  public HnswParams withQuantization() {
    return new HnswParams(maxConn, beamWidth, true);
  }
}
