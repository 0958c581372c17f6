package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorsTest {
  @Test
  void vectors_by_dimension_put_each_dimension_together() {
    float[] t = Vectors.byDimension(List.of(new float[] {1, 2, 3}, new float[] {4, 5, 6}));
    assertThat(t).containsExactly(1, 4, 2, 5, 3, 6);
  }

  @Test
  void dots_by_dimension_are_the_dot_products_with_each_vector() {
    float[] out = new float[2];
    Vectors.dotsByDimension(new float[] {1, 0, -2}, Vectors.byDimension(List.of(new float[] {1, 2, 3},
        new float[] {4, 5, 6})), out);
    assertThat(out).containsExactly(1 - 6, 4 - 12);
  }

  @Test
  void dots_by_dimension_agree_with_one_dot_at_a_time_on_a_seeded_random_case() {
    Random random = new Random(7);
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < 37; i++) {
      float[] v = new float[257];
      for (int j = 0; j < v.length; j++) {
        v[j] = (float) random.nextGaussian();
      }
      vectors.add(v);
    }
    float[] q = vectors.remove(0);
    float[] out = new float[vectors.size()];
    Vectors.dotsByDimension(q, Vectors.byDimension(vectors), out);
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).isCloseTo(Vectors.dot(q, vectors.get(i)), within(1e-3f));
    }
  }

  @Test
  void mismatched_shapes_are_refused_with_both() {
    assertThatThrownBy(() -> Vectors.byDimension(List.of(new float[2], new float[3])))
        .hasMessageContaining("vector 1 has dimension 3, the first has 2");
    assertThatThrownBy(() -> Vectors.dotsByDimension(new float[2], new float[5], new float[2]))
        .hasMessageContaining("expected 2 x 2 values by dimension, got 5");
  }
}
