package org.movierec.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A linear map of the movie vectors onto their leading directions, on which a large catalog's HNSW graph is built
 * ({@link HnswParams#graphDimension()}): the graph compares short vectors, the candidates it finds are then re-scored
 * with the full ones. The directions are the top eigenvectors of the movies' second-moment matrix {@code Σ v vᵀ}
 * (uncentred: inner products, not distances, are to be kept), so the projected inner product {@code (Pq)·(Pv)} is the
 * part of {@code q·v} the movies vary along most. With as many directions as dimensions it is a rotation and keeps
 * every inner product. Immutable; stored in the index directory in a checksummed file.
 */
final class GraphProjection {
  static final String FILE = "graph-projection.bin";
  private static final String CODEC = "MovieRecGraphProjection";
  private static final int VERSION = 0;
  /** The most movies the second-moment matrix is estimated from (evenly spaced through the catalog). */
  static final int SAMPLE = 20_000;

  private final int dimension;
  private final int graphDimension;
  private final float[] basis; // graphDimension rows of dimension values, unit length, best direction first
  private final FlatVectors rows; // the same rows, scored four at a time
  private final int[] all; // 0 .. graphDimension - 1

  private GraphProjection(int dimension, int graphDimension, float[] basis) {
    this.dimension = dimension;
    this.graphDimension = graphDimension;
    this.basis = basis;
    this.rows = new FlatVectors(basis, graphDimension, dimension);
    this.all = new int[graphDimension];
    Arrays.setAll(all, i -> i);
  }

  /**
   * The {@code graphDimension} leading directions of {@code vectors} (at most {@link #SAMPLE} of them, evenly
   * spaced, are read).
   */
  static GraphProjection fit(List<float[]> vectors, int graphDimension) {
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("a projection needs at least one vector");
    }
    int d = vectors.getFirst().length;
    if (graphDimension < 1 || graphDimension > d) {
      throw new IllegalArgumentException("graph dimension must be in 1.." + d + ", got: " + graphDimension);
    }
    int n = vectors.size();
    int sample = Math.min(n, SAMPLE);
    double[] moment = new double[d * d];
    double[] v = new double[d];
    for (int s = 0; s < sample; s++) {
      float[] x = vectors.get((int) ((long) s * n / sample));
      for (int i = 0; i < d; i++) {
        v[i] = x[i];
      }
      for (int i = 0; i < d; i++) {
        double vi = v[i];
        int row = i * d;
        for (int j = i; j < d; j++) {
          moment[row + j] += vi * v[j];
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        moment[i * d + j] = moment[j * d + i];
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(DMatrixRMaj.wrap(d, d, moment))) {
      throw new IllegalStateException("the eigen-decomposition of the movies' second-moment matrix failed");
    }
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    // largest eigenvalue first; equal ones by position, so that the same vectors give the same directions
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real);
      return c != 0 ? c : Integer.compare(a, b);
    });
    float[] basis = new float[graphDimension * d];
    for (int k = 0; k < graphDimension; k++) {
      DMatrixRMaj direction = eig.getEigenVector(order[k]);
      double norm = 0;
      int largest = 0; // sign: the largest component positive, so the basis does not depend on the solver's choice
      for (int i = 0; i < d; i++) {
        norm += direction.get(i) * direction.get(i);
        if (Math.abs(direction.get(i)) > Math.abs(direction.get(largest))) {
          largest = i;
        }
      }
      if (!(norm > 0) || !Double.isFinite(norm)) {
        throw new IllegalStateException("the eigen-decomposition of the movies' second-moment matrix gave direction "
            + k + " of squared norm " + norm + "; expected a unit vector");
      }
      double scale = (direction.get(largest) < 0 ? -1 : 1) / Math.sqrt(norm);
      for (int i = 0; i < d; i++) {
        basis[k * d + i] = (float) (direction.get(i) * scale);
      }
    }
    return new GraphProjection(d, graphDimension, basis);
  }

  int dimension() {
    return dimension;
  }

  int graphDimension() {
    return graphDimension;
  }

  /** The projection of a vector of {@link #dimension()} values: {@link #graphDimension()} values. */
  float[] apply(float[] vector) {
    if (vector.length != dimension) {
      throw new IllegalArgumentException("expected a vector of dimension " + dimension + ", got: " + vector.length);
    }
    float[] out = new float[graphDimension];
    rows.score(vector, all, graphDimension, out);
    return out;
  }

  void write(Directory directory) throws IOException {
    try (IndexOutput out = directory.createOutput(FILE, IOContext.DEFAULT)) {
      CodecUtil.writeHeader(out, CODEC, VERSION);
      out.writeVInt(dimension);
      out.writeVInt(graphDimension);
      for (float x : basis) {
        out.writeInt(Float.floatToIntBits(x));
      }
      CodecUtil.writeFooter(out);
    }
  }

  /**
   * Reads the projection of an index whose vectors have {@code dimension} values and whose graph {@code
   * graphDimension}.
   *
   * @throws CorruptIndexException when the file is damaged (checksum, header) or of another shape
   */
  static GraphProjection read(Directory directory, int dimension, int graphDimension) throws IOException {
    try (ChecksumIndexInput in = directory.openChecksumInput(FILE)) {
      CodecUtil.checkHeader(in, CODEC, VERSION, VERSION);
      int d = in.readVInt();
      int r = in.readVInt();
      if (d != dimension || r != graphDimension) {
        throw new CorruptIndexException("the graph projection maps " + d + " to " + r
            + " dimensions but the manifest says " + dimension + " to " + graphDimension, in);
      }
      float[] basis = new float[r * d];
      for (int i = 0; i < basis.length; i++) {
        basis[i] = Float.intBitsToFloat(in.readInt());
      }
      CodecUtil.checkFooter(in);
      return new GraphProjection(d, r, basis);
    }
  }
}
