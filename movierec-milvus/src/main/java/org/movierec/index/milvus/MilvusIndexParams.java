package org.movierec.index.milvus;

import java.util.Objects;

/**
 * How Milvus indexes the movie vectors. The metric is always the inner product ({@code IP}).
 *
 * <p>{@link Kind#FLAT} compares the query with every movie: exact, and fast enough for a catalog of a few thousand
 * movies (MovieLens 1M has 3,883). {@link Kind#HNSW}, the default, walks a graph: approximate, for large catalogs.
 *
 * @param kind the Milvus index type
 * @param m HNSW: the most neighbors a node keeps per layer, {@value #MIN_M}..{@value #MAX_M} (Milvus's range); 0 for
 *     FLAT
 * @param efConstruction HNSW: how many candidates are kept while linking a node, at least 1; 0 for FLAT
 * @param ef HNSW: how many candidates a search keeps, at least 1 (raised to the number of results asked for, as
 *     Milvus requires); 0 for FLAT
 */
public record MilvusIndexParams(Kind kind, int m, int efConstruction, int ef) {
  static final int MIN_M = 2;
  static final int MAX_M = 2048;

  /** The Milvus index types MovieRec builds. */
  public enum Kind {
    FLAT,
    HNSW
  }

  public MilvusIndexParams {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.FLAT) {
      if (m != 0 || efConstruction != 0 || ef != 0) {
        throw new IllegalArgumentException("a FLAT index takes no HNSW parameters, got: m " + m + ", efConstruction "
            + efConstruction + ", ef " + ef);
      }
    } else {
      if (m < MIN_M || m > MAX_M) {
        throw new IllegalArgumentException("HNSW m must be in " + MIN_M + ".." + MAX_M + ", got: " + m);
      }
      if (efConstruction < 1) {
        throw new IllegalArgumentException("HNSW efConstruction must be at least 1, got: " + efConstruction);
      }
      if (ef < 1) {
        throw new IllegalArgumentException("HNSW ef must be at least 1, got: " + ef);
      }
    }
  }

  /** Exact search by comparing with every movie. */
  public static MilvusIndexParams flat() {
    return new MilvusIndexParams(Kind.FLAT, 0, 0, 0);
  }

  /** An HNSW graph with these parameters. */
  public static MilvusIndexParams hnsw(int m, int efConstruction, int ef) {
    return new MilvusIndexParams(Kind.HNSW, m, efConstruction, ef);
  }

  /** HNSW with m 16, efConstruction 200, ef 100: recall near 1 on catalogs of thousands of movies. */
  public static MilvusIndexParams defaults() {
    return hnsw(16, 200, 100);
  }

  /** The {@code ef} a search asking Milvus for {@code limit} results uses: Milvus refuses an ef below the limit. */
  int efFor(int limit) {
    return Math.max(ef, limit);
  }
}
