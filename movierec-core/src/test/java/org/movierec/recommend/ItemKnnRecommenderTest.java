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
import org.movierec.recommend.ItemKnnRecommender.Params;
import org.movierec.recommend.ItemKnnRecommender.Similarity;

class ItemKnnRecommenderTest extends ScorerContractTest {

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return ItemKnnRecommender.fit(train, new Params(5, Similarity.BINARY, StarWeights.STARS));
  }

  /**
   * Four users and three movies (10, 20, 30) with stars: user 1 rated 10 (5 stars) and 20 (1); user 2 rated 20 (3) and
   * 30 (4); user 3 rated 10 (2), 20 (5) and 30 (1); user 4 rated 10 (4).
   *
   * <p>Binary columns: 10 by users {1, 3, 4}, 20 by {1, 2, 3}, 30 by {2, 3}; so sim(10, 20) = 2 / sqrt(3 x 3) = 2/3,
   * sim(10, 30) = 1 / sqrt(3 x 2) = 1/sqrt(6), sim(20, 30) = 2 / sqrt(3 x 2) = 2/sqrt(6).
   *
   * <p>Star columns: 10 = (5, 0, 2, 4), 20 = (1, 3, 5, 0), 30 = (0, 4, 1, 0), with squared norms 45, 35, 17; so
   * sim(10, 20) = (5 + 10) / sqrt(45 x 35) = 15/sqrt(1575), sim(10, 30) = 2 / sqrt(45 x 17) = 2/sqrt(765), sim(20,
   * 30) = (12 + 5) / sqrt(35 x 17) = 17/sqrt(595).
   */
  private static final Ratings TOY = new Ratings.Builder(8)
      .add(1, 10, 5, -1).add(1, 20, 1, -1)
      .add(2, 20, 3, -1).add(2, 30, 4, -1)
      .add(3, 10, 2, -1).add(3, 20, 5, -1).add(3, 30, 1, -1)
      .add(4, 10, 4, -1)
      .build();
  private static final int[] MOVIES = {10, 20, 30};
  private static final double SQRT6 = Math.sqrt(6);

  private static User user(int id) {
    return new User(id, Gender.F, AgeGroup.FROM_35_TO_44, Occupation.SCIENTIST, "");
  }

  private static UserProfile newUser(RatedMovie... ratings) {
    return new UserProfile(User.newUser(Gender.M, AgeGroup.FROM_18_TO_24, Occupation.WRITER), List.of(ratings));
  }

  private static float[] scores(Scorer scorer, User user) {
    float[] out = new float[MOVIES.length];
    scorer.scores(user, MOVIES, out);
    return out;
  }

  private static float[] scores(Scorer scorer, UserProfile profile) {
    float[] out = new float[MOVIES.length];
    scorer.scores(profile, MOVIES, out);
    return out;
  }

  @Test
  void binary_similarities_are_the_cosines_of_who_rated_each_movie() {
    ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY, new Params(2, Similarity.BINARY, StarWeights.EQUAL));

    assertThat(knn.similarity(10, 20)).isCloseTo((float) (2.0 / 3), within(1e-6f));
    assertThat(knn.similarity(20, 10)).isCloseTo((float) (2.0 / 3), within(1e-6f));
    assertThat(knn.similarity(10, 30)).isCloseTo((float) (1 / SQRT6), within(1e-6f));
    assertThat(knn.similarity(20, 30)).isCloseTo((float) (2 / SQRT6), within(1e-6f));
    assertThat(knn.similarity(10, 10)).isZero();
    assertThat(knn.similarity(10, 99)).isZero();
    assertThat(knn.neighbours(20)).containsExactly(30, 10);
    assertThat(knn.neighbours(99)).isEmpty();
  }

  @Test
  void star_similarities_are_the_cosines_of_the_star_columns() {
    ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY, new Params(2, Similarity.STARS, StarWeights.EQUAL));

    assertThat(knn.similarity(10, 20)).isCloseTo((float) (15 / Math.sqrt(1575)), within(1e-6f));
    assertThat(knn.similarity(10, 30)).isCloseTo((float) (2 / Math.sqrt(765)), within(1e-6f));
    assertThat(knn.similarity(30, 20)).isCloseTo((float) (17 / Math.sqrt(595)), within(1e-6f));
  }

  @Test
  void keeps_the_k_most_similar_movies_ties_going_to_the_smaller_id() {
    ItemKnnRecommender one = ItemKnnRecommender.fit(TOY, new Params(1, Similarity.BINARY, StarWeights.EQUAL));

    assertThat(one.neighbours(10)).containsExactly(20); // 2/3 over 1/sqrt(6)
    assertThat(one.neighbours(20)).containsExactly(30); // 2/sqrt(6) over 2/3
    assertThat(one.neighbours(30)).containsExactly(20);
    assertThat(one.similarity(20, 10)).isZero(); // cut: 10 is not among 20's one neighbour
    assertThat(one.similarity(10, 20)).isCloseTo((float) (2.0 / 3), within(1e-6f));

    Ratings tie = new Ratings.Builder(4).add(1, 10, 3, -1).add(1, 30, 3, -1).add(2, 10, 3, -1).add(2, 20, 3, -1)
        .build(); // sim(10, 20) = sim(10, 30) = 1/2
    assertThat(ItemKnnRecommender.fit(tie, new Params(1, Similarity.BINARY, StarWeights.EQUAL)).neighbours(10))
        .containsExactly(20);
  }

  @Test
  void a_known_user_scores_movies_by_the_kept_similarities_to_the_training_history() {
    ItemKnnRecommender all = ItemKnnRecommender.fit(TOY, new Params(2, Similarity.BINARY, StarWeights.EQUAL));
    ItemKnnRecommender one = ItemKnnRecommender.fit(TOY, new Params(1, Similarity.BINARY, StarWeights.EQUAL));

    // user 1 rated 10 and 20: 10 <- sim(20, 10); 20 <- sim(10, 20); 30 <- sim(10, 30) + sim(20, 30)
    float[] allScores = scores(all, user(1));
    assertThat(allScores[0]).isCloseTo((float) (2.0 / 3), within(1e-6f));
    assertThat(allScores[1]).isCloseTo((float) (2.0 / 3), within(1e-6f));
    assertThat(allScores[2]).isCloseTo((float) (3 / SQRT6), within(1e-6f));
    // with one neighbour: 10 is nobody's kept neighbour; 20 is 10's; 30 is 20's
    float[] oneScores = scores(one, user(1));
    assertThat(oneScores[0]).isZero();
    assertThat(oneScores[1]).isCloseTo((float) (2.0 / 3), within(1e-6f));
    assertThat(oneScores[2]).isCloseTo((float) (2 / SQRT6), within(1e-6f));
    assertThat(all.with(new Params(1, Similarity.BINARY, StarWeights.EQUAL)).neighbours(20)).containsExactly(30);
    assertThat(scores(all.with(new Params(1, Similarity.BINARY, StarWeights.EQUAL)), user(1)))
        .containsExactly(oneScores);
  }

  @Test
  void a_profile_is_scored_with_its_ratings_weighted_by_stars() {
    ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY, new Params(2, Similarity.BINARY, StarWeights.STARS));

    // 10 rated 5 stars, 30 rated 1: 20 <- 5 sim(10, 20) + 1 sim(30, 20); 10 <- 1 sim(30, 10); 30 <- 5 sim(10, 30)
    float[] s = scores(knn, newUser(new RatedMovie(30, 1), new RatedMovie(10, 5)));
    assertThat(s[0]).isCloseTo((float) (1 / SQRT6), within(1e-6f));
    assertThat(s[1]).isCloseTo((float) (5 * 2.0 / 3 + 2 / SQRT6), within(1e-6f));
    assertThat(s[2]).isCloseTo((float) (5 / SQRT6), within(1e-6f));
    // a known user's profile replaces the training history
    assertThat(scores(knn, new UserProfile(user(1), List.of(new RatedMovie(30, 1), new RatedMovie(10, 5)))))
        .containsExactly(s);
    // the training history of user 1 weighted by its stars: 10 (5 stars), 20 (1 star)
    float[] known = scores(knn, user(1));
    assertThat(known[2]).isCloseTo((float) (5 / SQRT6 + 2 / SQRT6), within(1e-6f));
  }

  @Test
  void a_user_without_history_gets_the_movies_numbers_of_ratings() {
    ItemKnnRecommender knn = ItemKnnRecommender.fit(TOY);

    assertThat(scores(knn, User.newUser(Gender.M, AgeGroup.FROM_56, Occupation.RETIRED))).containsExactly(3f, 3f, 2f);
    assertThat(scores(knn, user(99))).containsExactly(3f, 3f, 2f);
    assertThat(scores(knn, newUser())).containsExactly(3f, 3f, 2f);
    assertThat(scores(knn, newUser(new RatedMovie(99, 5)))).containsExactly(3f, 3f, 2f);
  }

  @Test
  void refuses_bad_settings_and_empty_data() {
    assertThatThrownBy(() -> new Params(0, Similarity.BINARY, StarWeights.EQUAL))
        .hasMessage("k must be at least 1, got: 0");
    assertThatThrownBy(() -> ItemKnnRecommender.fit(Ratings.of(List.of()))).hasMessage("cannot learn from no ratings");
    ItemKnnRecommender one = ItemKnnRecommender.fit(TOY, new Params(1, Similarity.BINARY, StarWeights.EQUAL));
    assertThatThrownBy(() -> one.with(new Params(2, Similarity.BINARY, StarWeights.EQUAL)))
        .hasMessage("this item kNN has BINARY similarities and keeps 1 neighbours per movie; it can keep fewer or"
            + " weigh histories otherwise, but for Params[k=2, similarity=BINARY, history=StarWeights[1.0, 1.0, 1.0,"
            + " 1.0, 1.0]] fit again");
    assertThat(ItemKnnRecommender.fit(TOY).params()).isEqualTo(Params.defaults());
  }
}
