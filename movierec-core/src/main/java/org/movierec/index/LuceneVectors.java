package org.movierec.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The movie id and exact vector of every Lucene document, loaded once when an index is opened (after verifying the
 * checksums of every file), so that candidates can be re-scored without touching the disk. The vectors lie one after
 * the other in one array ({@link FlatVectors}). Immutable.
 */
final class LuceneVectors {
  private final int[] movieIds;
  private final FlatVectors vectors;
  private final int[] sortedIds; // ascending, with the document of each in docsBySortedId
  private final int[] docsBySortedId;
  private final int[] docOfId; // doc + 1 by movie id (0: not held), or null for ids too large for an array

  private LuceneVectors(int[] movieIds, FlatVectors vectors) {
    this.movieIds = movieIds;
    this.vectors = vectors;
    Integer[] order = new Integer[movieIds.length];
    for (int doc = 0; doc < order.length; doc++) {
      order[doc] = doc;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(movieIds[a], movieIds[b]));
    this.sortedIds = new int[order.length];
    this.docsBySortedId = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      sortedIds[i] = movieIds[order[i]];
      docsBySortedId[i] = order[i];
    }
    int maxId = sortedIds.length == 0 ? 0 : sortedIds[sortedIds.length - 1];
    this.docOfId = maxId >= 0 && maxId < (1 << 20) && (sortedIds.length == 0 || sortedIds[0] >= 0)
        ? new int[maxId + 1] : null;
    if (docOfId != null) {
      for (int i = 0; i < sortedIds.length; i++) {
        docOfId[sortedIds[i]] = docsBySortedId[i] + 1;
      }
    }
  }

  /**
   * Reads every live document of {@code reader}, the full vectors from {@link LuceneSchema#EXACT} when the graph's
   * vectors are {@code projected}.
   *
   * @throws CorruptIndexException when a checksum fails or a document lacks its id or vector of {@code dimension}
   */
  static LuceneVectors load(DirectoryReader reader, int dimension, boolean projected) throws IOException {
    if (reader.hasDeletions()) {
      throw new CorruptIndexException("an index written by MovieRec has no deleted documents", reader.toString());
    }
    int docs = reader.maxDoc();
    int[] movieIds = new int[docs];
    float[] vectors = new float[Math.multiplyExact(docs, dimension)];
    boolean[] hasVector = new boolean[docs];
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader segment = leaf.reader();
      segment.checkIntegrity();
      readIds(segment, leaf.docBase, movieIds);
      if (projected) {
        readExactVectors(segment, leaf.docBase, dimension, vectors, hasVector);
      } else {
        readVectors(segment, leaf.docBase, dimension, vectors, hasVector);
      }
    }
    for (int doc = 0; doc < docs; doc++) {
      if (!hasVector[doc]) {
        throw new CorruptIndexException("document " + doc + " has no vector", reader.toString());
      }
    }
    return new LuceneVectors(movieIds, new FlatVectors(vectors, docs, dimension));
  }

  int size() {
    return movieIds.length;
  }

  int movieId(int doc) {
    return movieIds[doc];
  }

  /** The movie id of every document, by document number; internal, not to be modified. */
  int[] movieIds() {
    return movieIds;
  }

  /** The document of a movie id, or -1 when the index does not hold it. */
  int doc(int movieId) {
    if (docOfId != null) {
      return movieId >= 0 && movieId < docOfId.length ? docOfId[movieId] - 1 : -1;
    }
    int i = Arrays.binarySearch(sortedIds, movieId);
    return i >= 0 ? docsBySortedId[i] : -1;
  }

  /** Every document's stored vector, by document number; internal, not to be modified. */
  FlatVectors vectors() {
    return vectors;
  }

  /**
   * The movie ids, from the id field's doc values (an {@code IntField} indexes them), else from the stored fields:
   * decompressing every stored document took a tenth of a second of a fresh JVM.
   */
  private static void readIds(LeafReader segment, int docBase, int[] movieIds) throws IOException {
    FieldInfo field = segment.getFieldInfos().fieldInfo(LuceneSchema.ID);
    if (field != null && field.getDocValuesType() == org.apache.lucene.index.DocValuesType.SORTED_NUMERIC) {
      SortedNumericDocValues values = segment.getSortedNumericDocValues(LuceneSchema.ID);
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if (values == null || !values.advanceExact(doc) || values.docValueCount() != 1) {
          throw new CorruptIndexException("document " + (docBase + doc) + " has no movie id", segment.toString());
        }
        movieIds[docBase + doc] = Math.toIntExact(values.nextValue());
      }
      return;
    }
    StoredFields stored = segment.storedFields();
    for (int doc = 0; doc < segment.maxDoc(); doc++) {
      var id = stored.document(doc).getField(LuceneSchema.ID);
      if (id == null || id.numericValue() == null) {
        throw new CorruptIndexException("document " + (docBase + doc) + " has no movie id", segment.toString());
      }
      movieIds[docBase + doc] = id.numericValue().intValue();
    }
  }

  private static void readVectors(LeafReader segment, int docBase, int dimension, float[] vectors,
      boolean[] hasVector) throws IOException {
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
      System.arraycopy(values.vectorValue(it.index()), 0, vectors, (docBase + doc) * dimension, dimension);
      hasVector[docBase + doc] = true;
    }
  }

  private static void readExactVectors(LeafReader segment, int docBase, int dimension, float[] vectors,
      boolean[] hasVector) throws IOException {
    BinaryDocValues values = segment.getBinaryDocValues(LuceneSchema.EXACT);
    if (values == null) {
      return; // reported as a document without vector
    }
    int bytes = dimension * Float.BYTES;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      BytesRef value = values.binaryValue();
      if (value.length != bytes) {
        throw new CorruptIndexException("document " + (docBase + doc) + " has a vector of " + value.length
            + " bytes but the manifest's dimension " + dimension + " needs " + bytes, segment.toString());
      }
      ByteBuffer.wrap(value.bytes, value.offset, value.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
          .get(vectors, (docBase + doc) * dimension, dimension);
      hasVector[docBase + doc] = true;
    }
  }
}
