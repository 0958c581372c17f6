package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MilvusIndexParamsTest {

  @Test
  void defaults_to_hnsw_16_200_100() {
    assertThat(MilvusIndexParams.defaults()).isEqualTo(
        new MilvusIndexParams(MilvusIndexParams.Kind.HNSW, 16, 200, 100));
  }

  @Test
  void refuses_hnsw_parameters_outside_milvus_ranges() {
    assertThatThrownBy(() -> MilvusIndexParams.hnsw(1, 200, 100)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HNSW m must be in 2..2048, got: 1");
    assertThatThrownBy(() -> MilvusIndexParams.hnsw(2049, 200, 100)).hasMessage("HNSW m must be in 2..2048, got: 2049");
    assertThatThrownBy(() -> MilvusIndexParams.hnsw(16, 0, 100))
        .hasMessage("HNSW efConstruction must be at least 1, got: 0");
    assertThatThrownBy(() -> MilvusIndexParams.hnsw(16, 200, 0)).hasMessage("HNSW ef must be at least 1, got: 0");
  }

  @Test
  void refuses_hnsw_parameters_on_a_flat_index() {
    assertThatThrownBy(() -> new MilvusIndexParams(MilvusIndexParams.Kind.FLAT, 16, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a FLAT index takes no HNSW parameters, got: m 16, efConstruction 0, ef 0");
  }

  @Test
  void raises_ef_to_the_number_of_results_asked_for() {
    MilvusIndexParams p = MilvusIndexParams.hnsw(16, 200, 100);
    assertThat(p.efFor(10)).isEqualTo(100);
    assertThat(p.efFor(500)).isEqualTo(500);
  }
}
