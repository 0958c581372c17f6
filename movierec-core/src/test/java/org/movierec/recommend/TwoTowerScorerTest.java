package org.movierec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.data.IdIndex;
import org.movierec.data.Movie;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.data.Vocabulary;
import org.movierec.model.FusionFeatures;
import org.movierec.model.HistoryModel;
import org.movierec.model.TestModels;

class TwoTowerScorerTest extends ScorerContractTest {
  /** Movies 1..45 with made-up titles and a genre each; the model below has an id row for the rated ones only. */
  static final Map<Integer, Movie> MOVIES = movies();

  private static Map<Integer, Movie> movies() {
    Map<Integer, Movie> out = new LinkedHashMap<>();
    for (int id : MOVIES_AND_UNKNOWN) {
      out.put(id, Movie.of(id, "Movie Number " + id + " (19" + (50 + id) + ")",
          Set.of(Genre.values()[id % Genre.values().length])));
    }
    return out;
  }

  private static HistoryModel model(Ratings train) {
    int[] rated = IntStream.range(0, train.size()).map(train::movieId).distinct().sorted().toArray();
    TreeSet<String> words = new TreeSet<>();
    for (int id : rated) {
      words.addAll(MOVIES.get(id).titleWords());
    }
    FusionFeatures f = new FusionFeatures(IdIndex.of(IntStream.range(0, train.size()).map(train::userId).toArray()),
        IdIndex.of(rated), Vocabulary.of(words), 4);
    return TestModels.randomHistoryModel(f, 3);
  }

  @Override
  Scorer fit(Ratings train, Map<Integer, User> users) {
    return TwoTowerScorer.of("history", model(train), MOVIES, SeenMovies.of(train));
  }

  @Test
  void a_known_user_is_read_from_the_training_ratings_and_a_profile_from_its_own() {
    HistoryModel model = model(TRAIN);
    TwoTowerScorer scorer = TwoTowerScorer.of("history", model, MOVIES, SeenMovies.of(TRAIN));
    User known = USERS.get(3);
    List<RatedMovie> trained = SeenMovies.of(TRAIN).ratingsOf(3);
    assertThat(trained).isNotEmpty();
    float[] byUser = new float[MOVIES_AND_UNKNOWN.length];
    float[] byProfile = new float[MOVIES_AND_UNKNOWN.length];
    scorer.scores(known, MOVIES_AND_UNKNOWN, byUser);
    scorer.scores(new UserProfile(known, trained), MOVIES_AND_UNKNOWN, byProfile);
    assertThat(byUser).containsExactly(byProfile);

    UserProfile newcomer = new UserProfile(User.newUser(known.gender(), known.age(), known.occupation()),
        List.of(new RatedMovie(1, 5), new RatedMovie(7, 2)));
    float[] folded = new float[MOVIES_AND_UNKNOWN.length];
    scorer.scores(newcomer, MOVIES_AND_UNKNOWN, folded);
    float[] q = model.queryVector(newcomer);
    for (int i = 0; i < folded.length; i++) {
      float[] v = model.indexVector(MOVIES.get(MOVIES_AND_UNKNOWN[i]));
      double dot = 0;
      for (int d = 0; d < q.length; d++) {
        dot += (double) q[d] * v[d];
      }
      assertThat((double) folded[i]).isCloseTo(dot, within(1e-5));
    }
    float[] demographicsOnly = new float[MOVIES_AND_UNKNOWN.length];
    scorer.scores(UserProfile.of(newcomer.user()), MOVIES_AND_UNKNOWN, demographicsOnly);
    assertThat(folded).isNotEqualTo(demographicsOnly);
  }

  @Test
  void predicts_the_models_stars_for_a_known_user_read_from_the_training_ratings() {
    HistoryModel model = model(TRAIN);
    StarPredictor scorer = (StarPredictor) TwoTowerScorer.of("history", model, MOVIES, SeenMovies.of(TRAIN));
    float[] stars = new float[3];
    scorer.predictStars(USERS.get(5), new int[] {1, 2, 44}, stars);
    float[] expected = new float[3];
    model.predictStars(new UserProfile(USERS.get(5), SeenMovies.of(TRAIN).ratingsOf(5)),
        new Movie[] {MOVIES.get(1), MOVIES.get(2), MOVIES.get(44)}, expected);
    assertThat(stars).containsExactly(expected);
  }
}
