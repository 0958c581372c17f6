package org.movierec.index;

import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The movie id and exact vector of every Lucene document, loaded once when an index is opened (after verifying the
 * checksums of every file), so that candidates can be re-scored without touching the disk. Immutable.
 */
final class LuceneVectors {
  private final int[] movieIds;
  private final float[][] vectors;

  private LuceneVectors(int[] movieIds, float[][] vectors) {
    this.movieIds = movieIds;
    this.vectors = vectors;
  }

  /**
   * Reads every live document of {@code reader}.
   *
   * @throws CorruptIndexException when a checksum fails or a document lacks its id or vector of {@code dimension}
   */
  static LuceneVectors load(DirectoryReader reader, int dimension) throws IOException {
    if (reader.hasDeletions()) {
      throw new CorruptIndexException("an index written by MovieRec has no deleted documents", reader.toString());
    }
    int[] movieIds = new int[reader.maxDoc()];
    float[][] vectors = new float[reader.maxDoc()][];
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      segment.checkIntegrity();
      readIds(segment, leaf.docBase, movieIds);
      readVectors(segment, leaf.docBase, dimension, vectors);
    }
    for (int doc = 0; doc < vectors.length; doc++) {
      if (vectors[doc] == null) {
        throw new CorruptIndexException("document " + doc + " has no vector", reader.toString());
      }
    }
    return new LuceneVectors(movieIds, vectors);
  }

  int size() {
    return movieIds.length;
  }

  int movieId(int doc) {
    return movieIds[doc];
  }

  /** The stored vector of a document; internal, not to be modified. */
  float[] vector(int doc) {
    return vectors[doc];
  }

  private static void readIds(LeafReader segment, int docBase, int[] movieIds) throws IOException {
    StoredFields stored = segment.storedFields();
    for (int doc = 0; doc < segment.maxDoc(); doc++) {
      var id = stored.document(doc).getField(LuceneSchema.ID);
      if (id == null || id.numericValue() == null) {
        throw new CorruptIndexException("document " + (docBase + doc) + " has no movie id", segment.toString());
      }
      movieIds[docBase + doc] = id.numericValue().intValue();
    }
  }

  private static void readVectors(LeafReader segment, int docBase, int dimension, float[][] vectors)
      throws IOException {
    FloatVectorValues values = segment.getFloatVectorValues(LuceneSchema.VECTOR);
    if (values == null) {
      return; // reported as a document without vector
    }
    if (values.dimension() != dimension) {
      throw new CorruptIndexException(
          "vectors have dimension " + values.dimension() + " but the manifest says " + dimension, segment.toString());
    }
    KnnVectorValues.DocIndexIterator it = values.iterator();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      vectors[docBase + doc] = values.vectorValue(it.index()).clone();
    }
  }
}
