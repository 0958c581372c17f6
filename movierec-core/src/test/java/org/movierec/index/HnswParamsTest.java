package org.movierec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HnswParamsTest {

  @Test
  void defaults_are_lucene_s_16_connections_and_beam_width_100() {
    assertThat(HnswParams.defaults()).isEqualTo(new HnswParams(16, 100));
  }

  @Test
  void rejects_values_lucene_would_refuse() {
    assertThatThrownBy(() -> new HnswParams(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConn must be in 1..512, got: 0");
    assertThatThrownBy(() -> new HnswParams(16, 5000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beamWidth must be in 1..3200, got: 5000");
  }
}
