package org.movierec.index;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.Genre;

/**
 * Scores every movie the filter accepts, in memory: slow for big catalogs, always right. The reference other backends
 * are tested against. Immutable once built, so searches may run from any number of threads.
 */
public final class ExactIndex implements VectorIndex {
  /** The {@link IndexInfo#backend()} of this index. */
  public static final String BACKEND = "exact";

  private final IndexInfo info;
  private final int[] ids;
  private final float[][] vectors;
  private final List<Set<Genre>> genres;
  private final int[] years;
  private volatile boolean closed;

  private ExactIndex(Catalog catalog, String modelFingerprint) {
    List<IndexedMovie> movies = catalog.movies();
    int n = movies.size();
    this.info = new IndexInfo(BACKEND, catalog.dimension(), modelFingerprint, n);
    this.ids = new int[n];
    this.vectors = new float[n][];
    this.years = new int[n];
    this.genres = movies.stream().map(IndexedMovie::genres).toList();
    for (int i = 0; i < n; i++) {
      IndexedMovie m = movies.get(i);
      ids[i] = m.movieId();
      vectors[i] = m.vector();
      years[i] = m.year();
    }
  }

  /**
   * An index of {@code movies}, which must be non-empty, have distinct ids and vectors of one dimension.
   *
   * @param modelFingerprint identifies the model the vectors came from; reported by {@link #info()}
   */
  public static ExactIndex of(List<IndexedMovie> movies, String modelFingerprint) {
    Objects.requireNonNull(modelFingerprint, "modelFingerprint");
    return new ExactIndex(Catalog.of(movies), modelFingerprint);
  }

  @Override
  public IndexInfo info() {
    return info;
  }

  @Override
  public List<Neighbor> search(VectorQuery query) {
    if (closed) {
      throw new IllegalStateException("this exact index is closed");
    }
    Queries.requireDimension(query, info.dimension());
    float[] q = query.vector();
    ItemFilter filter = query.filter();
    TopNeighbors top = new TopNeighbors(query.k(), ids.length);
    for (int i = 0; i < ids.length; i++) {
      if (filter.accepts(ids[i], genres.get(i), years[i])) {
        top.offer(ids[i], InnerProduct.of(q, vectors[i]));
      }
    }
    return top.best();
  }

  @Override
  public void close() {
    closed = true;
  }
}
