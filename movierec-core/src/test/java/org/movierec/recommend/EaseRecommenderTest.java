package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Ratings;
import org.movierec.data.User;

class EaseRecommenderTest extends ScorerContractTest {

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return EaseRecommender.fit(train, 10);
  }

  /**
   * Four users and three movies (10, 20, 30): {10, 20}, {20, 30}, {10, 20, 30}, {10}; stars do not matter. Then
   * {@code X^T X = [[3, 2, 1], [2, 3, 2], [1, 2, 2]]}; with lambda = 1, {@code A = [[4, 2, 1], [2, 4, 2], [1, 2, 3]]},
   * det A = 24 and {@code P = A^-1 = [[8, -4, 0], [-4, 11, -6], [0, -6, 12]] / 24}. {@code B[i][j] = -P[i][j] /
   * P[j][j]} off the diagonal: {@code B = [[0, 4/11, 0], [1/2, 0, 1/2], [0, 6/11, 0]]}.
   */
  private static final Ratings TOY = new Ratings.Builder(8)
      .add(1, 10, 5, -1).add(1, 20, 1, -1)
      .add(2, 20, 3, -1).add(2, 30, 4, -1)
      .add(3, 10, 2, -1).add(3, 20, 5, -1).add(3, 30, 1, -1)
      .add(4, 10, 4, -1)
      .build();
  private static final int[] MOVIES = {10, 20, 30};
  private static final double[][] B = {{0, 4.0 / 11, 0}, {1.0 / 2, 0, 1.0 / 2}, {0, 6.0 / 11, 0}};

  private static User user(int id) {
    return new User(id, Gender.F, AgeGroup.FROM_35_TO_44, Occupation.SCIENTIST, "");
  }

  private static float[] scores(Scorer scorer, User user) {
    float[] out = new float[MOVIES.length];
    scorer.scores(user, MOVIES, out);
    return out;
  }

  @Test
  void weights_are_the_closed_form_solution() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1);

    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat((double) ease.weight(MOVIES[i], MOVIES[j])).as("B[%d][%d]", i, j)
            .isCloseTo(B[i][j], within(1e-6));
      }
    }
    assertThat(ease.weight(10, 99)).isZero();
    assertThat(ease.lambda()).isEqualTo(1.0);
  }

  @Test
  void a_users_scores_sum_the_rows_of_the_movies_they_rated() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1);

    float[] onlyTen = scores(ease, user(4)); // row of 10
    assertThat(onlyTen[0]).isCloseTo(0f, within(1e-6f));
    assertThat(onlyTen[1]).isCloseTo(4f / 11, within(1e-6f));
    assertThat(onlyTen[2]).isCloseTo(0f, within(1e-6f));
    float[] tenAndTwenty = scores(ease, user(1)); // rows of 10 and 20
    assertThat(tenAndTwenty[0]).isCloseTo(1f / 2, within(1e-6f));
    assertThat(tenAndTwenty[1]).isCloseTo(4f / 11, within(1e-6f));
    assertThat(tenAndTwenty[2]).isCloseTo(1f / 2, within(1e-6f));
    assertThat(TopScores.top(MOVIES, onlyTen, 1)).containsExactly(20);
  }

  @Test
  void a_user_without_history_gets_the_movies_numbers_of_ratings() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1);

    assertThat(scores(ease, User.newUser(Gender.M, AgeGroup.FROM_56, Occupation.RETIRED))).containsExactly(3f, 3f, 2f);
    assertThat(scores(ease, user(99))).containsExactly(3f, 3f, 2f);
  }

  @Test
  void a_larger_lambda_shrinks_the_weights() {
    assertThat(Math.abs(EaseRecommender.fit(TOY, 100).weight(10, 20)))
        .isLessThan(Math.abs(EaseRecommender.fit(TOY, 1).weight(10, 20)));
  }

  @Test
  void refuses_a_lambda_that_is_not_positive_and_empty_data() {
    assertThatThrownBy(() -> EaseRecommender.fit(TOY, 0)).hasMessage("lambda must be positive and finite, got: 0.0");
    assertThatThrownBy(() -> EaseRecommender.fit(Ratings.of(List.of()), 1)).hasMessage("cannot learn from no ratings");
    assertThat(EaseRecommender.DEFAULT_LAMBDA).isEqualTo(500);
  }
}
