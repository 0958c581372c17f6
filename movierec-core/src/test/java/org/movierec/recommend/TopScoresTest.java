package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopScoresTest {

  @Test
  void keeps_the_k_best_scored_movies_best_first() {
    int[] ids = {5, 2, 4, 1, 3};
    float[] scores = {0.5f, 0.9f, -1f, 0.7f, 0.1f};

    assertThat(TopScores.top(ids, scores, 3)).containsExactly(2, 1, 5);
    assertThat(TopScores.top(ids, scores, 1)).containsExactly(2);
  }

  @Test
  void equal_scores_put_the_smaller_movie_id_first() {
    int[] ids = {30, 10, 20, 40};
    float[] scores = {1f, 1f, 2f, 1f};

    assertThat(TopScores.top(ids, scores, 4)).containsExactly(20, 10, 30, 40);
    assertThat(TopScores.top(ids, scores, 2)).containsExactly(20, 10);
  }

  @Test
  void a_k_larger_than_the_list_returns_every_movie() {
    assertThat(TopScores.top(new int[] {1, 2}, new float[] {1f, 3f}, 10)).containsExactly(2, 1);
    assertThat(TopScores.top(new int[0], new float[0], 10)).isEmpty();
  }

  @Test
  void agrees_with_a_full_sort_on_random_scores_with_ties() {
    SplittableRandom random = new SplittableRandom(17);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(300);
      int[] ids = IntStream.range(0, n).map(i -> 1 + i * 3).toArray();
      float[] scores = new float[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(20) / 4f; // many ties
      }
      int k = 1 + random.nextInt(n + 5);
      int[] expected = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparing((Integer i) -> -scores[i]).thenComparing(i -> ids[i]))
          .limit(k).mapToInt(i -> ids[i]).toArray();

      assertThat(TopScores.top(ids, scores, k)).containsExactly(expected);
    }
  }

  @Test
  void refuses_bad_arguments() {
    assertThatThrownBy(() -> TopScores.top(new int[] {1}, new float[] {1f}, 0))
        .hasMessage("k must be at least 1, got: 0");
    assertThatThrownBy(() -> TopScores.top(new int[] {1, 2}, new float[] {1f}, 1))
        .hasMessage("need a score for each of the 2 movies, got 1 scores");
    assertThatThrownBy(() -> TopScores.top(new int[] {1, 2}, new float[] {1f, Float.NaN}, 1))
        .hasMessage("the score of movie 2 is NaN");
  }
}
