package org.movierec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitsTest {

  /** n ratings whose movie id is the row number + 1, so that a row can be recognised in a split. */
  private static Ratings numbered(int n) {
    SplittableRandom random = new SplittableRandom(7);
    Ratings.Builder builder = new Ratings.Builder(n);
    for (int row = 0; row < n; row++) {
      builder.add(1 + random.nextInt(50), row + 1, 1 + random.nextInt(5), 1_000_000L + row);
    }
    return builder.build();
  }

  private static List<Integer> rows(Ratings part) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < part.size(); i++) {
      rows.add(part.movieId(i) - 1);
    }
    return rows;
  }

  @Test
  void puts_exactly_the_rounded_fraction_of_rows_in_test() {
    assertThat(Splits.random(numbered(1000), 0.2, 1).test().size()).isEqualTo(200);
    assertThat(Splits.random(numbered(1000), 0.2, 1).train().size()).isEqualTo(800);
    assertThat(Splits.random(numbered(7), 0.5, 1).test().size()).isEqualTo(4); // round(3.5)
    assertThat(Splits.random(numbered(7), 0.2, 1).test().size()).isEqualTo(1); // round(1.4)
  }

  @Test
  void chooses_the_same_rows_for_the_same_seed_today_and_tomorrow() {
    Split split = Splits.random(numbered(10), 0.3, 42);

    assertThat(rows(split.test())).containsExactly(1, 4, 7);
    assertThat(rows(split.train())).containsExactly(0, 2, 3, 5, 6, 8, 9);
    assertThat(Splits.random(numbered(10), 0.3, 42)).isEqualTo(split);
  }

  @Test
  void chooses_other_rows_for_another_seed() {
    Ratings ratings = numbered(1000);

    assertThat(Splits.random(ratings, 0.1, 1).test()).isNotEqualTo(Splits.random(ratings, 0.1, 2).test());
  }

  @Test
  void parts_are_disjoint_complete_and_in_the_original_order() {
    Ratings ratings = numbered(1000);
    Split split = Splits.random(ratings, 0.25, 3);

    List<Integer> train = rows(split.train());
    List<Integer> test = rows(split.test());
    assertThat(train).isSorted().doesNotContainAnyElementsOf(test);
    assertThat(test).isSorted();
    List<Integer> all = new ArrayList<>(train);
    all.addAll(test);
    assertThat(all).hasSize(1000).containsExactlyInAnyOrderElementsOf(rows(ratings));
    for (int i = 0; i < split.test().size(); i++) {
      assertThat(split.test().get(i)).isEqualTo(ratings.get(test.get(i)));
    }
  }

  @Test
  void a_zero_fraction_keeps_everything_in_train() {
    Ratings ratings = numbered(10);
    Split split = Splits.random(ratings, 0, 5);

    assertThat(split.train()).isEqualTo(ratings);
    assertThat(split.test().size()).isZero();
  }

  @Test
  void refuses_a_fraction_outside_0_to_1() {
    Ratings ratings = numbered(10);

    assertThatThrownBy(() -> Splits.random(ratings, 1.0, 1)).hasMessage("testFraction must be in [0, 1), got: 1.0");
    assertThatThrownBy(() -> Splits.random(ratings, -0.1, 1)).hasMessage("testFraction must be in [0, 1), got: -0.1");
    assertThatThrownBy(() -> Splits.random(ratings, Double.NaN, 1))
        .hasMessage("testFraction must be in [0, 1), got: NaN");
  }
}
