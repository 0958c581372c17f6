package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatingMetricsTest {

  @Test
  void rmse_is_the_root_of_the_mean_squared_error() {
    // errors -1, 0, +2: squares 1, 0, 4
    assertThat(RatingMetrics.rmse(new float[] {3, 4, 5}, new int[] {4, 4, 3}))
        .isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));
    assertThat(RatingMetrics.rmse(new float[] {1.5f, 2.5f}, new int[] {2, 2})).isEqualTo(1.0 / 2.0);
  }

  @Test
  void mae_is_the_mean_absolute_error() {
    assertThat(RatingMetrics.mae(new float[] {3, 4, 5}, new int[] {4, 4, 3})).isEqualTo(3.0 / 3.0);
    assertThat(RatingMetrics.mae(new float[] {1.5f, 2.5f, 5}, new int[] {2, 2, 4})).isEqualTo(2.0 / 3.0);
  }

  @Test
  void perfect_predictions_have_no_error() {
    assertThat(RatingMetrics.rmse(new float[] {1, 5}, new int[] {1, 5})).isZero();
    assertThat(RatingMetrics.mae(new float[] {1, 5}, new int[] {1, 5})).isZero();
  }

  @Test
  void refuses_mismatched_or_empty_inputs() {
    assertThatThrownBy(() -> RatingMetrics.rmse(new float[] {1}, new int[] {1, 2}))
        .hasMessage("need one prediction per rating, got 1 predictions for 2 ratings");
    assertThatThrownBy(() -> RatingMetrics.mae(new float[0], new int[0]))
        .hasMessage("no ratings: the error of nothing is undefined");
  }
}
