package org.movierec.index;

/** Checks every backend makes on a query before searching. */
final class Queries {
  private Queries() {}

  static void requireDimension(VectorQuery query, int dimension) {
    if (query.dimension() != dimension) {
      throw new IllegalArgumentException(
          "query vector has dimension " + query.dimension() + " but the index holds vectors of dimension " + dimension);
    }
  }
}
