package org.movierec.index.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MilvusScoresTest {

  @Test
  void takes_the_inner_product_milvus_reports_as_the_score_unchanged() {
    // (1, 0.5) . (2, -1) = 1.5 and (1, 0.5) . (-1, 0) = -1: Milvus's IP score is that inner product, higher is better.
    assertThat(MilvusScores.fromInnerProduct(1.5f)).isEqualTo(1.5f);
    assertThat(MilvusScores.fromInnerProduct(-1.0f)).isEqualTo(-1.0f);
    assertThat(MilvusScores.fromInnerProduct(0.0f)).isEqualTo(0.0f);
  }

  @Test
  void refuses_a_missing_score() {
    assertThatThrownBy(() -> MilvusScores.fromInnerProduct(null)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Milvus returned no inner product for a search hit, got: null");
    assertThatThrownBy(() -> MilvusScores.fromInnerProduct(Float.NaN)).isInstanceOf(IllegalStateException.class);
  }
}
