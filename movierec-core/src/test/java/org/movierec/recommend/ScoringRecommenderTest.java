package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.index.ItemFilter;

class ScoringRecommenderTest {
  private static final Map<Integer, Movie> MOVIES = Stream.of(
          Movie.of(1, "One (1990)", Set.of(Genre.COMEDY)),
          Movie.of(2, "Two (1991)", Set.of(Genre.DRAMA)),
          Movie.of(3, "Three (1992)", Set.of(Genre.COMEDY)),
          Movie.of(4, "Four (1993)", Set.of(Genre.DRAMA)),
          Movie.of(5, "Five (1994)", Set.of(Genre.COMEDY)))
      .collect(Collectors.toMap(Movie::id, Function.identity()));
  /** User 1 rated movie 1 (5 stars) and 2 (4); user 2 rated 2 and 3: popularity 2 > 1 = 3 > 4 = 5. */
  private static final Ratings RATINGS = new Ratings.Builder(4)
      .add(1, 1, 5, -1).add(1, 2, 4, -1).add(2, 2, 3, -1).add(2, 3, 4, -1).build();
  private static final User USER_1 = new User(1, Gender.M, AgeGroup.FROM_25_TO_34, Occupation.WRITER, "");
  private static final User NEW = User.newUser(Gender.F, AgeGroup.FROM_56, Occupation.RETIRED);

  private final ScoringRecommender popular =
      new ScoringRecommender(PopularityRecommender.byRatings(RATINGS), MOVIES, SeenMovies.of(RATINGS));

  private static List<Integer> ids(List<Recommendation> recs) {
    return recs.stream().map(r -> r.movie().id()).toList();
  }

  @Test
  void recommends_the_best_scored_movies_the_user_has_not_rated() {
    List<Recommendation> recs = popular.recommend(RecommendRequest.of(USER_1, 2));

    assertThat(ids(recs)).containsExactly(3, 4);
    assertThat(recs.get(0).rank()).isEqualTo(1);
    assertThat(recs.get(0).score()).isEqualTo(1f);
    assertThat(recs.get(0).predictedStars()).isNaN();
  }

  @Test
  void a_new_user_may_get_any_movie() {
    assertThat(ids(popular.recommend(RecommendRequest.of(NEW, 10)))).containsExactly(2, 1, 3, 4, 5);
  }

  @Test
  void applies_the_requests_filter() {
    ItemFilter comedies = ItemFilter.excluding(List.of(5)).withGenres(Set.of(Genre.COMEDY));

    assertThat(ids(popular.recommend(new RecommendRequest(NEW, 10, comedies)))).containsExactly(1, 3);
    assertThat(popular.recommend(new RecommendRequest(USER_1, 10, ItemFilter.excluding(List.of(3, 4, 5)))))
        .isEmpty();
  }

  @Test
  void never_recommends_a_movie_of_the_profiles_ratings() {
    UserProfile profile = new UserProfile(NEW, List.of(new RatedMovie(2, 5), new RatedMovie(4, 1)));
    assertThat(ids(popular.recommend(RecommendRequest.of(profile, 10)))).containsExactly(1, 3, 5);

    UserProfile known = new UserProfile(USER_1, List.of(new RatedMovie(3, 2)));
    assertThat(ids(popular.recommend(RecommendRequest.of(known, 10)))).containsExactly(4, 5);
  }

  @Test
  void hands_the_profile_to_the_scorer() {
    Scorer byRatings = new Scorer() {
      @Override
      public String name() {
        return "by-ratings";
      }

      @Override
      public void scores(User user, int[] movieIds, float[] out) {
        for (int i = 0; i < movieIds.length; i++) {
          out[i] = movieIds[i]; // without ratings: the highest id first
        }
      }

      @Override
      public void scores(UserProfile profile, int[] movieIds, float[] out) {
        if (!profile.hasRatings()) {
          scores(profile.user(), movieIds, out);
          return;
        }
        for (int i = 0; i < movieIds.length; i++) {
          out[i] = -movieIds[i] * profile.ratings().size(); // with ratings: the lowest id first
        }
      }
    };
    ScoringRecommender recommender = new ScoringRecommender(byRatings, MOVIES, SeenMovies.of(RATINGS));

    assertThat(ids(recommender.recommend(RecommendRequest.of(NEW, 10)))).containsExactly(5, 4, 3, 2, 1);
    List<Recommendation> recs =
        recommender.recommend(RecommendRequest.of(new UserProfile(NEW, List.of(new RatedMovie(1, 4))), 10));
    assertThat(ids(recs)).containsExactly(2, 3, 4, 5);
    assertThat(recs).extracting(Recommendation::score).containsExactly(-2f, -3f, -4f, -5f);
  }

  @Test
  void reports_the_predicted_stars_of_a_star_predictor() {
    BiasedMfRecommender mf = BiasedMfRecommender.fit(RATINGS, BiasedMfParams.defaults().withEpochs(3));
    List<Recommendation> recs =
        new ScoringRecommender(mf, MOVIES, SeenMovies.of(RATINGS)).recommend(RecommendRequest.of(USER_1, 3));

    assertThat(recs).hasSize(3).allSatisfy(r -> assertThat(r.predictedStars()).isBetween(1f, 5f));
  }
}
