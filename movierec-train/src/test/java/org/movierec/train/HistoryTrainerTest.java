package org.movierec.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.data.Genre;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.RatedMovie;
import org.movierec.data.Ratings;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.model.EpochStats;
import org.movierec.model.FusionFeatures;
import org.movierec.model.HistoryModel;
import org.movierec.model.TestModels;
import org.movierec.model.TwoTowerModel;

class HistoryTrainerTest {
  private static HistoryConfig quick() {
    return HistoryConfig.defaults().withEpochs(60).withBatchSize(4).withLearningRate(0.01f).withWidths(8, 16, 8)
        .withTestFraction(0);
  }

  @Test
  void every_rating_of_a_drawn_user_is_either_history_or_target_never_both() {
    MovieLensData data = FusionTrainerTest.tasteData();
    FusionFeatures features = FusionTrainer.features(data, data.ratings());
    SeenMovies seen = SeenMovies.of(data.ratings());
    HistoryBatches batches = new HistoryBatches(seen, data.users(), data.movies(), features,
        new HistorySplits(0.25f, 0f, 1, 0f), TargetWeights.defaults());
    int m = features.movies().rows();
    int[] order = IntStream.range(0, batches.users()).toArray();
    SplittableRandom random = new SplittableRandom(3);
    int emptyHistories = 0;
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      for (int round = 0; round < 20; round++) {
        HistoryBatch batch = batches.encode(manager, order, 0, order.length, random);
        float[] weights = batch.historyWeights().toFloatArray();
        float[] starWeights = batch.historyStars().toFloatArray();
        float[] targets = batch.targets().toFloatArray();
        float[] stars = batch.stars().toFloatArray();
        float[] blocked = batch.blocked().toFloatArray();
        for (int b = 0; b < order.length; b++) {
          int userId = seen.userIds()[order[b]];
          List<RatedMovie> ratings = seen.ratingsOf(userId);
          int inputs = 0;
          int targetCount = 0;
          for (RatedMovie r : ratings) {
            int at = b * m + features.movies().row(r.movieId());
            boolean input = weights[at] > 0;
            boolean target = targets[at] > 0;
            assertThat(input ^ target).as("user %d movie %d is history xor target", userId, r.movieId()).isTrue();
            assertThat(blocked[at]).isEqualTo(input ? 1f : 0f);
            assertThat(stars[at]).isEqualTo(target ? r.stars() : 0f);
            assertThat(targets[at]).isEqualTo(target ? TargetWeights.defaults().of(r.stars()) : 0f);
            inputs += input ? 1 : 0;
            targetCount += target ? 1 : 0;
          }
          assertThat(targetCount).isGreaterThanOrEqualTo(1);
          for (RatedMovie r : ratings) {
            int at = b * m + features.movies().row(r.movieId());
            if (weights[at] > 0) {
              assertThat(weights[at]).isEqualTo((float) (1 / Math.sqrt(inputs)));
              assertThat(starWeights[at]).isEqualTo(weights[at] * HistoryModel.starWeight(r.stars()));
            }
          }
          assertThat(blocked[b * m]).as("the unknown row is never an answer").isEqualTo(1f);
          emptyHistories += inputs == 0 ? 1 : 0;
        }
        assertThat(countPositive(targets) + countPositive(weights)).isEqualTo(order.length * 12);
      }
    }
    // 25% of 160 draws show no history: a two-sided band around 40
    assertThat(emptyHistories).isBetween(25, 60);
  }

  @Test
  void a_few_shot_draw_shows_one_to_ten_ratings_and_a_draw_of_a_known_user_at_least_the_minimum_share() {
    MovieLensData data = FusionTrainerTest.tasteData(); // 12 ratings a user
    FusionFeatures features = FusionTrainer.features(data, data.ratings());
    SeenMovies seen = SeenMovies.of(data.ratings());
    int[] order = IntStream.range(0, 8).toArray();
    int m = features.movies().rows();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      HistoryBatches fewShot = new HistoryBatches(seen, data.users(), data.movies(), features,
          new HistorySplits(0f, 1f, 3, 0f), TargetWeights.EQUAL);
      HistoryBatches known = new HistoryBatches(seen, data.users(), data.movies(), features,
          new HistorySplits(0f, 0f, 1, 0.75f), TargetWeights.EQUAL);
      SplittableRandom random = new SplittableRandom(5);
      java.util.Set<Integer> shownCounts = new java.util.TreeSet<>();
      int keptSum = 0;
      for (int round = 0; round < 30; round++) {
        float[] few = fewShot.encode(manager, order, 0, 8, random).historyWeights().toFloatArray();
        float[] many = known.encode(manager, order, 0, 8, random).historyWeights().toFloatArray();
        for (int b = 0; b < 8; b++) {
          shownCounts.add(countPositive(java.util.Arrays.copyOfRange(few, b * m, (b + 1) * m)));
          int kept = countPositive(java.util.Arrays.copyOfRange(many, b * m, (b + 1) * m));
          assertThat(kept).isBetween(3, 11); // a keep rate of 0.75 or more, and at least one target
          keptSum += kept;
        }
      }
      assertThat(shownCounts).containsExactly(1, 2, 3);
      // 240 draws of 12 ratings at a keep rate drawn from [0.75, 1), one target forced out of full draws: about 10.3
      assertThat(keptSum / 240.0).isBetween(9.8, 10.8);
    }
  }

  @Test
  void target_weights_favour_the_movies_a_user_liked() {
    TargetWeights w = TargetWeights.defaults();
    assertThat(new float[] {w.of(1), w.of(2), w.of(3), w.of(4), w.of(5)}).containsExactly(0.1f, 0.1f, 0.5f, 1f, 1f);
    assertThat(TargetWeights.EQUAL.of(1)).isEqualTo(1f);
  }

  private static int countPositive(float[] weights) {
    int n = 0;
    for (float w : weights) {
      n += w > 0 ? 1 : 0;
    }
    return n;
  }

  /** Everybody's demographics: they tell nothing of anyone's taste. */
  private static final User SAME = User.newUser(org.movierec.data.Gender.F, org.movierec.data.AgeGroup.values()[3],
      org.movierec.data.Occupation.ofCode(0));

  /**
   * Eight users of the same age, gender and occupation rate every movie; users 1, 2, 5, 6 love romances, users 3, 4,
   * 7, 8 love action, everything else gets 2 stars: only a user's ratings tell the taste.
   */
  static MovieLensData tasteByHistory() {
    Map<Integer, User> users = new LinkedHashMap<>();
    for (int id = 1; id <= 8; id++) {
      users.put(id, new User(id, SAME.gender(), SAME.age(), SAME.occupation(), ""));
    }
    Ratings.Builder b = new Ratings.Builder(128);
    for (User u : users.values()) {
      boolean romantic = (u.id() - 1) % 4 < 2;
      for (Movie m : TestModels.movies().values()) {
        boolean loves = m.genres().contains(romantic ? Genre.ROMANCE : Genre.ACTION);
        b.add(u.id(), m.id(), loves ? 5 : 2, -1);
      }
    }
    return new MovieLensData(TestModels.movies(), users, b.build(), "test");
  }

  @Test
  void learns_each_users_taste_from_their_history_and_predicts_their_stars() {
    List<EpochStats> epochs = new ArrayList<>();
    TrainingResult r = new HistoryTrainer(quick()).train(tasteByHistory(), new TrainingListener() {
      @Override
      public void onEpoch(EpochStats stats) {
        epochs.add(stats);
      }
    });
    assertThat(epochs).hasSize(60);
    assertThat(epochs.get(59).trainLoss()).isLessThan(epochs.get(0).trainLoss() * 0.8);
    TwoTowerModel m = r.model();
    Movie romance = TestModels.movies().get(17);
    Movie action = TestModels.movies().get(5);
    // A new user, like everybody else, who loved one romance and disliked one action movie, or the other way round.
    User newcomer = SAME;
    UserProfile romantic = new UserProfile(newcomer, List.of(new RatedMovie(7, 5), new RatedMovie(10, 2)));
    UserProfile actionFan = new UserProfile(newcomer, List.of(new RatedMovie(7, 2), new RatedMovie(10, 5)));
    float[] stars = new float[2];
    m.predictStars(romantic, new Movie[] {romance, action}, stars);
    assertThat(stars[0]).isGreaterThan(stars[1] + 1f);
    m.predictStars(actionFan, new Movie[] {romance, action}, stars);
    assertThat(stars[1]).isGreaterThan(stars[0] + 1f);
    assertThat(romance.genres()).contains(Genre.ROMANCE);
  }

  @Test
  void the_same_seed_gives_the_same_model() {
    HistoryConfig c = quick().withEpochs(3);
    TwoTowerModel a = new HistoryTrainer(c).train(FusionTrainerTest.tasteData(), TrainingListener.NONE).model();
    TwoTowerModel b = new HistoryTrainer(c).train(FusionTrainerTest.tasteData(), TrainingListener.NONE).model();
    TwoTowerModel other = new HistoryTrainer(c.withSeed(8)).train(FusionTrainerTest.tasteData(),
        TrainingListener.NONE).model();
    Movie movie = TestModels.movies().get(1);
    UserProfile p = new UserProfile(TestModels.users().get(1), List.of(new RatedMovie(2, 4)));
    assertThat(a.queryVector(p)).containsExactly(b.queryVector(p));
    assertThat(a.indexVector(movie)).containsExactly(b.indexVector(movie));
    assertThat(other.indexVector(movie)).isNotEqualTo(a.indexVector(movie));
  }
}
