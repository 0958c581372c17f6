package org.movierec.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.movierec.data.Genre;

/** How a movie becomes a Lucene document, and an {@link ItemFilter} a Lucene query on those documents. */
final class LuceneSchema {
  static final String ID = "movie_id";
  static final String VECTOR = "vector";
  static final String GENRE = "genre";
  static final String YEAR = "year";
  /** The full vector as little-endian floats, when the graph's {@link #VECTOR} is a {@link GraphProjection}. */
  static final String EXACT = "exact_vector";

  /** Inner product, any vector length: the score {@link VectorIndex} promises, up to Lucene's monotone scaling. */
  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;

  private LuceneSchema() {}

  /** The document of {@code movie}, its graph vector projected by {@code projection} unless that is null. */
  static Document document(IndexedMovie movie, GraphProjection projection) {
    Document doc = new Document();
    doc.add(new IntField(ID, movie.movieId(), Field.Store.YES));
    if (projection == null) {
      doc.add(new KnnFloatVectorField(VECTOR, movie.vector(), SIMILARITY));
    } else {
      doc.add(new KnnFloatVectorField(VECTOR, projection.apply(movie.vector()), SIMILARITY));
      doc.add(new BinaryDocValuesField(EXACT, new BytesRef(littleEndian(movie.vector()))));
    }
    for (Genre g : movie.genres()) {
      doc.add(new StringField(GENRE, g.name(), Field.Store.NO));
    }
    doc.add(new IntField(YEAR, movie.year(), Field.Store.YES));
    return doc;
  }

  static byte[] littleEndian(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  /** The documents {@code filter} accepts, or null when it accepts all of them. */
  static Query filterQuery(ItemFilter filter) {
    if (filter.excludedIds().isEmpty() && filter.genres().isEmpty() && !filter.hasYearBound()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean restricted = false;
    if (!filter.genres().isEmpty()) {
      List<BytesRef> anyOf = filter.genres().stream().map(g -> new BytesRef(g.name())).toList();
      query.add(new TermInSetQuery(GENRE, anyOf), Occur.FILTER);
      restricted = true;
    }
    if (filter.hasYearBound()) {
      // Unknown years are stored as 0; a lower bound of 1 keeps them out, as ItemFilter.accepts does.
      int from = filter.minYear() == 0 ? 1 : filter.minYear();
      int to = filter.maxYear() == 0 ? Integer.MAX_VALUE : filter.maxYear();
      query.add(IntField.newRangeQuery(YEAR, from, to), Occur.FILTER);
      restricted = true;
    }
    if (!filter.excludedIds().isEmpty()) {
      int[] ids = filter.excludedIds().stream().mapToInt(Integer::intValue).toArray();
      query.add(IntField.newSetQuery(ID, ids), Occur.MUST_NOT);
      if (!restricted) {
        query.add(new MatchAllDocsQuery(), Occur.FILTER);
      }
    }
    return query.build();
  }
}
