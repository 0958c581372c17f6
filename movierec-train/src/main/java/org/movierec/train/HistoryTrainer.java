package org.movierec.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
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
import org.movierec.data.SeenMovies;
import org.movierec.data.Shuffle;
import org.movierec.data.Splits;
import org.movierec.data.User;
import org.movierec.data.UserProfile;
import org.movierec.eval.Protocols;
import org.movierec.model.Architecture;
import org.movierec.model.EpochStats;
import org.movierec.model.Objective;
import org.movierec.model.FusionFeatures;
import org.movierec.model.HistoryModel;
import org.movierec.model.HistoryShape;
import org.movierec.model.HistoryWeights;
import org.movierec.model.Tensor;
import org.movierec.model.Weights;
import org.movierec.recommend.BiasedMfRecommender;

/**
 * Trains the history model with DJL (PyTorch engine, offline) and returns a plain-Java {@link HistoryModel}: the
 * learner is not the learned. Each step takes a batch of users, splits each user's ratings at random into the history
 * the user tower reads and the targets ({@link HistoryBatches}), and minimises the softmax cross-entropy of the
 * targets over the whole catalog, plus the squared error of their stars as the star head predicts them, plus the cold
 * loss (the same users from their demographics alone, {@link HistoryNetwork#losses}). Optimiser: Adam, its learning
 * rate decayed along a half cosine to a twentieth over the run. Before the first step, the movie side of the fold-in
 * factorization the star head is blended with is fitted by SGD ({@link BiasedMfRecommender}, {@link StarBlend}).
 * Deterministic for a seed (up to the last digits PyTorch's multi-threaded sums may move).
 */
public final class HistoryTrainer implements ModelTrainer {
  static {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private final HistoryConfig config;

  public HistoryTrainer(HistoryConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Architecture architecture() {
    return Architecture.HISTORY;
  }

  @Override
  public Objective objective() {
    return Objective.JOINT;
  }

  @Override
  public HistoryConfig config() {
    return config;
  }

  @Override
  public int epochs() {
    return config.epochs();
  }

  @Override
  public long seed() {
    return config.seed();
  }

  @Override
  public double testFraction() {
    return config.testFraction();
  }

  @Override
  public HistoryTrainer withEpochs(int epochs) {
    return new HistoryTrainer(config.withEpochs(epochs));
  }

  @Override
  public HistoryTrainer withSeed(long seed) {
    return new HistoryTrainer(config.withSeed(seed));
  }

  @Override
  public HistoryTrainer withTestFraction(double testFraction) {
    return new HistoryTrainer(config.withTestFraction(testFraction));
  }

  /** Splits the ratings at random as the config says (the demo's protocol), trains on one part, tests on the other. */
  @Override
  public TrainingResult train(MovieLensData data, TrainingListener listener) {
    var split = Splits.random(data.ratings(), config.testFraction(), config.seed());
    return train(data, split.train(), split.test(), listener);
  }

  /** Trains on {@code train}, reporting RMSE on {@code test} (may be empty: NaN) after every epoch. */
  @Override
  public TrainingResult train(MovieLensData data, Ratings train, Ratings test, TrainingListener listener) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("no ratings to train on");
    }
    FusionFeatures features = FusionTrainer.features(data, train);
    HistoryShape shape = new HistoryShape(features.movies().rows(), features.titleWords().size(),
        features.titleLength(), config.historyDim(), 16, 32, 32, 32, config.hiddenDim(), config.towerDim(),
        config.temperature(), config.stars().factorization().factors(),
        (float) config.stars().factorization().regularization(),
        (float) config.stars().factorization().biasRegularization(), config.stars().neuralShare());
    Map<String, Tensor> foldIn =
        foldInTensors(BiasedMfRecommender.fit(train, config.stars().factorization()), features);
    SeenMovies trainRatings = SeenMovies.of(train);
    HistoryBatches batches = new HistoryBatches(trainRatings, data.users(), data.movies(), features,
        config.splits(), config.targetWeights());
    SplittableRandom random = new SplittableRandom(config.seed());
    int[] order = IntStream.range(0, batches.users()).toArray();
    int steps = (order.length + config.batchSize() - 1) / config.batchSize();
    List<EpochStats> history = new ArrayList<>();
    HistoryModel model;
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager root = NDManager.newBaseManager(Device.cpu(), engine.getEngineName())) {
      HistoryNetwork net = new HistoryNetwork(root, shape, random.nextLong(), (float) train.meanStars(),
          config.coldLossWeight());
      // A half cosine from the learning rate down to a twentieth of it over the whole run.
      Tracker rate = CosineTracker.builder().setBaseValue(config.learningRate())
          .optFinalValue(config.learningRate() / 20).setMaxUpdates(config.epochs() * steps).build();
      Optimizer adam = Optimizer.adam().optLearningRateTracker(rate).build();
      SplittableRandom shuffle = random.split();
      SplittableRandom splits = random.split();
      model = model(shape, features, net.export(), foldIn);
      // a test user's fold-in factors depend only on their training ratings and the factorization, fixed for the run
      Map<Integer, float[]> foldInCache = new java.util.concurrent.ConcurrentHashMap<>();
      long[] profile = new long[4]; // nanoseconds of batch encoding, forward, backward and update in the epoch
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        Shuffle.inPlace(order, shuffle);
        double lossSum = 0;
        for (int s = 0; s < steps; s++) {
          int from = s * config.batchSize();
          int to = Math.min(order.length, from + config.batchSize());
          try (NDManager step = root.newSubManager()) {
            long t0 = System.nanoTime();
            HistoryBatch batch = batches.encode(step, order, from, to, splits);
            long t1 = System.nanoTime();
            long t2;
            try (GradientCollector collector = engine.newGradientCollector()) {
              HistoryNetwork.Losses losses = net.losses(batch, batches.content(step));
              NDArray loss = losses.ranking().add(losses.stars().mul(config.starLossWeight()));
              if (losses.cold() != null) {
                loss = loss.add(losses.cold().mul(config.coldLossWeight()));
              }
              lossSum += loss.getFloat() * (to - from);
              t2 = System.nanoTime();
              collector.backward(loss);
            }
            long t3 = System.nanoTime();
            update(net.parameters(), adam);
            long t4 = System.nanoTime();
            profile[0] += t1 - t0;
            profile[1] += t2 - t1;
            profile[2] += t3 - t2;
            profile[3] += t4 - t3;
          }
          listener.onBatch(epoch, s + 1, steps, lossSum / to);
        }
        if (Boolean.getBoolean("movierec.profile")) { // where an epoch spends its time (README, "Measured")
          System.err.printf("encode %.1f s, forward %.1f s, backward %.1f s, update %.1f s%n", profile[0] / 1e9,
              profile[1] / 1e9, profile[2] / 1e9, profile[3] / 1e9);
          java.util.Arrays.fill(profile, 0);
        }
        model = model(shape, features, net.export(), foldIn);
        double rmse = rmse(model, trainRatings, test, data.users(), data.movies(), foldInCache);
        EpochStats stats = new EpochStats(epoch, lossSum / order.length, rmse, (System.nanoTime() - start) / 1e9);
        history.add(stats);
        listener.onEpoch(stats);
        listener.onModel(epoch, model);
      }
    }
    return new TrainingResult(model, history, train.size(), test.size());
  }

  /** The model of the network's current weights and the fold-in factorization's. */
  static HistoryModel model(HistoryShape shape, FusionFeatures features, Weights network,
      Map<String, Tensor> foldIn) {
    List<Tensor> all = new ArrayList<>(network.all());
    all.addAll(foldIn.values());
    return new HistoryModel(shape, features, Weights.of(HistoryWeights.layout(shape), all));
  }

  /** The movie side of a fitted biased MF, by the model's movie rows (row 0 and movies MF never saw: zeros). */
  static Map<String, Tensor> foldInTensors(BiasedMfRecommender mf, FusionFeatures features) {
    int rows = features.movies().rows();
    int k = mf.params().factors();
    float[] bias = new float[rows];
    float[] vectors = new float[rows * k];
    for (int row = 1; row < rows; row++) {
      int id = features.movies().id(row);
      bias[row] = mf.movieBias(id);
      System.arraycopy(mf.movieVector(id), 0, vectors, row * k, k);
    }
    Map<String, Tensor> m = new java.util.LinkedHashMap<>();
    m.put(HistoryWeights.FOLD_IN_MU, new Tensor(HistoryWeights.FOLD_IN_MU, new int[] {1}, new float[] {mf.mu()}));
    m.put(HistoryWeights.FOLD_IN_BIAS, new Tensor(HistoryWeights.FOLD_IN_BIAS, new int[] {rows}, bias));
    m.put(HistoryWeights.FOLD_IN_VECTORS, new Tensor(HistoryWeights.FOLD_IN_VECTORS, new int[] {rows, k}, vectors));
    return m;
  }

  /** Adam on every weight, then clears the gradients for the next step. */
  static void update(Map<String, NDArray> parameters, Optimizer adam) {
    for (Map.Entry<String, NDArray> p : parameters.entrySet()) {
      try (NDArray grad = p.getValue().getGradient()) {
        adam.update(p.getKey(), p.getValue(), grad);
        grad.muli(0f);
      }
    }
  }

  /**
   * RMSE of the predicted stars of the test ratings, each user read from their training ratings; NaN for none. A
   * user's fold-in factors are taken from the cache, or fitted and put there.
   */
  static double rmse(HistoryModel model, SeenMovies trainRatings, Ratings test, Map<Integer, User> users,
      Map<Integer, Movie> movies, Map<Integer, float[]> foldInCache) {
    if (test.size() == 0) {
      return Double.NaN;
    }
    int[][] rowsByUser = Protocols.rowsByUser(test);
    double[] sums = new double[rowsByUser.length];
    IntStream.range(0, rowsByUser.length).parallel().forEach(u -> {
      int[] rows = rowsByUser[u];
      if (rows.length == 0) {
        return;
      }
      int userId = test.userId(rows[0]);
      UserProfile profile = new UserProfile(users.get(userId), trainRatings.ratingsOf(userId));
      Movie[] asked = new Movie[rows.length];
      for (int i = 0; i < rows.length; i++) {
        asked[i] = movies.get(test.movieId(rows[i]));
      }
      float[] predicted = new float[rows.length];
      model.predictStars(profile, foldInCache.computeIfAbsent(userId, id -> model.foldInFactors(profile)), asked,
          predicted);
      double sum = 0;
      for (int i = 0; i < rows.length; i++) {
        double e = predicted[i] - test.stars(rows[i]);
        sum += e * e;
      }
      sums[u] = sum;
    });
    double total = 0;
    for (double s : sums) {
      total += s;
    }
    return Math.sqrt(total / test.size());
  }
}
