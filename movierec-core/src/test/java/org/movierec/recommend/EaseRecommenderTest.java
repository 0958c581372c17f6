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
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.data.UserProfile;

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

  private static float[] scores(Scorer scorer, UserProfile profile) {
    float[] out = new float[MOVIES.length];
    scorer.scores(profile, MOVIES, out);
    return out;
  }

  private static UserProfile newUser(RatedMovie... ratings) {
    return new UserProfile(User.newUser(Gender.M, AgeGroup.FROM_18_TO_24, Occupation.WRITER), List.of(ratings));
  }

  @Test
  void folds_a_profile_in_as_the_star_weighted_sum_of_its_rows() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1, new EaseRecommender.FoldIn(1, StarWeights.STARS, 0));

    // 5 x row of 10 + 2 x row of 30 = 5 x (0, 4/11, 0) + 2 x (0, 6/11, 0)
    float[] folded = scores(ease, newUser(new RatedMovie(10, 5), new RatedMovie(30, 2)));
    assertThat(folded[0]).isCloseTo(0f, within(1e-6f));
    assertThat(folded[1]).isCloseTo(32f / 11, within(1e-6f));
    assertThat(folded[2]).isCloseTo(0f, within(1e-6f));
    // 1 x row of 20 with equal weights: (1/2, 0, 1/2), as a known user who rated 20 alone would get
    EaseRecommender plain = EaseRecommender.fit(TOY, 1, EaseRecommender.FoldIn.plain(1));
    float[] twenty = scores(plain, newUser(new RatedMovie(20, 1)));
    assertThat(twenty[0]).isCloseTo(1f / 2, within(1e-6f));
    assertThat(twenty[2]).isCloseTo(1f / 2, within(1e-6f));
  }

  @Test
  void adds_the_popularity_prior_log_1_plus_count_over_log_1_plus_the_largest_count() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1, new EaseRecommender.FoldIn(1, StarWeights.STARS, 0.5));

    // counts 3, 3, 2: priors 0.5 x (1, 1, log 3 / log 4)
    float[] folded = scores(ease, newUser(new RatedMovie(10, 5), new RatedMovie(30, 2)));
    assertThat(folded[0]).isCloseTo(0.5f, within(1e-6f));
    assertThat(folded[1]).isCloseTo(32f / 11 + 0.5f, within(1e-6f));
    assertThat(folded[2]).isCloseTo((float) (0.5 * Math.log(3) / Math.log(4)), within(1e-6f));
  }

  /**
   * With lambda = 2, {@code A = [[5, 2, 1], [2, 5, 2], [1, 2, 4]]}, det A = 67 and {@code P = [[16, -6, -1], [-6, 19,
   * -8], [-1, -8, 21]] / 67}, so {@code B' = [[0, 6/19, 1/21], [3/8, 0, 8/21], [1/16, 8/19, 0]]}.
   */
  @Test
  void folds_in_with_its_own_lambda_and_leaves_known_users_to_b() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1, new EaseRecommender.FoldIn(2, StarWeights.EQUAL, 0));
    double[][] folded = {{0, 6.0 / 19, 1.0 / 21}, {3.0 / 8, 0, 8.0 / 21}, {1.0 / 16, 8.0 / 19, 0}};

    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat((double) ease.foldInWeight(MOVIES[i], MOVIES[j])).as("B'[%d][%d]", i, j)
            .isCloseTo(folded[i][j], within(1e-6));
        assertThat((double) ease.weight(MOVIES[i], MOVIES[j])).isCloseTo(B[i][j], within(1e-6));
      }
    }
    float[] known = scores(ease, user(4)); // rated 10 in training: B's row, not B''s
    assertThat(known[1]).isCloseTo(4f / 11, within(1e-6f));
    float[] profile = scores(ease, newUser(new RatedMovie(10, 3)));
    assertThat(profile[1]).isCloseTo(6f / 19, within(1e-6f));
    assertThat(profile[2]).isCloseTo(1f / 21, within(1e-6f));
    EaseRecommender again = ease.withFoldIn(new EaseRecommender.FoldIn(2, StarWeights.STARS, 0));
    assertThat(scores(again, newUser(new RatedMovie(10, 3)))[1]).isCloseTo(3 * 6f / 19, within(1e-6f));
    assertThat(ease.withFoldIn(EaseRecommender.FoldIn.plain(1)).foldInWeight(20, 10)).isCloseTo(1f / 2, within(1e-6f));
  }

  @Test
  void a_profile_without_a_rating_it_knows_gets_the_cold_start_fallback() {
    EaseRecommender ease = EaseRecommender.fit(TOY, 1);

    assertThat(scores(ease, newUser())).containsExactly(3f, 3f, 2f);
    assertThat(scores(ease, newUser(new RatedMovie(99, 5)))).containsExactly(3f, 3f, 2f);
    assertThat(scores(ease, UserProfile.of(user(4)))).containsExactly(scores(ease, user(4)));
  }

  @Test
  void a_profiles_scores_do_not_depend_on_the_order_of_its_ratings() {
    EaseRecommender ease = EaseRecommender.fit(ScorerContractTest.TRAIN, 10);
    int[] movies = ScorerContractTest.MOVIES_AND_UNKNOWN;
    float[] forward = new float[movies.length];
    float[] backward = new float[movies.length];

    ease.scores(newUser(new RatedMovie(3, 5), new RatedMovie(17, 1), new RatedMovie(8, 4)), movies, forward);
    ease.scores(newUser(new RatedMovie(8, 4), new RatedMovie(17, 1), new RatedMovie(3, 5)), movies, backward);

    assertThat(backward).containsExactly(forward);
  }

  @Test
  void fold_in_settings_are_checked() {
    assertThatThrownBy(() -> new EaseRecommender.FoldIn(0, StarWeights.EQUAL, 0))
        .hasMessage("the fold-in lambda must be positive and finite, got: 0.0");
    assertThatThrownBy(() -> new EaseRecommender.FoldIn(1, StarWeights.EQUAL, -1))
        .hasMessage("the popularity prior must be 0 or more and finite, got: -1.0");
    assertThat(EaseRecommender.FoldIn.defaults()).isEqualTo(new EaseRecommender.FoldIn(
        EaseRecommender.FoldIn.DEFAULT_LAMBDA, EaseRecommender.FoldIn.DEFAULT_STAR_WEIGHTS,
        EaseRecommender.FoldIn.DEFAULT_POPULARITY_PRIOR));
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
