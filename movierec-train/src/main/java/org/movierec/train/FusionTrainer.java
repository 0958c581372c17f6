package org.movierec.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.Ratings;
import org.movierec.data.Splits;
import org.movierec.model.EpochStats;
import org.movierec.model.FusionFeatures;
import org.movierec.model.FusionModel;
import org.movierec.model.ModelShape;
import org.movierec.model.RatingPredictor;

/**
 * Trains the fusion model with DJL on the PyTorch engine, offline, and returns a plain-Java {@link FusionModel}: the
 * learner is not the learned. Loss: squared error between the rating and {@link FusionModel#toStars} of the cosine of
 * the two towers' vectors; optimiser: Adam. Deterministic for a seed.
 */
public final class FusionTrainer {
  static {
    // MovieRec makes no network connection but the dataset download a user asks for: keep DJL offline, untracked.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private final TrainingConfig config;

  public FusionTrainer(TrainingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Splits the ratings at random as the config says (the demo's protocol), trains on one part, tests on the other. */
  public TrainingResult train(MovieLensData data, TrainingListener listener) {
    var split = Splits.random(data.ratings(), config.testFraction(), config.seed());
    return train(data, split.train(), split.test(), listener);
  }

  /** Trains on {@code train}, reporting RMSE on {@code test} (may be empty) after every epoch. */
  public TrainingResult train(MovieLensData data, Ratings train, Ratings test, TrainingListener listener) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("no ratings to train on");
    }
    FusionFeatures features = features(data, train);
    ModelShape shape = features.demoShape();
    BatchEncoder encoder = new BatchEncoder(train, data.users(), data.movies(), features);
    SplittableRandom random = new SplittableRandom(config.seed());
    int[] order = IntStream.range(0, train.size()).toArray();
    int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
    List<EpochStats> history = new ArrayList<>();
    FusionModel model;
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager root = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
      FusionNetwork net = new FusionNetwork(root, shape, random.nextLong());
      Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build();
      SplittableRandom shuffle = random.split();
      SplittableRandom dropout = random.split();
      model = new FusionModel(shape, features, net.export());
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        shuffle(order, shuffle);
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
          int from = b * config.batchSize();
          int to = Math.min(train.size(), from + config.batchSize());
          lossSum += step(root, net, adam, encoder.encode(root.newSubManager(), order, from, to, dropout,
              config.idDropout())) * (to - from);
          listener.onBatch(epoch, b + 1, batches, lossSum / to);
        }
        model = new FusionModel(shape, features, net.export());
        double rmse = new RatingPredictor(model, data.users(), data.movies()).rmse(test);
        EpochStats stats = new EpochStats(epoch, lossSum / train.size(), rmse, (System.nanoTime() - start) / 1e9);
        history.add(stats);
        listener.onEpoch(stats);
      }
    }
    return new TrainingResult(model, history, train.size(), test.size());
  }

  /** One gradient step on one batch; returns the batch's mean squared error. Frees the batch's arrays. */
  private float step(NDManager root, FusionNetwork net, Optimizer adam, TrainingBatch batch) {
    NDManager batchManager = batch.stars().getManager();
    try (batchManager) {
      float mse;
      Engine engine = Engine.getEngine("PyTorch");
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray error = net.predict(batch).sub(batch.stars()).square().mean();
        NDArray loss = error;
        if (config.weightDecay() > 0) {
          long n = batch.stars().getShape().get(0);
          loss = error.add(net.idEmbeddingSquares(batch).mul(config.weightDecay() / n));
        }
        collector.backward(loss);
        mse = error.getFloat();
      }
      for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
        try (NDArray grad = p.getValue().getGradient()) {
          adam.update(p.getKey(), p.getValue(), grad);
          grad.muli(0f);
        }
      }
      return mse;
    }
  }

  private static FusionFeatures features(MovieLensData data, Ratings train) {
    int[] users = IntStream.range(0, train.size()).map(train::userId).distinct().toArray();
    int[] movies = IntStream.range(0, train.size()).map(train::movieId).distinct().sorted().toArray();
    List<Movie> trained = IntStream.of(movies).mapToObj(data.movies()::get).toList();
    return FusionFeatures.forTraining(users, movies, trained, data.movies().values());
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
