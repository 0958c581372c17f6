package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Ratings;
import org.movierec.data.User;

class BiasedMfRecommenderTest extends ScorerContractTest {
  /** Small and quick: enough to learn the toy data below. */
  private static final BiasedMfParams TOY = new BiasedMfParams(2, 300, 0.05, 1.0, 0.01, 0.01, 0.1, 7);

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return BiasedMfRecommender.fit(train, TOY.withEpochs(20));
  }

  /**
   * Two tastes: users 1 and 2 love movies 1 and 2 and dislike 3 and 4; users 3 and 4 the opposite. User 5 loves movie
   * 1 and dislikes 3, and has rated neither 2 nor 4.
   */
  private static final Ratings TASTES = new Ratings.Builder(20)
      .add(1, 1, 5, -1).add(1, 2, 5, -1).add(1, 3, 1, -1).add(1, 4, 2, -1)
      .add(2, 1, 4, -1).add(2, 2, 5, -1).add(2, 3, 2, -1).add(2, 4, 1, -1)
      .add(3, 1, 1, -1).add(3, 2, 2, -1).add(3, 3, 5, -1).add(3, 4, 5, -1)
      .add(4, 1, 2, -1).add(4, 2, 1, -1).add(4, 3, 4, -1).add(4, 4, 5, -1)
      .add(5, 1, 5, -1).add(5, 3, 1, -1)
      .build();

  private static User user(int id) {
    return new User(id, Gender.M, AgeGroup.FROM_18_TO_24, Occupation.WRITER, "");
  }

  private static float[] predict(BiasedMfRecommender mf, User user, int... movies) {
    float[] out = new float[movies.length];
    mf.predictStars(user, movies, out);
    return out;
  }

  @Test
  void training_lowers_the_error_on_the_training_ratings() {
    BiasedMfRecommender mf = BiasedMfRecommender.fit(TASTES, TOY);

    List<Double> rmse = mf.trainingRmse();
    assertThat(rmse).hasSize(300);
    assertThat(rmse.get(299)).isLessThan(rmse.get(0) / 3).isLessThan(0.3);
    assertThat(rmse.get(299)).isLessThan(rmse.get(50));
  }

  @Test
  void learns_that_a_user_who_shares_a_taste_likes_the_movies_of_that_taste() {
    BiasedMfRecommender mf = BiasedMfRecommender.fit(TASTES, TOY);

    float[] stars = predict(mf, user(5), 2, 4);
    assertThat(stars[0]).isGreaterThan(stars[1] + 1);
    float[] known = predict(mf, user(1), 1, 3);
    assertThat(known[0]).isGreaterThan(4.5f);
    assertThat(known[1]).isLessThan(1.5f);
  }

  @Test
  void is_the_same_for_the_same_seed_and_differs_for_another() {
    BiasedMfRecommender a = BiasedMfRecommender.fit(TASTES, TOY.withEpochs(5));
    BiasedMfRecommender b = BiasedMfRecommender.fit(TASTES, TOY.withEpochs(5));
    BiasedMfRecommender c = BiasedMfRecommender.fit(TASTES, TOY.withEpochs(5).withSeed(8));

    assertThat(predict(b, user(5), 1, 2, 3, 4)).containsExactly(predict(a, user(5), 1, 2, 3, 4));
    assertThat(b.trainingRmse()).isEqualTo(a.trainingRmse());
    assertThat(predict(c, user(5), 1, 2, 3, 4)).isNotEqualTo(predict(a, user(5), 1, 2, 3, 4));
  }

  @Test
  void predicted_stars_are_clipped_to_1_to_5_while_scores_keep_their_order() {
    Ratings extremes = new Ratings.Builder(4).add(1, 1, 5, -1).add(2, 1, 5, -1).add(1, 2, 1, -1).add(2, 2, 1, -1)
        .build();
    BiasedMfRecommender mf = BiasedMfRecommender.fit(extremes, new BiasedMfParams(2, 200, 0.1, 1, 0, 0, 0.1, 1));
    float[] scores = new float[2];
    mf.scores(user(1), new int[] {1, 2}, scores);

    for (float s : predict(mf, user(1), 1, 2, 99)) {
      assertThat(s).isBetween(1f, 5f);
    }
    assertThat(scores[0]).isGreaterThan(scores[1]);
  }

  @Test
  void a_user_it_never_saw_gets_the_mean_plus_the_movie_bias() {
    BiasedMfRecommender mf = BiasedMfRecommender.fit(TASTES, TOY);
    User fresh = User.newUser(Gender.F, AgeGroup.FROM_56, Occupation.RETIRED);
    float[] unknownMovie = new float[1];
    mf.scores(fresh, new int[] {99}, unknownMovie);

    assertThat(unknownMovie[0]).isEqualTo(mf.mu());
    assertThat(mf.mu()).isEqualTo((float) TASTES.meanStars());
    // movie 1 has the highest mean rating (3.4), movie 3 the lowest (2.6)
    float[] scores = new float[4];
    mf.scores(fresh, new int[] {1, 2, 3, 4}, scores);
    float[] asUser9 = new float[4];
    mf.scores(user(9), new int[] {1, 2, 3, 4}, asUser9);
    assertThat(asUser9).containsExactly(scores);
    assertThat(scores[0]).isGreaterThan(scores[2]);
  }

  @Test
  void refuses_bad_parameters_and_empty_data() {
    assertThatThrownBy(() -> new BiasedMfParams(0, 1, 0.1, 1, 0, 0, 0, 1))
        .hasMessage("factors must be at least 1, got: 0");
    assertThatThrownBy(() -> new BiasedMfParams(1, 1, 0, 1, 0, 0, 0, 1))
        .hasMessage("learningRate must be positive and finite, got: 0.0");
    assertThatThrownBy(() -> new BiasedMfParams(1, 1, 0.1, 1.5, 0, 0, 0, 1))
        .hasMessage("learningRateDecay must be in (0, 1], got: 1.5");
    assertThatThrownBy(() -> new BiasedMfParams(1, 1, 0.1, 1, -1, 0, 0, 1))
        .hasMessage("regularization must be at least 0 and finite, got: -1.0");
    assertThatThrownBy(() -> BiasedMfRecommender.fit(Ratings.of(List.of()), TOY))
        .hasMessage("cannot learn from no ratings");
    assertThat(BiasedMfParams.defaults().factors()).isEqualTo(100);
  }
}
