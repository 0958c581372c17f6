package org.movierec.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.RatedMovie;
import org.movierec.data.SeenMovies;
import org.movierec.data.UserProfile;
import org.movierec.model.FusionFeatures;
import org.movierec.model.HistoryModel;
import org.movierec.model.HistoryShape;
import org.movierec.recommend.BiasedMfParams;
import org.movierec.recommend.BiasedMfRecommender;

/** The DJL network computes what the plain-Java {@link HistoryModel} computes, on the same weights. */
class HistoryNetworkTest {

  @Test
  void its_losses_equal_those_computed_from_the_plain_java_model_on_the_same_batch() {
    MovieLensData data = HistoryTrainerTest.tasteByHistory();
    FusionFeatures features = FusionTrainer.features(data, data.ratings());
    SeenMovies seen = SeenMovies.of(data.ratings());
    HistoryShape shape = new HistoryShape(features.movies().rows(), features.titleWords().size(),
        features.titleLength(), 6, 3, 4, 5, 4, 7, 5, 0.1f, 2, 0.05f, 0.01f, 1f); // the star head alone
    HistoryBatches batches = new HistoryBatches(seen, data.users(), data.movies(), features,
        new HistorySplits(0.2f, 0.2f, 3, 0.5f), TargetWeights.defaults());
    int[] order = IntStream.range(0, batches.users()).toArray();
    int m = features.movies().rows();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      HistoryNetwork net = new HistoryNetwork(manager, shape, 11, 3.5f, 1f);
      HistoryModel model = HistoryTrainer.model(shape, features, net.export(), HistoryTrainer.foldInTensors(
          BiasedMfRecommender.fit(data.ratings(), new BiasedMfParams(2, 1, 0.01, 0.97, 0.05, 0.01, 0.02, 1)), features));
      for (int round = 0; round < 5; round++) {
        HistoryBatch batch = batches.encode(manager, order, 0, order.length, new SplittableRandom(round));
        HistoryNetwork.Losses losses = net.losses(batch, batches.content(manager));
        float[] weights = batch.historyWeights().toFloatArray();
        float[] targets = batch.targets().toFloatArray();
        float[] stars = batch.stars().toFloatArray();
        float[] allTargets = batch.allTargets().toFloatArray();
        double coldSum = 0;
        double rankingSum = 0;
        double squaredError = 0;
        int rated = 0;
        for (int b = 0; b < order.length; b++) {
          int userId = seen.userIds()[order[b]];
          List<RatedMovie> history = new ArrayList<>();
          for (RatedMovie r : seen.ratingsOf(userId)) {
            if (weights[b * m + features.movies().row(r.movieId())] > 0) {
              history.add(r);
            }
          }
          UserProfile profile = new UserProfile(data.users().get(userId), history);
          coldSum += softmaxLoss(model, UserProfile.of(data.users().get(userId)), new float[weights.length],
              allTargets, b, data, features);
          rankingSum += softmaxLoss(model, profile, weights, targets, b, data, features);
          for (int row = 1; row < m; row++) {
            if (targets[b * m + row] > 0) {
              Movie movie = data.movies().get(features.movies().id(row));
              float[] predicted = new float[1];
              model.predictStars(profile, new Movie[] {movie}, predicted);
              squaredError += Math.pow(predicted[0] - stars[b * m + row], 2);
              rated++;
            }
          }
        }
        assertThat((double) losses.ranking().getFloat()).isCloseTo(rankingSum / order.length, within(1e-4));
        assertThat((double) losses.stars().getFloat()).isCloseTo(squaredError / rated, within(1e-4));
        assertThat((double) losses.cold().getFloat()).isCloseTo(coldSum / order.length, within(1e-4));
      }
    }
  }

  /**
   * The weighted mean over {@code targets} (row b) of minus the log softmax of the profile's scores over every movie
   * row but the unknown one and those positive in {@code blocked} (row b).
   */
  private static double softmaxLoss(HistoryModel model, UserProfile profile, float[] blocked, float[] targets, int b,
      MovieLensData data, FusionFeatures features) {
    int m = features.movies().rows();
    float[] q = model.queryVector(profile);
    double[] logits = new double[m];
    double max = Double.NEGATIVE_INFINITY;
    for (int row = 1; row < m; row++) {
      Movie movie = data.movies().get(features.movies().id(row));
      logits[row] = blocked[b * m + row] > 0 ? Double.NEGATIVE_INFINITY : dot(q, model.indexVector(movie));
      max = Math.max(max, logits[row]);
    }
    double sumExp = 0;
    for (int row = 1; row < m; row++) {
      sumExp += Math.exp(logits[row] - max);
    }
    double logSumExp = max + Math.log(sumExp);
    double weighted = 0;
    double weightSum = 0;
    for (int row = 1; row < m; row++) {
      float w = targets[b * m + row];
      if (w > 0) {
        weighted += w * (logSumExp - logits[row]);
        weightSum += w;
      }
    }
    return weighted / weightSum;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
