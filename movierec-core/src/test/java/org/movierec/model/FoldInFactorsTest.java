package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.movierec.data.RatedMovie;

class FoldInFactorsTest {
  /** mu 3; movie rows 1 and 2 (ids 100 and 200): biases 0.5 and -0.2, one-number vectors 2 and -1. */
  private static final FoldInFactors TINY = new FoldInFactors(3f, new Tensor("b", new int[] {3},
      new float[] {0f, 0.5f, -0.2f}), new Tensor("q", new int[] {3, 1}, new float[] {0f, 2f, -1f}), 0.5f, 1f);

  private static int row(int movieId) {
    return movieId == 100 ? 1 : movieId == 200 ? 2 : 0;
  }

  @Test
  void one_rating_is_fitted_by_ridge_regression_as_computed_by_hand() {
    // residual 5 - 3 - 0.5 = 1.5, x = [1, 2]; [[1 + 1, 2], [2, 4 + 0.5]] [bu, pu] = [1.5, 3] gives [0.15, 0.6]
    float[] user = TINY.fitUser(List.of(new RatedMovie(100, 5)), FoldInFactorsTest::row);
    assertThat(user).containsExactly(new float[] {0.15f, 0.6f}, within(1e-6f));
    assertThat(TINY.predict(user, 1)).isCloseTo(3f + 0.5f + 0.15f + 1.2f, within(1e-6f));
    assertThat(TINY.predict(user, 2)).isCloseTo(3f - 0.2f + 0.15f - 0.6f, within(1e-6f));
  }

  @Test
  void no_ratings_give_zero_factors_and_a_movie_never_seen_reads_row_zero() {
    assertThat(TINY.fitUser(List.of(), FoldInFactorsTest::row)).containsExactly(0f, 0f);
    assertThat(TINY.predict(new float[] {0f, 0f}, 2)).isCloseTo(2.8f, within(1e-6f));
    // an unseen movie has bias and vector 0: x = [1, 0], so only the bias moves: (4 - 3) / (1 + 1) = 0.5
    assertThat(TINY.fitUser(List.of(new RatedMovie(999, 4)), FoldInFactorsTest::row))
        .containsExactly(new float[] {0.5f, 0f}, within(1e-6f));
  }

  @Test
  void the_fitted_factors_minimise_the_penalised_squared_error() {
    SplittableRandom random = new SplittableRandom(3);
    int rows = 30;
    int k = 4;
    float[] bias = new float[rows];
    float[] q = new float[rows * k];
    for (int i = k; i < q.length; i++) {
      q[i] = (float) random.nextDouble(-1, 1);
    }
    for (int r = 1; r < rows; r++) {
      bias[r] = (float) random.nextDouble(-0.5, 0.5);
    }
    FoldInFactors f = new FoldInFactors(3.6f, new Tensor("b", new int[] {rows}, bias),
        new Tensor("q", new int[] {rows, k}, q), 0.05f, 0.01f);
    List<RatedMovie> ratings = java.util.stream.IntStream.range(1, 13)
        .mapToObj(r -> new RatedMovie(r, 1 + random.nextInt(5))).toList();
    float[] best = f.fitUser(ratings, id -> id);
    double at = objective(f, ratings, best);
    for (int i = 0; i < best.length; i++) { // any small step away costs more
      for (float step : new float[] {-1e-2f, 1e-2f}) {
        float[] moved = best.clone();
        moved[i] += step;
        assertThat(objective(f, ratings, moved)).isGreaterThan(at);
      }
    }
  }

  private static double objective(FoldInFactors f, List<RatedMovie> ratings, float[] user) {
    double sum = 0;
    for (RatedMovie r : ratings) {
      double e = r.stars() - f.predict(user, r.movieId());
      sum += e * e;
    }
    double vector = 0;
    for (int i = 1; i < user.length; i++) {
      vector += user[i] * user[i];
    }
    return sum + ratings.size() * (0.05 * vector + 0.01 * user[0] * user[0]);
  }

  @Test
  void mismatched_tables_and_non_positive_penalties_are_refused_with_what_arrived() {
    Tensor b = new Tensor("b", new int[] {3}, new float[3]);
    assertThatThrownBy(() -> new FoldInFactors(3f, b, new Tensor("q", new int[] {2, 1}, new float[2]), 1f, 1f))
        .hasMessageContaining("same rows").hasMessageContaining("[3]").hasMessageContaining("[2, 1]");
    assertThatThrownBy(() -> new FoldInFactors(3f, b, new Tensor("q", new int[] {3, 1}, new float[3]), 0f, 1f))
        .hasMessageContaining("positive, got: 0.0");
  }
}
