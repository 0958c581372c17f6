package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswParamsTest {
  @TempDir Path tempDir;

  @Test
  void defaults_are_lucene_s_16_connections_and_beam_width_100() {
    assertThat(HnswParams.defaults()).isEqualTo(new HnswParams(16, 100));
  }

  @Test
  void defaults_are_not_quantized() {
    assertThat(HnswParams.defaults().quantized()).isFalse();
    assertThat(new HnswParams(16, 100)).isEqualTo(new HnswParams(16, 100, false));
  }

  @Test
  void with_quantization_keeps_the_graph_settings() {
    assertThat(new HnswParams(32, 200).withQuantization()).isEqualTo(new HnswParams(32, 200, true));
  }

  @Test
  void rejects_values_lucene_would_refuse() {
    assertThatThrownBy(() -> new HnswParams(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConn must be in 1..512, got: 0");
    assertThatThrownBy(() -> new HnswParams(16, 5000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beamWidth must be in 1..3200, got: 5000");
    assertThatThrownBy(() -> new HnswParams(513, 100, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConn must be in 1..512, got: 513");
  }

  @Test
  void a_manifest_of_the_default_format_has_no_quantized_field() throws IOException {
    JsonNode hnsw = writtenManifest(HnswParams.defaults()).get("hnsw");
    assertThat(hnsw.has("quantized")).isFalse();
    assertThat(hnsw.has("graphDimension")).isFalse();
    assertThat(hnsw.get("maxConn").asInt()).isEqualTo(16);
    assertThat(hnsw.get("beamWidth").asInt()).isEqualTo(100);
  }

  @Test
  void a_manifest_of_a_quantized_index_says_so_and_reads_back() throws IOException {
    HnswParams quantized = new HnswParams(24, 150, true);
    assertThat(writtenManifest(quantized).get("hnsw").get("quantized").asBoolean()).isTrue();
    assertThat(IndexManifest.readFrom(tempDir).hnsw()).isEqualTo(quantized);
  }

  @Test
  void a_manifest_of_a_projected_graph_records_its_dimension_and_reads_back() throws IOException {
    HnswParams projected = HnswParams.defaults().withGraphDimension(64);
    assertThat(writtenManifest(projected).get("hnsw").get("graphDimension").asInt()).isEqualTo(64);
    assertThat(IndexManifest.readFrom(tempDir).hnsw()).isEqualTo(projected);
  }

  @Test
  void projects_only_vectors_longer_than_the_graph_dimension() {
    HnswParams projected = new HnswParams(16, 100, false, 64);
    assertThat(projected.projects(257)).isTrue();
    assertThat(projected.projects(64)).isFalse();
    assertThat(projected.projects(16)).isFalse();
    assertThat(HnswParams.defaults().projects(257)).isFalse();
    assertThat(projected.withQuantization()).isEqualTo(new HnswParams(16, 100, true, 64));
  }

  @Test
  void large_catalogs_of_long_vectors_are_built_on_64_leading_directions() {
    assertThat(HnswParams.forCatalog(3_883, 257)).isEqualTo(HnswParams.defaults());
    assertThat(HnswParams.forCatalog(99_999, 257)).isEqualTo(HnswParams.defaults());
    assertThat(HnswParams.forCatalog(100_000, 257)).isEqualTo(new HnswParams(16, 100, false, 64));
    assertThat(HnswParams.forCatalog(1_000_000, 128)).isEqualTo(new HnswParams(16, 100, false, 64));
    assertThat(HnswParams.forCatalog(1_000_000, 127)).isEqualTo(HnswParams.defaults());
  }

  @Test
  void rejects_a_negative_graph_dimension() {
    assertThatThrownBy(() -> HnswParams.defaults().withGraphDimension(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("graphDimension must be 0 (all dimensions) or positive, got: -1");
  }

  @Test
  void a_manifest_written_before_quantization_existed_reads_as_not_quantized() throws IOException {
    Files.writeString(tempDir.resolve(IndexManifest.FILE_NAME), """
        {
          "formatVersion" : 1,
          "backend" : "lucene-hnsw",
          "dimension" : 257,
          "size" : 3883,
          "modelFingerprint" : "c414f0beaf968ddb",
          "hnsw" : {
            "maxConn" : 16,
            "beamWidth" : 100
          },
          "luceneVersion" : "10.3.2"
        }
        """, StandardCharsets.UTF_8);
    assertThat(IndexManifest.readFrom(tempDir).hnsw()).isEqualTo(new HnswParams(16, 100, false));
  }

  private JsonNode writtenManifest(HnswParams hnsw) throws IOException {
    new IndexManifest(IndexManifest.FORMAT_VERSION, LuceneIndex.BACKEND, 2, 5, "model-a", hnsw, "10.3.2")
        .writeTo(tempDir);
    return new ObjectMapper().readTree(tempDir.resolve(IndexManifest.FILE_NAME).toFile());
  }
}
