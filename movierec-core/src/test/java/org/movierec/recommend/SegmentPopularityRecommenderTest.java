package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.recommend.SegmentPopularityRecommender.Level;

class SegmentPopularityRecommenderTest extends ScorerContractTest {

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return SegmentPopularityRecommender.fit(train, users, 3);
  }

  private static final AgeGroup AGE = AgeGroup.FROM_25_TO_34;
  private static final Map<Integer, User> PEOPLE = new HashMap<>();

  static {
    // segment A, (25-34, M, programmer): users 1, 2, 3; segment B, (25-34, M, artist): user 4; everyone else is alone
    for (int id = 1; id <= 3; id++) {
      PEOPLE.put(id, new User(id, Gender.M, AGE, Occupation.PROGRAMMER, ""));
    }
    PEOPLE.put(4, new User(4, Gender.M, AGE, Occupation.ARTIST, ""));
    PEOPLE.put(5, new User(5, Gender.F, AgeGroup.FROM_18_TO_24, Occupation.WRITER, ""));
    PEOPLE.put(6, new User(6, Gender.F, AgeGroup.FROM_45_TO_49, Occupation.OTHER, ""));
    PEOPLE.put(7, new User(7, Gender.F, AgeGroup.FROM_56, Occupation.RETIRED, ""));
    PEOPLE.put(8, new User(8, Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT, ""));
  }

  /**
   * Likes (4 stars or more): A likes 100 three times and 300 twice; B likes 200 and 400; users 5 to 8 each like 500.
   * User 3 also rated 200 with 2 stars (not a like). Global likes: 500: 4, 100: 3, 300: 2, 200: 1, 400: 1.
   */
  private static final Ratings RATINGS = new Ratings.Builder(16)
      .add(1, 100, 5, -1).add(1, 300, 4, -1)
      .add(2, 100, 4, -1).add(2, 300, 5, -1)
      .add(3, 100, 5, -1).add(3, 200, 2, -1)
      .add(4, 200, 5, -1).add(4, 400, 4, -1)
      .add(5, 500, 5, -1).add(6, 500, 4, -1).add(7, 500, 5, -1).add(8, 500, 4, -1)
      .build();
  private static final int[] MOVIES = {100, 200, 300, 400, 500, 600};

  private static int[] ranking(Scorer scorer, User user) {
    float[] out = new float[MOVIES.length];
    scorer.scores(user, MOVIES, out);
    return TopScores.top(MOVIES, out, MOVIES.length);
  }

  @Test
  void a_segment_with_enough_users_ranks_by_its_own_likes_then_global_likes() {
    SegmentPopularityRecommender segments = SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 3);

    assertThat(segments.levelFor(PEOPLE.get(1))).isEqualTo(Level.AGE_GENDER_OCCUPATION);
    // 100 (3 likes), 300 (2), then the unliked ones by global likes: 500 (4), 200 (1), 400 (1); 600 never rated
    assertThat(ranking(segments, PEOPLE.get(1))).containsExactly(100, 300, 500, 200, 400, 600);
  }

  @Test
  void a_small_segment_backs_off_to_users_of_the_same_age_and_gender() {
    SegmentPopularityRecommender segments = SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 3);

    assertThat(segments.levelFor(PEOPLE.get(4))).isEqualTo(Level.AGE_GENDER);
    // (25-34, M), users 1 to 4: 100 (3), 300 (2), 200 and 400 (1 each, 1 globally: smaller id first), 500 (0)
    assertThat(ranking(segments, PEOPLE.get(4))).containsExactly(100, 300, 200, 400, 500, 600);
  }

  @Test
  void a_user_whose_age_and_gender_are_rare_too_gets_the_global_order() {
    SegmentPopularityRecommender segments = SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 3);

    assertThat(segments.levelFor(PEOPLE.get(5))).isEqualTo(Level.GLOBAL);
    assertThat(ranking(segments, PEOPLE.get(5))).containsExactly(500, 100, 300, 200, 400, 600);
  }

  @Test
  void a_new_user_is_ranked_for_by_demographics_alone() {
    SegmentPopularityRecommender segments = SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 3);
    User fresh = User.newUser(Gender.M, AGE, Occupation.PROGRAMMER);

    assertThat(ranking(segments, fresh)).containsExactly(ranking(segments, PEOPLE.get(1)));
    assertThat(segments.minUsers()).isEqualTo(3);
  }

  @Test
  void with_a_minimum_of_one_user_every_segment_stands_alone() {
    SegmentPopularityRecommender segments = SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 1);

    assertThat(segments.levelFor(PEOPLE.get(4))).isEqualTo(Level.AGE_GENDER_OCCUPATION);
    assertThat(ranking(segments, PEOPLE.get(4))).containsExactly(200, 400, 500, 100, 300, 600);
    assertThat(SegmentPopularityRecommender.DEFAULT_MIN_USERS).isEqualTo(50);
  }

  @Test
  void refuses_a_minimum_below_one_and_training_users_without_demographics() {
    assertThatThrownBy(() -> SegmentPopularityRecommender.fit(RATINGS, PEOPLE, 0))
        .hasMessage("minUsers must be at least 1, got: 0");
    Map<Integer, User> missing = new HashMap<>(PEOPLE);
    missing.remove(7);
    assertThatThrownBy(() -> SegmentPopularityRecommender.fit(RATINGS, missing, 3))
        .hasMessage("no demographics for user 7 of the training ratings");
  }
}
