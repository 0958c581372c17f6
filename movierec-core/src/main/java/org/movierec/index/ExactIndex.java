package org.movierec.index;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.movierec.data.Genre;

/**
 * Scores every movie the filter accepts, in memory: slow for big catalogs, always right. The reference other backends
 * are tested against. Immutable once built, so searches may run from any number of threads.
 *
 * <p>An {@link ExactScan}: one pass scores every movie in float at the speed of the CPU's vector units, then the few
 * that can be among the best are scored with the exact inner product of {@link InnerProduct#of}, so the result is
 * exact search's to the bit; the filter is checked on arrays (a row mask of the excluded ids, genre bits, years).
 */
public final class ExactIndex implements VectorIndex {
  /** The {@link IndexInfo#backend()} of this index. */
  public static final String BACKEND = "exact";

  private final IndexInfo info;
  private final int[] ids; // ascending: Catalog sorts by id
  private final int[] rowOfId; // row + 1 by movie id (0: not held), or null for ids too large for an array
  private final ExactScan scan;
  private final int[] genreBits;
  private final int[] years;
  private volatile boolean closed;

  private ExactIndex(Catalog catalog, String modelFingerprint) {
    List<IndexedMovie> movies = catalog.movies();
    int n = movies.size();
    this.info = new IndexInfo(BACKEND, catalog.dimension(), modelFingerprint, n);
    this.ids = new int[n];
    this.genreBits = new int[n];
    this.years = new int[n];
    float[] rows = new float[Math.multiplyExact(n, catalog.dimension())];
    for (int i = 0; i < n; i++) {
      IndexedMovie m = movies.get(i);
      ids[i] = m.movieId();
      System.arraycopy(m.vector(), 0, rows, i * catalog.dimension(), catalog.dimension());
      genreBits[i] = bits(m.genres());
      years[i] = m.year();
    }
    this.scan = new ExactScan(new FlatVectors(rows, n, catalog.dimension()));
    int maxId = n == 0 ? 0 : ids[n - 1];
    this.rowOfId = maxId < (1 << 20) ? new int[maxId + 1] : null;
    if (rowOfId != null) {
      for (int i = 0; i < n; i++) {
        rowOfId[ids[i]] = i + 1;
      }
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
    ItemFilter filter = query.filter();
    boolean[] excluded = excludedRows(filter.excludedIds());
    int genres = bits(filter.genres());
    boolean years = filter.hasYearBound();
    IntPredicate accepts = excluded == null && genres == 0 && !years
        ? row -> true
        : row -> (excluded == null || !excluded[row]) && (genres == 0 || (genreBits[row] & genres) != 0)
            && (!years || inYears(filter, this.years[row]));
    return scan.search(query.vector(), query.k(), accepts, ids);
  }

  @Override
  public void close() {
    closed = true;
  }

  /** The rows of the excluded ids the index holds, or null when it holds none of them. */
  private boolean[] excludedRows(Set<Integer> excludedIds) {
    boolean[] rows = null;
    for (int id : excludedIds) {
      int row = rowOfId == null ? Arrays.binarySearch(ids, id) : id >= 0 && id < rowOfId.length ? rowOfId[id] - 1 : -1;
      if (row >= 0) {
        if (rows == null) {
          rows = new boolean[ids.length];
        }
        rows[row] = true;
      }
    }
    return rows;
  }

  /** As {@link ItemFilter#accepts} reads a year: unknown (0) fails any bound. */
  private static boolean inYears(ItemFilter filter, int year) {
    return year != 0 && (filter.minYear() == 0 || year >= filter.minYear())
        && (filter.maxYear() == 0 || year <= filter.maxYear());
  }

  private static int bits(Set<Genre> genres) {
    int bits = 0;
    for (Genre g : genres) {
      bits |= 1 << g.ordinal();
    }
    return bits;
  }
}
