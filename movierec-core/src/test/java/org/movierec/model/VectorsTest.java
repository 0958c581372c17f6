package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void dots_are_the_dot_products_of_each_query_with_each_vector() {
    float[][] out = new float[2][2];
    Vectors.dots(new float[][] {{1, 0, -2}, {0, 1, 0}}, new float[][] {{1, 2, 3}, {4, 5, 6}}, out);
    assertThat(out[0]).containsExactly(1 - 6, 4 - 12);
    assertThat(out[1]).containsExactly(2, 5);
  }

  @Test
  void dots_agree_with_one_dot_at_a_time_on_a_seeded_random_case() {
    // 10 queries: two groups of four and two left over; 257 elements: whole lanes and a tail.
    Random random = new Random(7);
    float[][] queries = gaussian(random, 10, 257);
    float[][] vectors = gaussian(random, 37, 257);
    float[][] out = new float[10][37];
    Vectors.dots(queries, vectors, out);
    for (int r = 0; r < queries.length; r++) {
      for (int i = 0; i < vectors.length; i++) {
        assertThat(out[r][i]).as("query %d, vector %d", r, i)
            .isCloseTo(Vectors.dot(queries[r], vectors[i]), within(1e-4f));
      }
    }
  }

  @Test
  void mismatched_shapes_are_refused_with_both() {
    assertThatThrownBy(() -> Vectors.dots(new float[][] {new float[2]}, new float[][] {new float[2], new float[3]},
        new float[1][2])).hasMessageContaining("vector 1 has dimension 3, expected 2");
    assertThatThrownBy(() -> Vectors.dots(new float[][] {new float[3]}, new float[][] {new float[2]},
        new float[1][1])).hasMessageContaining("query 0 has dimension 3, expected 2");
    assertThatThrownBy(() -> Vectors.dots(new float[][] {new float[2]}, new float[][] {new float[2]},
        new float[1][4])).hasMessageContaining("expected output rows of 1, got 4");
  }

  private static float[][] gaussian(Random random, int n, int d) {
    float[][] v = new float[n][d];
    for (float[] row : v) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return v;
  }
}
