package org.movierec.index.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq.CollectionSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.movierec.data.Genre;
import org.movierec.index.IndexedMovie;

/**
 * The collection MovieRec writes: its fields, its vector index, the description that records the model, and one row
 * per movie. Pure functions: building the SDK's request objects talks to no server.
 */
final class MilvusSchema {
  private MilvusSchema() {}

  static final String ID = "id";
  static final String VECTOR = "vector";
  static final String TITLE = "title";
  static final String YEAR = "year";
  static final String GENRES = "genres";

  /** Milvus's range for the dimension of a FloatVector field. */
  static final int MIN_DIMENSION = 2;
  static final int MAX_DIMENSION = 32_768;
  /** The longest title stored, in UTF-8 bytes (MovieLens 1M's longest is 82 characters). */
  static final int TITLE_MAX_BYTES = 512;
  /** The longest genre label, in UTF-8 bytes ({@code Documentary} is 11). */
  static final int GENRE_MAX_BYTES = 32;

  private static final String DESCRIPTION_PREFIX = "MovieRec movie vectors; model fingerprint: ";

  /**
   * The fields: {@code id} INT64 primary key given by MovieRec (the MovieLens movie id, no auto id), {@code vector}
   * FloatVector of {@code dimension}, {@code title} VARCHAR, {@code year} INT32 (0 when unknown), {@code genres} ARRAY
   * of VARCHAR genre labels, so that a filter can ask for any of several genres. No dynamic field.
   */
  static CollectionSchema schema(int dimension) {
    requireDimension(dimension);
    CollectionSchema schema = CollectionSchema.builder().enableDynamicField(false).build();
    schema.addField(AddFieldReq.builder().fieldName(ID).dataType(DataType.Int64).isPrimaryKey(true).autoID(false)
        .build());
    schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(dimension)
        .build());
    schema.addField(AddFieldReq.builder().fieldName(TITLE).dataType(DataType.VarChar).maxLength(TITLE_MAX_BYTES)
        .build());
    schema.addField(AddFieldReq.builder().fieldName(YEAR).dataType(DataType.Int32).build());
    schema.addField(AddFieldReq.builder().fieldName(GENRES).dataType(DataType.Array).elementType(DataType.VarChar)
        .maxCapacity(Genre.values().length).maxLength(GENRE_MAX_BYTES).build());
    // SDK 2.6.7 copies maxLength into the field only for VarChar fields, so an array's element length would be sent
    // as 65535 (MilvusSchemaTest caught it); set it on the field itself, which is what the SDK sends.
    schema.getField(GENRES).setMaxLength(GENRE_MAX_BYTES);
    return schema;
  }

  /** The one vector index: metric IP, of the kind and with the build parameters of {@code params}. */
  static List<IndexParam> indexParams(MilvusIndexParams params) {
    IndexParam.IndexParamBuilder index = IndexParam.builder().fieldName(VECTOR).indexName(VECTOR)
        .metricType(IndexParam.MetricType.IP);
    if (params.kind() == MilvusIndexParams.Kind.HNSW) {
      index.indexType(IndexParam.IndexType.HNSW)
          .extraParams(Map.of("M", params.m(), "efConstruction", params.efConstruction()));
    } else {
      index.indexType(IndexParam.IndexType.FLAT);
    }
    return List.of(index.build());
  }

  /** The search parameters for a search asking for {@code limit} results: {@code ef} for HNSW, none for FLAT. */
  static Map<String, Object> searchParams(MilvusIndexParams params, int limit) {
    return params.kind() == MilvusIndexParams.Kind.HNSW ? Map.of("ef", params.efFor(limit)) : Map.of();
  }

  /** The collection description, which records the model the vectors came from. */
  static String description(String modelFingerprint) {
    return DESCRIPTION_PREFIX + modelFingerprint;
  }

  /** The model fingerprint a {@link #description} records, or empty when MovieRec did not write it. */
  static Optional<String> fingerprintOf(String description) {
    if (description == null || !description.startsWith(DESCRIPTION_PREFIX)
        || description.length() == DESCRIPTION_PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(description.substring(DESCRIPTION_PREFIX.length()));
  }

  /**
   * The row of one movie. {@code title} may be empty (a catalog handed over without titles).
   *
   * @throws IllegalArgumentException when the title is longer than {@value #TITLE_MAX_BYTES} UTF-8 bytes
   */
  static JsonObject row(IndexedMovie movie, String title) {
    requireTitle(movie.movieId(), title);
    JsonObject row = new JsonObject();
    row.addProperty(ID, (long) movie.movieId());
    JsonArray vector = new JsonArray(movie.dimension());
    for (float x : movie.vector()) {
      vector.add(x);
    }
    row.add(VECTOR, vector);
    row.addProperty(TITLE, title);
    row.addProperty(YEAR, movie.year());
    JsonArray genres = new JsonArray();
    movie.genres().stream().sorted().map(Genre::label).forEach(genres::add);
    row.add(GENRES, genres);
    return row;
  }

  static void requireTitle(int movieId, String title) {
    Objects.requireNonNull(title, "title of movie " + movieId);
    int bytes = title.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > TITLE_MAX_BYTES) {
      throw new IllegalArgumentException("the title of movie " + movieId + " must be at most " + TITLE_MAX_BYTES
          + " bytes in UTF-8, got " + bytes + ": " + title);
    }
  }

  static void requireDimension(int dimension) {
    if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("Milvus holds vectors of " + MIN_DIMENSION + ".." + MAX_DIMENSION
          + " dimensions, got: " + dimension);
    }
  }
}
