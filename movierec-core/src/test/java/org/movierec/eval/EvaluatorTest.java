package org.movierec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.RatedMovie;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.recommend.PopularityRecommender;
import org.movierec.recommend.Scorer;
import org.movierec.recommend.StarPredictor;

class EvaluatorTest {
  private static final long NONE = Rating.NO_TIMESTAMP;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static User user(int id) {
    return new User(id, Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER, "");
  }

  private static Map<Integer, User> users(int... ids) {
    Map<Integer, User> out = new HashMap<>();
    for (int id : ids) {
      out.put(id, user(id));
    }
    return out;
  }

  private static Ratings ratings(int[][] userMovieStars) {
    Ratings.Builder b = new Ratings.Builder(userMovieStars.length);
    for (int[] r : userMovieStars) {
      b.add(r[0], r[1], r[2], NONE);
    }
    return b.build();
  }

  /** Scores each movie by a function of its id, the same for every user. */
  private record ByMovie(IntToDoubleFunction score) implements Scorer {
    @Override
    public String name() {
      return "by-movie";
    }

    @Override
    public void scores(User user, int[] movieIds, float[] out) {
      for (int i = 0; i < movieIds.length; i++) {
        out[i] = (float) score.applyAsDouble(movieIds[i]);
      }
    }
  }

  /** Prefers smaller movie ids. */
  private static final Scorer SMALL_IDS_FIRST = new ByMovie(id -> 10 - id);

  private static Protocol ranking(boolean seenExcluded, int minRelevantStars) {
    return new Protocol("test", Protocol.Task.RANK, "split", "relevance", "candidates", seenExcluded, minRelevantStars,
        List.of(Metrics.recall(2), Metrics.ndcg(2), Metrics.hit(1)));
  }

  private static final Ratings TRAIN = ratings(new int[][] {{1, 1, 3}, {1, 2, 3}, {2, 3, 3}, {2, 4, 3}, {2, 5, 3},
      {2, 6, 3}});
  private static final Ratings VALIDATION = ratings(new int[][] {{1, 3, 5}});
  private static final Ratings NO_RATINGS = ratings(new int[0][]);
  /** User 1: movies 4 and 6 relevant; user 2: one rating of 2 stars, nothing relevant at 4 stars. */
  private static final Ratings TEST = ratings(new int[][] {{1, 4, 5}, {2, 1, 2}, {1, 6, 4}});

  @Test
  void ranks_the_train_catalog_without_the_users_train_and_validation_movies() {
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, VALIDATION, NO_RATINGS, TEST,
        CandidateSets.NONE);

    Results results = Evaluator.evaluate(split, users(1, 2), SMALL_IDS_FIRST);

    // user 1 ranks 4, 5, 6 (1 and 2 trained on, 3 validated on); relevant: 4 and 6
    assertThat(results.metric("Recall@2")).isEqualTo(1.0 / 2.0);
    assertThat(results.metric("NDCG@2")).isCloseTo(1 / (1 + 1 / log2(3)), within(1e-12));
    assertThat(results.metric("Hit@1")).isEqualTo(1.0);
    assertThat(results.metrics().keySet()).containsExactly("Recall@2", "NDCG@2", "Hit@1");
    assertThat(results.protocol()).isEqualTo("test");
    assertThat(results.recommender()).isEqualTo("by-movie");
  }

  @Test
  void skips_users_without_a_relevant_movie_and_counts_them() {
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, VALIDATION, NO_RATINGS, TEST,
        CandidateSets.NONE);

    Results results = Evaluator.evaluate(split, users(1, 2), SMALL_IDS_FIRST);

    assertThat(results.users()).isEqualTo(1);
    assertThat(results.skippedUsers()).isEqualTo(1);
  }

  @Test
  void without_exclusion_the_users_own_movies_compete() {
    ProtocolSplit split = new ProtocolSplit(ranking(false, 1), 1, TRAIN, VALIDATION, NO_RATINGS, TEST,
        CandidateSets.NONE);

    Results results = Evaluator.evaluate(split, users(1, 2), SMALL_IDS_FIRST);

    // both users rank 1, 2, ...: user 1 (relevant 4, 6) misses, user 2 (relevant 1, now at 2 stars >= 1) hits at 1
    assertThat(results.users()).isEqualTo(2);
    assertThat(results.metric("Recall@2")).isEqualTo((0.0 + 1.0) / 2);
    assertThat(results.metric("NDCG@2")).isEqualTo((0.0 + 1.0) / 2);
    assertThat(results.metric("Hit@1")).isEqualTo((0.0 + 1.0) / 2);
  }

  @Test
  void a_relevant_movie_missing_from_the_train_catalog_still_counts_as_relevant() {
    Ratings test = ratings(new int[][] {{1, 4, 5}, {1, 99, 5}});
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, VALIDATION, NO_RATINGS, test,
        CandidateSets.NONE);

    assertThat(Evaluator.evaluate(split, users(1, 2), SMALL_IDS_FIRST).metric("Recall@2")).isEqualTo(1.0 / 2.0);
  }

  @Test
  void ranks_only_the_fixed_candidates_when_the_protocol_has_them() {
    Ratings test = ratings(new int[][] {{1, 6, 1}});
    CandidateSets candidates = CandidateSets.of(Map.of(1, new int[] {9, 6, 5}));
    Protocol ncfLike = new Protocol("ncf-like", Protocol.Task.RANK, "s", "r", "c", true, 1,
        List.of(Metrics.hitRatio(1), Metrics.hitRatio(2), Metrics.ndcg(2)));
    ProtocolSplit split = new ProtocolSplit(ncfLike, 1, TRAIN, NO_RATINGS, NO_RATINGS, test, candidates);

    Results results = Evaluator.evaluate(split, users(1), SMALL_IDS_FIRST);

    // ranks 5, 6, 9: the held-out 6 is second, although the user's unrated movies 3 and 4 would score higher
    assertThat(results.metric("HR@1")).isEqualTo(0.0);
    assertThat(results.metric("HR@2")).isEqualTo(1.0);
    assertThat(results.metric("NDCG@2")).isCloseTo(1 / log2(3), within(1e-12));
  }

  @Test
  void passes_a_user_without_training_ratings_as_a_new_user_with_the_same_demographics() {
    Map<Integer, Boolean> seenAsNew = new ConcurrentHashMap<>();
    Scorer recording = new Scorer() {
      @Override
      public String name() {
        return "recording";
      }

      @Override
      public void scores(User user, int[] movieIds, float[] out) {
        seenAsNew.put(movieIds.length, user.isNew());
        assertThat(user.occupation()).isEqualTo(Occupation.PROGRAMMER);
      }
    };
    // user 1 is in train and ranks 4 movies (6 minus 2 seen); user 7 is not and ranks all 6
    Ratings test = ratings(new int[][] {{1, 4, 5}, {7, 4, 5}});
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, NO_RATINGS, NO_RATINGS, test,
        CandidateSets.NONE);

    Evaluator.evaluate(split, users(1, 2, 7), recording);

    assertThat(seenAsNew).containsExactlyInAnyOrderEntriesOf(Map.of(4, false, 6, true));
  }

  /** Records, for each user asked, the profile (null when asked through the User overload) and the candidates. */
  private static final class Recording implements Scorer {
    final Map<String, UserProfile> profiles = new ConcurrentHashMap<>();
    final Map<String, int[]> candidates = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void scores(User user, int[] movieIds, float[] out) {
      candidates.put("user " + user.id(), movieIds.clone());
      SMALL_IDS_FIRST.scores(user, movieIds, out);
    }

    @Override
    public void scores(UserProfile profile, int[] movieIds, float[] out) {
      String key = "profile of " + profile.ratings().get(0).movieId();
      profiles.put(key, profile);
      candidates.put(key, movieIds.clone());
      SMALL_IDS_FIRST.scores(profile.user(), movieIds, out);
    }
  }

  /**
   * Users 7 and 8 are new (no training rating); 7 revealed movie 2 (5 stars) then 1 (2 stars), 8 revealed movie 6; 7's
   * test ratings: 3 (4 stars) and 5 (5 stars), 8's: 4 (4 stars).
   */
  private static ProtocolSplit fewShotLike() {
    Protocol fewShot = new Protocol("few-shot-like", Protocol.Task.RANK, "s", "r", "c", true, 4,
        List.of(Metrics.recall(2), Metrics.hit(1)));
    Ratings revealed = ratings(new int[][] {{7, 2, 5}, {8, 6, 3}, {7, 1, 2}});
    Ratings test = ratings(new int[][] {{7, 3, 4}, {7, 5, 5}, {8, 4, 4}});
    return new ProtocolSplit(fewShot, 1, TRAIN, NO_RATINGS, revealed, test, CandidateSets.NONE);
  }

  @Test
  void a_user_with_revealed_ratings_is_a_new_user_whose_profile_holds_exactly_those_ratings() {
    Recording recording = new Recording();

    Evaluator.evaluate(fewShotLike(), users(1, 2, 7, 8), recording);

    assertThat(recording.profiles).containsOnlyKeys("profile of 2", "profile of 6");
    UserProfile seven = recording.profiles.get("profile of 2");
    assertThat(seven.user()).isEqualTo(User.newUser(Gender.F, AgeGroup.FROM_25_TO_34, Occupation.PROGRAMMER));
    assertThat(seven.ratings()).containsExactly(new RatedMovie(2, 5), new RatedMovie(1, 2));
    assertThat(recording.profiles.get("profile of 6").ratings()).containsExactly(new RatedMovie(6, 3));
    assertThat(recording.candidates).doesNotContainKey("user 0");
  }

  @Test
  void the_revealed_movies_are_left_out_of_the_candidates() {
    Recording recording = new Recording();

    Results results = Evaluator.evaluate(fewShotLike(), users(1, 2, 7, 8), recording);

    assertThat(recording.candidates.get("profile of 2")).containsExactly(3, 4, 5, 6);
    assertThat(recording.candidates.get("profile of 6")).containsExactly(1, 2, 3, 4, 5);
    // smaller ids first: user 7 ranks 3, 4 (relevant 3 and 5), user 8 ranks 1, 2 (relevant 4)
    assertThat(results.metric("Recall@2")).isEqualTo((1.0 / 2 + 0.0) / 2);
    assertThat(results.metric("Hit@1")).isEqualTo((1.0 + 0.0) / 2);
    assertThat(results.users()).isEqualTo(2);
  }

  @Test
  void users_without_revealed_ratings_are_asked_through_the_user_overload_as_before() {
    Recording recording = new Recording();
    Ratings test = ratings(new int[][] {{1, 4, 5}, {7, 4, 5}});
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, NO_RATINGS, NO_RATINGS, test,
        CandidateSets.NONE);

    Evaluator.evaluate(split, users(1, 2, 7), recording);

    assertThat(recording.profiles).isEmpty();
    assertThat(recording.candidates.get("user 1")).containsExactly(3, 4, 5, 6);
    assertThat(recording.candidates.get("user 0")).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void rating_protocol_measures_rmse_and_mae_of_the_predicted_stars() {
    StarPredictor threeStars = new StarPredictor() {
      @Override
      public String name() {
        return "three-stars";
      }

      @Override
      public void scores(User user, int[] movieIds, float[] out) {
        predictStars(user, movieIds, out);
      }

      @Override
      public void predictStars(User user, int[] movieIds, float[] out) {
        java.util.Arrays.fill(out, 0, movieIds.length, 3f);
      }
    };
    Ratings test = ratings(new int[][] {{1, 4, 4}, {2, 5, 4}, {2, 6, 3}});
    ProtocolSplit split = new ProtocolSplit(Protocols.RATING, 1, TRAIN, NO_RATINGS, NO_RATINGS, test,
        CandidateSets.NONE);

    Results results = Evaluator.evaluate(split, users(1, 2), threeStars);

    assertThat(results.metric(Results.RMSE)).isCloseTo(Math.sqrt(2.0 / 3.0), within(1e-12));
    assertThat(results.metric(Results.MAE)).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(results.users()).isEqualTo(2);
    assertThat(Evaluator.applies(Protocols.RATING, threeStars)).isTrue();
  }

  @Test
  void rating_protocol_refuses_a_scorer_that_does_not_predict_stars() {
    ProtocolSplit split = new ProtocolSplit(Protocols.RATING, 1, TRAIN, NO_RATINGS, NO_RATINGS, TEST,
        CandidateSets.NONE);

    assertThat(Evaluator.applies(Protocols.RATING, SMALL_IDS_FIRST)).isFalse();
    assertThat(Evaluator.applies(Protocols.NCF, SMALL_IDS_FIRST)).isTrue();
    assertThatThrownBy(() -> Evaluator.evaluate(split, users(1, 2), SMALL_IDS_FIRST))
        .hasMessage("the rating protocol judges predicted stars, and by-movie does not predict stars");
  }

  @Test
  void refuses_nan_scores_and_unknown_users() {
    ProtocolSplit split = new ProtocolSplit(ranking(true, 4), 1, TRAIN, VALIDATION, NO_RATINGS, TEST,
        CandidateSets.NONE);

    assertThatThrownBy(() -> Evaluator.evaluate(split, users(1, 2), new ByMovie(id -> id == 5 ? Double.NaN : 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("by-movie scored movie 5 NaN for user 1");
    assertThatThrownBy(() -> Evaluator.evaluate(split, users(1), SMALL_IDS_FIRST))
        .hasMessage("no demographics for test user 2 of the test split; pass every user of the data");
  }

  @Test
  void gives_the_same_results_on_every_run_though_users_are_scored_in_parallel() {
    SplittableRandom random = new SplittableRandom(3);
    Ratings.Builder b = new Ratings.Builder(20_000);
    Set<Long> pairs = new java.util.HashSet<>();
    while (pairs.size() < 20_000) {
      int u = 1 + random.nextInt(500);
      int m = 1 + random.nextInt(300);
      if (pairs.add((long) u << 32 | m)) {
        b.add(u, m, 1 + random.nextInt(5), NONE);
      }
    }
    Ratings all = b.build();
    Map<Integer, User> users = new HashMap<>();
    for (int u = 1; u <= 500; u++) {
      users.put(u, user(u));
    }
    ProtocolSplit split = Protocols.ranking(all, 9);
    Scorer popularity = PopularityRecommender.byRatings(split.train());

    Results first = Evaluator.evaluate(split, users, popularity);
    Results second = Evaluator.evaluate(split, users, popularity);

    assertThat(second.metrics()).isEqualTo(first.metrics());
    assertThat(first.users()).isEqualTo(split.testUsers());
  }

  @Test
  void without_leaves_out_the_ids_of_every_list() {
    assertThat(Evaluator.without(new int[] {1, 2, 3, 4, 5, 6}, new int[] {2, 9}, new int[] {0, 5, 6}))
        .containsExactly(1, 3, 4);
    assertThat(Evaluator.without(new int[] {1, 2, 3, 4, 5, 6}, new int[] {2}, new int[] {5}, new int[] {1, 6}))
        .containsExactly(3, 4);
    assertThat(Evaluator.without(new int[] {1, 2}, new int[0], new int[0])).containsExactly(1, 2);
    assertThat(Evaluator.without(new int[] {1, 2})).containsExactly(1, 2);
  }
}
