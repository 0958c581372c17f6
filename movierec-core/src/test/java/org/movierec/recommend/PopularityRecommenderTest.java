package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.User;

class PopularityRecommenderTest extends ScorerContractTest {

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return PopularityRecommender.byRatings(train);
  }

  /** Movie 10: three ratings, none liked; 20: two, both liked; 30: one, liked. */
  private static final Ratings RATINGS = Ratings.of(List.of(
      new Rating(1, 10, 1, -1), new Rating(2, 10, 2, -1), new Rating(3, 10, 3, -1),
      new Rating(1, 20, 5, -1), new Rating(2, 20, 4, -1),
      new Rating(3, 30, 4, -1)));
  private static final int[] MOVIES = {10, 20, 30, 40};

  private static float[] scores(Scorer scorer, User user) {
    float[] out = new float[MOVIES.length];
    scorer.scores(user, MOVIES, out);
    return out;
  }

  @Test
  void popularity_counts_every_rating() {
    PopularityRecommender popularity = PopularityRecommender.byRatings(RATINGS);

    assertThat(popularity.name()).isEqualTo("popularity");
    assertThat(popularity.count(10)).isEqualTo(3);
    assertThat(popularity.count(20)).isEqualTo(2);
    assertThat(popularity.count(30)).isEqualTo(1);
    assertThat(popularity.count(40)).isZero();
    assertThat(TopScores.top(MOVIES, scores(popularity, USERS.get(1)), 4)).containsExactly(10, 20, 30, 40);
  }

  @Test
  void most_liked_counts_only_ratings_of_4_stars_or_more() {
    PopularityRecommender mostLiked = PopularityRecommender.mostLiked(RATINGS);

    assertThat(mostLiked.name()).isEqualTo("most-liked");
    assertThat(scores(mostLiked, USERS.get(1))).containsExactly(0f, 2f, 1f, 0f);
    // 10 and 40 tie at 0 likes: the smaller id first
    assertThat(TopScores.top(MOVIES, scores(mostLiked, USERS.get(1)), 4)).containsExactly(20, 30, 10, 40);
  }

  @Test
  void scores_every_user_alike() {
    PopularityRecommender popularity = PopularityRecommender.byRatings(RATINGS);
    User fresh = User.newUser(Gender.M, AgeGroup.UNDER_18, Occupation.K12_STUDENT);

    assertThat(scores(popularity, fresh)).containsExactly(scores(popularity, USERS.get(2)));
  }
}
