package org.movierec.index;

import java.util.Arrays;
import java.util.Objects;

/**
 * A search: the query vector, how many movies to return, and which movies may be returned.
 *
 * <p>The vector is copied on the way in and on the way out ({@link #vector()} returns a fresh copy), so neither the
 * caller nor an index can change a query after it was made.
 *
 * @param vector the query, e.g. a user vector; non-empty, every element finite
 * @param k the most movies to return, at least 1
 * @param filter which movies may be returned; {@link ItemFilter#NONE} accepts every movie
 */
public record VectorQuery(float[] vector, int k, ItemFilter filter) {
  public VectorQuery {
    Objects.requireNonNull(vector, "vector");
    InnerProduct.requireFinite(vector, "query vector");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got: " + k);
    }
    Objects.requireNonNull(filter, "filter (use ItemFilter.NONE to accept every movie)");
    vector = vector.clone();
  }

  /** The {@code k} movies nearest to {@code vector}, unfiltered. */
  public static VectorQuery of(float[] vector, int k) {
    return new VectorQuery(vector, k, ItemFilter.NONE);
  }

  /** A copy of the query vector. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** The length of the query vector, without copying it. */
  public int dimension() {
    return vector.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorQuery q && k == q.k && filter.equals(q.filter) && Arrays.equals(vector, q.vector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(vector), k, filter);
  }

  @Override
  public String toString() {
    return "VectorQuery[vector=" + Arrays.toString(vector) + ", k=" + k + ", filter=" + filter + "]";
  }
}
