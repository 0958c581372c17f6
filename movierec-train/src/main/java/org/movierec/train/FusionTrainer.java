package org.movierec.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.movierec.data.Movie;
import org.movierec.data.MovieLensData;
import org.movierec.data.Ratings;
import org.movierec.data.Shuffle;
import org.movierec.data.Splits;
import org.movierec.model.Architecture;
import org.movierec.model.EpochStats;
import org.movierec.model.FusionFeatures;
import org.movierec.model.FusionModel;
import org.movierec.model.ModelShape;
import org.movierec.model.Objective;
import org.movierec.model.RatingPredictor;

/**
 * Trains the fusion model with DJL on the PyTorch engine, offline, and returns a plain-Java {@link FusionModel}: the
 * learner is not the learned. Loss: squared error between the rating and {@link FusionModel#toStars} of the cosine of
 * the two towers' vectors; optimiser: Adam. Deterministic for a seed.
 */
public final class FusionTrainer implements ModelTrainer {
  static {
    // MovieRec makes no network connection but the dataset download a user asks for: keep DJL offline, untracked.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private final TrainingConfig config;

  public FusionTrainer(TrainingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Architecture architecture() {
    return Architecture.DEMO;
  }

  @Override
  public Objective objective() {
    return config.objective();
  }

  @Override
  public TrainingConfig config() {
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
  public FusionTrainer withEpochs(int epochs) {
    return new FusionTrainer(config.withEpochs(epochs));
  }

  @Override
  public FusionTrainer withSeed(long seed) {
    return new FusionTrainer(config.withSeed(seed));
  }

  @Override
  public FusionTrainer withTestFraction(double testFraction) {
    return new FusionTrainer(config.withTestFraction(testFraction));
  }

  /** Splits the ratings at random as the config says (the demo's protocol), trains on one part, tests on the other. */
  @Override
  public TrainingResult train(MovieLensData data, TrainingListener listener) {
    var split = Splits.random(data.ratings(), config.testFraction(), config.seed());
    return train(data, split.train(), split.test(), listener);
  }

  /**
   * Trains on {@code train}, reporting RMSE on {@code test} (may be empty) after every epoch; a ranking model reports
   * no RMSE (NaN), since it does not predict stars.
   */
  @Override
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
      Step step = config.objective() == Objective.MSE
          ? new MseStep(net, encoder, dropout)
          : new RankingStep(net, encoder, dropout, random.split(), features.movies().ids());
      model = export(net, shape, features);
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        Shuffle.inPlace(order, shuffle);
        double lossSum = 0;
        for (int b = 0; b < batches; b++) {
          int from = b * config.batchSize();
          int to = Math.min(train.size(), from + config.batchSize());
          try (NDManager batch = root.newSubManager()) {
            lossSum += step.run(batch, order, from, to, train) * (to - from);
            update(net, adam);
          }
          listener.onBatch(epoch, b + 1, batches, lossSum / to);
        }
        model = export(net, shape, features);
        double rmse = config.objective().predictsStars()
            ? new RatingPredictor(model, data.users(), data.movies()).rmse(test)
            : Double.NaN;
        EpochStats stats = new EpochStats(epoch, lossSum / train.size(), rmse, (System.nanoTime() - start) / 1e9);
        history.add(stats);
        listener.onEpoch(stats);
      }
    }
    return new TrainingResult(model, history, train.size(), test.size());
  }

  private FusionModel export(FusionNetwork net, ModelShape shape, FusionFeatures features) {
    return new FusionModel(shape, features, net.export(), config.objective());
  }

  /** One objective's forward and backward pass over rating rows {@code order[from..to)}; returns the mean loss. */
  private interface Step {
    float run(NDManager batch, int[] order, int from, int to, Ratings train);
  }

  /** The original demo's objective: squared error of the predicted stars (plus L2 on the id rows used). */
  private final class MseStep implements Step {
    private final FusionNetwork net;
    private final BatchEncoder encoder;
    private final SplittableRandom dropout;

    MseStep(FusionNetwork net, BatchEncoder encoder, SplittableRandom dropout) {
      this.net = net;
      this.encoder = encoder;
      this.dropout = dropout;
    }

    @Override
    public float run(NDManager manager, int[] order, int from, int to, Ratings train) {
      TrainingBatch batch = encoder.encode(manager, order, from, to, dropout, config.idDropout());
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray error = net.predict(batch).sub(batch.stars()).square().mean();
        NDArray loss = error;
        if (config.weightDecay() > 0) {
          loss = error.add(net.idEmbeddingSquares(batch).mul(config.weightDecay() / (to - from)));
        }
        collector.backward(loss);
        return error.getFloat();
      }
    }
  }

  /**
   * The ranking objective: each rated movie is the right answer of a softmax over the movies of the training catalog:
   * all of them ({@code negatives} 0), or the rated movie and {@code negatives} others drawn uniformly for the batch,
   * which costs a fraction of the whole catalog's towers and logits per batch (see {@link
   * FusionNetwork#sampledRankingLoss}). Movie ids are dropped to the unknown row at the same rate as the users', so
   * that the unknown-movie row learns too.
   */
  private final class RankingStep implements Step {
    private final FusionNetwork net;
    private final BatchEncoder encoder;
    private final SplittableRandom dropout;
    private final SplittableRandom negativeRandom;
    private final int[] catalog;
    private final Map<Integer, Integer> column = new HashMap<>();

    RankingStep(FusionNetwork net, BatchEncoder encoder, SplittableRandom dropout, SplittableRandom negativeRandom,
        int[] catalog) {
      this.net = net;
      this.negativeRandom = negativeRandom;
      this.encoder = encoder;
      this.dropout = dropout;
      this.catalog = catalog;
      for (int i = 0; i < catalog.length; i++) {
        column.put(catalog[i], i);
      }
    }

    @Override
    public float run(NDManager manager, int[] order, int from, int to, Ratings train) {
      int n = to - from;
      int[] users = new int[n];
      int[] movies = new int[n];
      for (int i = 0; i < n; i++) {
        users[i] = train.userId(order[from + i]);
        movies[i] = train.movieId(order[from + i]);
      }
      TrainingBatch.UserInputs userInputs = encoder.users(manager, users, dropout, config.idDropout());
      int k = config.negatives();
      try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
        NDArray loss;
        if (k == 0 || k >= catalog.length - 1) {
          long[] targets = new long[n];
          for (int i = 0; i < n; i++) {
            targets[i] = column.get(movies[i]);
          }
          TrainingBatch.MovieInputs movieInputs = encoder.movies(manager, catalog, dropout, config.idDropout());
          loss = net.rankingLoss(userInputs, movieInputs, manager.create(targets), config.temperature());
        } else {
          int[] negatives = sample(k);
          float[] hits = new float[n * k];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
              hits[i * k + j] = negatives[j] == movies[i] ? 1f : 0f;
            }
          }
          TrainingBatch.MovieInputs positiveInputs = encoder.movies(manager, movies, dropout, config.idDropout());
          TrainingBatch.MovieInputs negativeInputs = encoder.movies(manager, negatives, dropout, config.idDropout());
          float logCorrection = (float) Math.log((catalog.length - 1.0) / k);
          loss = net.sampledRankingLoss(userInputs, positiveInputs, negativeInputs,
              manager.create(hits, new Shape(n, k)), config.temperature(), logCorrection);
        }
        collector.backward(loss);
        return loss.getFloat();
      }
    }

    /** {@code k} distinct movies of the catalog, uniformly: the first {@code k} of a partial shuffle. */
    private int[] sample(int k) {
      int[] pool = catalog.clone();
      for (int i = 0; i < k; i++) {
        int j = i + negativeRandom.nextInt(pool.length - i);
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
      }
      return Arrays.copyOf(pool, k);
    }
  }

  /** Adam on every weight, then clears the gradients for the next step. */
  private static void update(FusionNetwork net, Optimizer adam) {
    for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
      try (NDArray grad = p.getValue().getGradient()) {
        adam.update(p.getKey(), p.getValue(), grad);
        grad.muli(0f);
      }
    }
  }

  /** The features of a training run: the users and movies of the training ratings, the titles of those movies. */
  static FusionFeatures features(MovieLensData data, Ratings train) {
    int[] users = IntStream.range(0, train.size()).map(train::userId).distinct().toArray();
    int[] movies = IntStream.range(0, train.size()).map(train::movieId).distinct().sorted().toArray();
    List<Movie> trained = IntStream.of(movies).mapToObj(data.movies()::get).toList();
    return FusionFeatures.forTraining(users, movies, trained, data.movies().values());
  }
}
