package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static final int[] TWO_HITS_AT_THE_TOP = {10, 20, 30, 40};
  private static final int[] THREE_RELEVANT = {10, 20, 99};

  @Test
  void recall_is_the_share_of_relevant_movies_in_the_top_k() {
    assertThat(Metrics.recall(3).value(TWO_HITS_AT_THE_TOP, THREE_RELEVANT)).isEqualTo(2.0 / 3.0);
    assertThat(Metrics.recall(1).value(TWO_HITS_AT_THE_TOP, THREE_RELEVANT)).isEqualTo(1.0 / 3.0);
  }

  @Test
  void recall_divides_by_every_relevant_movie_even_when_k_is_smaller() {
    int[] relevant = {1, 2, 3, 4, 5};

    assertThat(Metrics.recall(2).value(new int[] {1, 2, 3}, relevant)).isEqualTo(2.0 / 5.0);
  }

  @Test
  void ndcg_discounts_each_hit_by_log2_of_its_rank_plus_one_against_the_ideal_ranking() {
    double ndcg = Metrics.ndcg(3).value(TWO_HITS_AT_THE_TOP, THREE_RELEVANT);

    assertThat(ndcg).isCloseTo((1 + 1 / log2(3)) / (1 + 1 / log2(3) + 1 / log2(4)), within(1e-12));
  }

  @Test
  void ndcg_counts_hits_lower_in_the_list_for_less() {
    int[] ranking = {5, 10, 6, 20}; // hits at ranks 2 and 4

    assertThat(Metrics.ndcg(4).value(ranking, THREE_RELEVANT))
        .isCloseTo((1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3) + 1 / log2(4)), within(1e-12));
  }

  @Test
  void ndcg_ideal_covers_only_min_of_relevant_and_k_ranks() {
    int[] relevant = {1, 2, 3, 4, 5};

    assertThat(Metrics.ndcg(2).value(new int[] {1, 2, 9}, relevant)).isCloseTo(1.0, within(1e-12));
    assertThat(Metrics.ndcg(2).value(new int[] {9, 2, 1}, relevant))
        .isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(1e-12));
  }

  @Test
  void hit_is_one_when_any_relevant_movie_is_in_the_top_k_and_zero_otherwise() {
    assertThat(Metrics.hit(1).value(TWO_HITS_AT_THE_TOP, THREE_RELEVANT)).isEqualTo(1.0);
    assertThat(Metrics.hit(2).value(new int[] {30, 40, 10}, THREE_RELEVANT)).isEqualTo(0.0);
    assertThat(Metrics.hit(3).value(new int[] {30, 40, 10}, THREE_RELEVANT)).isEqualTo(1.0);
  }

  @Test
  void hit_ratio_with_one_held_out_movie_is_hit_under_the_ncf_name() {
    int[] heldOut = {42};

    assertThat(Metrics.hitRatio(10).name()).isEqualTo("HR@10");
    assertThat(Metrics.hitRatio(2).value(new int[] {7, 42, 8}, heldOut)).isEqualTo(1.0);
    assertThat(Metrics.hitRatio(1).value(new int[] {7, 42, 8}, heldOut)).isEqualTo(0.0);
    assertThat(Metrics.ndcg(10).value(new int[] {7, 42, 8}, heldOut)).isCloseTo(1 / log2(3), within(1e-12));
  }

  @Test
  void a_ranking_shorter_than_k_counts_the_missing_places_as_misses() {
    int[] relevant = {7, 8};

    assertThat(Metrics.recall(10).value(new int[] {7}, relevant)).isEqualTo(1.0 / 2.0);
    assertThat(Metrics.ndcg(10).value(new int[] {7}, relevant)).isCloseTo(1 / (1 + 1 / log2(3)), within(1e-12));
    assertThat(Metrics.hit(10).value(new int[] {7}, relevant)).isEqualTo(1.0);
    assertThat(Metrics.recall(10).value(new int[0], relevant)).isEqualTo(0.0);
    assertThat(Metrics.ndcg(10).value(new int[0], relevant)).isEqualTo(0.0);
  }

  @Test
  void a_user_without_relevant_movies_has_no_value_and_is_refused() {
    for (RankingMetric metric : new RankingMetric[] {Metrics.recall(10), Metrics.ndcg(10), Metrics.hit(10)}) {
      assertThatThrownBy(() -> metric.value(new int[] {1, 2}, new int[0]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no relevant movies: the metric is undefined for this user (the evaluator skips such users)");
    }
  }

  @Test
  void refuses_relevant_ids_that_are_not_ascending_and_distinct() {
    assertThatThrownBy(() -> Metrics.recall(10).value(new int[] {1}, new int[] {3, 2}))
        .hasMessage("relevant movie ids must be ascending and distinct, got 3 before 2");
    assertThatThrownBy(() -> Metrics.ndcg(10).value(new int[] {1}, new int[] {2, 2}))
        .hasMessage("relevant movie ids must be ascending and distinct, got 2 before 2");
  }

  @Test
  void names_carry_the_cut_off_and_k_must_be_positive() {
    assertThat(Metrics.recall(10).name()).isEqualTo("Recall@10");
    assertThat(Metrics.ndcg(20).name()).isEqualTo("NDCG@20");
    assertThat(Metrics.hit(5).name()).isEqualTo("Hit@5");
    assertThat(Metrics.hit(5).k()).isEqualTo(5);
    assertThatThrownBy(() -> Metrics.ndcg(0)).hasMessage("k must be at least 1, got: 0");
  }
}
