package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.data.AgeGroup;
import org.movierec.data.Gender;
import org.movierec.data.Occupation;
import org.movierec.data.Rating;
import org.movierec.data.Ratings;
import org.movierec.data.User;

/**
 * What every {@link Scorer} promises, checked on the same seeded random ratings; a subclass per implementation adds
 * its own exact cases.
 */
abstract class ScorerContractTest {
  /** Users 1..60 with seeded demographics. */
  static final Map<Integer, User> USERS = users(60, 5);
  /** About 600 ratings of movies 1..40 by users 1..50 (users 51..60 never rated). */
  static final Ratings TRAIN = randomRatings(50, 40, 600, 9);
  static final int[] MOVIES_AND_UNKNOWN = IntStream.rangeClosed(1, 45).toArray(); // 41..45 never rated

  /** The scorer under test, trained on {@code train}. */
  abstract Scorer fit(Ratings train, Map<Integer, User> users);

  static Map<Integer, User> users(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, User> out = new HashMap<>();
    for (int id = 1; id <= count; id++) {
      out.put(id, new User(id, Gender.values()[random.nextInt(2)], AgeGroup.values()[random.nextInt(7)],
          Occupation.values()[random.nextInt(21)], ""));
    }
    return out;
  }

  static Ratings randomRatings(int users, int movies, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Long> pairs = new HashSet<>();
    Ratings.Builder b = new Ratings.Builder(count);
    while (pairs.size() < count) {
      int u = 1 + random.nextInt(users);
      // popular movies (small ids) are rated more often
      int m = 1 + (int) (movies * Math.pow(random.nextDouble(), 2));
      if (pairs.add((long) u << 32 | m)) {
        b.add(u, m, 1 + random.nextInt(5), Rating.NO_TIMESTAMP);
      }
    }
    return b.build();
  }

  private float[] scores(Scorer scorer, User user, int[] movieIds) {
    float[] out = new float[movieIds.length];
    scorer.scores(user, movieIds, out);
    return out;
  }

  @Test
  void scores_every_movie_finitely_for_known_unseen_and_new_users() {
    Scorer scorer = fit(TRAIN, USERS);
    User unseen = USERS.get(55);
    User fresh = User.newUser(Gender.F, AgeGroup.FROM_56, Occupation.RETIRED);

    for (User user : new User[] {USERS.get(1), USERS.get(50), unseen, fresh}) {
      for (float s : scores(scorer, user, MOVIES_AND_UNKNOWN)) {
        assertThat(Float.isFinite(s)).as("score for user %d", user.id()).isTrue();
      }
    }
  }

  @Test
  void a_movies_score_does_not_depend_on_the_other_movies_asked_for() {
    Scorer scorer = fit(TRAIN, USERS);
    User user = USERS.get(3);
    float[] all = scores(scorer, user, MOVIES_AND_UNKNOWN);

    int[] reversed = IntStream.range(0, MOVIES_AND_UNKNOWN.length).map(i -> MOVIES_AND_UNKNOWN[44 - i]).toArray();
    float[] backwards = scores(scorer, user, reversed);
    for (int i = 0; i < reversed.length; i++) {
      assertThat(backwards[i]).isEqualTo(all[reversed[i] - 1]);
    }
    assertThat(scores(scorer, user, new int[] {7})[0]).isEqualTo(all[6]);
    assertThat(scores(scorer, user, new int[0])).isEmpty();
  }

  @Test
  void writes_only_as_many_scores_as_movies_and_refuses_a_short_output() {
    Scorer scorer = fit(TRAIN, USERS);
    float[] out = {-7f, -7f, -7f};

    scorer.scores(USERS.get(2), new int[] {1, 2}, out);

    assertThat(out[2]).isEqualTo(-7f);
    assertThatThrownBy(() -> scorer.scores(USERS.get(2), new int[] {1, 2}, new float[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("out must hold a score for each of the 2 movies, got length 1");
  }

  @Test
  void fitting_the_same_ratings_twice_gives_the_same_scores() {
    Scorer first = fit(TRAIN, USERS);
    Scorer second = fit(TRAIN, USERS);

    for (int id : new int[] {1, 20, 55}) {
      assertThat(scores(second, USERS.get(id), MOVIES_AND_UNKNOWN))
          .containsExactly(scores(first, USERS.get(id), MOVIES_AND_UNKNOWN));
    }
  }

  @Test
  void gives_the_same_scores_from_many_threads() {
    Scorer scorer = fit(TRAIN, USERS);
    float[][] sequential = new float[60][];
    for (int u = 1; u <= 60; u++) {
      sequential[u - 1] = scores(scorer, USERS.get(u), MOVIES_AND_UNKNOWN);
    }

    IntStream.rangeClosed(1, 60).parallel().forEach(u ->
        assertThat(scores(scorer, USERS.get(u), MOVIES_AND_UNKNOWN)).containsExactly(sequential[u - 1]));
  }

  @Test
  void has_a_short_lower_case_name_for_reports() {
    assertThat(fit(TRAIN, USERS).name()).matches("[a-z][a-z-]*");
  }
}
