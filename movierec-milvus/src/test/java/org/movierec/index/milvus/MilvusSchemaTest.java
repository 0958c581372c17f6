package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonObject;
import io.milvus.grpc.KeyValuePair;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.CreateCollectionReq.CollectionSchema;
import io.milvus.v2.service.collection.request.CreateCollectionReq.FieldSchema;
import io.milvus.v2.utils.SchemaUtils;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.index.IndexedMovie;

class MilvusSchemaTest {

  @Test
  void has_an_int64_id_given_by_movierec_a_float_vector_a_title_a_year_and_an_array_of_genres() {
    CollectionSchema schema = MilvusSchema.schema(33);
    assertThat(schema.isEnableDynamicField()).isFalse();
    assertThat(schema.getFieldSchemaList())
        .extracting(FieldSchema::getName, FieldSchema::getDataType, FieldSchema::getIsPrimaryKey)
        .containsExactly(
            tuple("id", DataType.Int64, true),
            tuple("vector", DataType.FloatVector, false),
            tuple("title", DataType.VarChar, false),
            tuple("year", DataType.Int32, false),
            tuple("genres", DataType.Array, false));
    assertThat(schema.getField("id").getAutoID()).isFalse();
    assertThat(schema.getField("vector").getDimension()).isEqualTo(33);
    assertThat(schema.getField("title").getMaxLength()).isEqualTo(512);
    FieldSchema genres = schema.getField("genres");
    assertThat(genres.getElementType()).isEqualTo(DataType.VarChar);
    assertThat(genres.getMaxCapacity()).isEqualTo(18);
    assertThat(genres.getMaxLength()).isEqualTo(32);
  }

  @Test
  void sends_the_type_parameters_milvus_reads() {
    // What the SDK puts on the wire for each field (its own conversion, as createCollection calls it).
    CollectionSchema schema = MilvusSchema.schema(33);
    assertThat(typeParams(schema.getField("vector"))).isEqualTo(Map.of("dim", "33"));
    assertThat(typeParams(schema.getField("title"))).isEqualTo(Map.of("max_length", "512"));
    assertThat(typeParams(schema.getField("genres"))).isEqualTo(Map.of("max_capacity", "18", "max_length", "32"));
    assertThat(SchemaUtils.convertToGrpcFieldSchema(schema.getField("genres")).getElementType())
        .isEqualTo(io.milvus.grpc.DataType.VarChar);
  }

  private static Map<String, String> typeParams(FieldSchema field) {
    Map<String, String> params = new java.util.TreeMap<>();
    for (KeyValuePair kv : SchemaUtils.convertToGrpcFieldSchema(field).getTypeParamsList()) {
      params.put(kv.getKey(), kv.getValue());
    }
    return params;
  }

  @Test
  void refuses_a_dimension_milvus_does_not_hold() {
    assertThatThrownBy(() -> MilvusSchema.schema(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Milvus holds vectors of 2..32768 dimensions, got: 1");
    assertThatThrownBy(() -> MilvusSchema.schema(32_769)).hasMessage(
        "Milvus holds vectors of 2..32768 dimensions, got: 32769");
  }

  @Test
  void builds_an_hnsw_index_on_the_vector_with_the_inner_product_and_its_parameters() {
    List<IndexParam> indexes = MilvusSchema.indexParams(MilvusIndexParams.hnsw(24, 300, 64));
    assertThat(indexes).hasSize(1);
    IndexParam index = indexes.get(0);
    assertThat(index.getFieldName()).isEqualTo("vector");
    assertThat(index.getIndexType()).isEqualTo(IndexParam.IndexType.HNSW);
    assertThat(index.getMetricType()).isEqualTo(IndexParam.MetricType.IP);
    assertThat(index.getExtraParams()).isEqualTo(Map.of("M", 24, "efConstruction", 300));
  }

  @Test
  void builds_a_flat_index_with_the_inner_product_and_no_parameters() {
    IndexParam index = MilvusSchema.indexParams(MilvusIndexParams.flat()).get(0);
    assertThat(index.getIndexType()).isEqualTo(IndexParam.IndexType.FLAT);
    assertThat(index.getMetricType()).isEqualTo(IndexParam.MetricType.IP);
    assertThat(index.getExtraParams()).isNullOrEmpty();
  }

  @Test
  void searches_hnsw_with_ef_at_least_the_limit_and_flat_with_no_parameters() {
    MilvusIndexParams hnsw = MilvusIndexParams.hnsw(16, 200, 100);
    assertThat(MilvusSchema.searchParams(hnsw, 18)).isEqualTo(Map.of("ef", 100));
    assertThat(MilvusSchema.searchParams(hnsw, 508)).isEqualTo(Map.of("ef", 508));
    assertThat(MilvusSchema.searchParams(MilvusIndexParams.flat(), 18)).isEmpty();
  }

  @Test
  void records_the_model_fingerprint_in_the_description_and_reads_it_back() {
    String description = MilvusSchema.description("3f9a0c2e71bd-ml1m");
    assertThat(description).isEqualTo("MovieRec movie vectors; model fingerprint: 3f9a0c2e71bd-ml1m");
    assertThat(MilvusSchema.fingerprintOf(description)).contains("3f9a0c2e71bd-ml1m");
    assertThat(MilvusSchema.fingerprintOf("someone else's collection")).isEmpty();
    assertThat(MilvusSchema.fingerprintOf("")).isEmpty();
    assertThat(MilvusSchema.fingerprintOf(null)).isEmpty();
  }

  @Test
  void writes_one_row_per_movie_with_its_genre_labels_in_genre_order() {
    IndexedMovie movie = new IndexedMovie(1, new float[] {0.25f, -1.5f}, Set.of(Genre.COMEDY, Genre.CHILDRENS), 1995);
    JsonObject row = MilvusSchema.row(movie, "Toy Story (1995)");
    assertThat(row.toString()).isEqualTo(
        "{\"id\":1,\"vector\":[0.25,-1.5],\"title\":\"Toy Story (1995)\",\"year\":1995,"
            + "\"genres\":[\"Children's\",\"Comedy\"]}");
    assertThat(row.getAsJsonArray("vector").get(1).getAsFloat()).isEqualTo(-1.5f);
  }

  @Test
  void refuses_a_title_longer_than_the_field() {
    IndexedMovie movie = new IndexedMovie(9, new float[] {1, 0}, Set.of(Genre.DRAMA), 0);
    String title = "é".repeat(257); // 514 bytes in UTF-8
    assertThatThrownBy(() -> MilvusSchema.row(movie, title)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the title of movie 9 must be at most 512 bytes in UTF-8, got 514: " + title);
  }
}
