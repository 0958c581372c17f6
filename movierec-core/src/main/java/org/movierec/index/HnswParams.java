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
 * <p>With a {@code graphDimension} smaller than the vectors', the graph is built and searched over the vectors'
 * projections onto their {@code graphDimension} leading directions ({@link GraphProjection}: the top eigenvectors of
 * the movies' second-moment matrix); the full vectors are stored beside them and re-score every candidate, so again
 * only recall changes, while each comparison in the graph reads {@code graphDimension} values instead of all. Meant for
 * large catalogs of long vectors (measured in docs/scale.md); 0, the default, builds the graph on the full vectors, as
 * does any value not smaller than their dimension. The manifest records it only when it is not 0.
 *
 * @param maxConn the most neighbors a node keeps per graph layer (Lucene's {@code M}), 1..512
 * @param beamWidth how many candidates are kept while linking a new node ({@code efConstruction}), 1..3200
 * @param quantized whether the graph works on 7-bit scalar-quantized vectors rather than on the floats
 * @param graphDimension how many leading directions of the vectors the graph works on, 0 for all of them
 */
public record HnswParams(
    int maxConn,
    int beamWidth,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean quantized,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) int graphDimension) {
  public HnswParams {
    if (graphDimension < 0) {
      throw new IllegalArgumentException("graphDimension must be 0 (all dimensions) or positive, got: "
          + graphDimension);
    }
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
    this(maxConn, beamWidth, false, 0);
  }

  /** A graph over the full vectors, quantized or not. */
  public HnswParams(int maxConn, int beamWidth, boolean quantized) {
    this(maxConn, beamWidth, quantized, 0);
  }

  /** Reads a manifest's {@code "hnsw"}: {@code quantized} and {@code graphDimension} are absent where not set. */
  @JsonCreator
  static HnswParams fromJson(
      @JsonProperty("maxConn") int maxConn,
      @JsonProperty("beamWidth") int beamWidth,
      @JsonProperty("quantized") Boolean quantized,
      @JsonProperty("graphDimension") Integer graphDimension) {
    return new HnswParams(maxConn, beamWidth, Boolean.TRUE.equals(quantized),
        graphDimension == null ? 0 : graphDimension);
  }

  /** Lucene's own defaults: 16 connections, beam width 100, float vectors. */
  public static HnswParams defaults() {
    return new HnswParams(16, 100);
  }

  /** The smallest catalog {@link #forCatalog} builds on projected vectors. */
  public static final int PROJECT_MIN_MOVIES = 100_000;
  /** The graph dimension {@link #forCatalog} projects large catalogs to. */
  public static final int PROJECTED_DIMENSION = 64;

  /**
   * The parameters MovieRec builds a catalog of {@code movies} vectors of {@code dimension} with: {@link #defaults()},
   * the graph on the vectors' {@value #PROJECTED_DIMENSION} leading directions from {@value #PROJECT_MIN_MOVIES}
   * movies on when the vectors have at least twice as many dimensions. Measured (docs/scale.md): at 1M movies of 257
   * dimensions, recall@10 0.965 at 384 µs p50 and a 3.9 min build, against 0.915 at 567 µs and 7.4 min on the full
   * vectors; at 100k, 0.993 at 160 µs against 0.995 at 310 µs.
   */
  public static HnswParams forCatalog(int movies, int dimension) {
    return movies >= PROJECT_MIN_MOVIES && dimension >= 2 * PROJECTED_DIMENSION
        ? defaults().withGraphDimension(PROJECTED_DIMENSION)
        : defaults();
  }

  /** These parameters with 7-bit scalar quantization of the graph's vectors. */
  public HnswParams withQuantization() {
    return new HnswParams(maxConn, beamWidth, true, graphDimension);
  }

  /** These parameters with the graph built on the vectors' {@code dimensions} leading directions. */
  public HnswParams withGraphDimension(int dimensions) {
    return new HnswParams(maxConn, beamWidth, quantized, dimensions);
  }

  /** Whether vectors of {@code dimension} values are projected for the graph: a graph dimension below theirs. */
  public boolean projects(int dimension) {
    return graphDimension > 0 && graphDimension < dimension;
  }
}
