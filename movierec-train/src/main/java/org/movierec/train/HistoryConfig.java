package org.movierec.train;

import java.util.Objects;

/**
 * How to train the history model ({@link HistoryTrainer}).
 *
 * @param epochs passes over the training users
 * @param batchSize users per gradient step
 * @param learningRate Adam's step size
 * @param starLossWeight weight of the star head's squared error beside the ranking loss
 * @param historyDim width of the pooled history
 * @param hiddenDim width of the user tower's hidden layer
 * @param towerDim width of the user and movie vectors (the index adds one for the folded bias)
 * @param temperature 0 scores by the plain inner product; else by the cosine over this temperature (plus the bias)
 * @param splits how each drawn user's ratings are split into history and targets
 * @param targetWeights how much a target weighs in the ranking loss, by its stars
 * @param coldLossWeight weight of the second ranking loss beside the first: each user of a batch, read from their
 *     demographics alone, must find every movie they rated (0: no such loss)
 * @param stars the fold-in factorization blended with the star head, and the head's share of the predicted stars
 * @param seed seeds initialisation, shuffling and the input/target splits: the same seed gives the same model
 * @param testFraction share of ratings held out to measure RMSE; 0 trains on every rating
 */
public record HistoryConfig(
    int epochs,
    int batchSize,
    float learningRate,
    float starLossWeight,
    int historyDim,
    int hiddenDim,
    int towerDim,
    float temperature,
    HistorySplits splits,
    TargetWeights targetWeights,
    float coldLossWeight,
    StarBlend stars,
    long seed,
    double testFraction) {

  /** Epochs of the default training. */
  public static final int DEFAULT_EPOCHS = 40;

  public HistoryConfig {
    positive("epochs", epochs);
    positive("batch size", batchSize);
    positive("history width", historyDim);
    positive("hidden width", hiddenDim);
    positive("tower width", towerDim);
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got: " + learningRate);
    }
    if (!(starLossWeight >= 0)) {
      throw new IllegalArgumentException("star loss weight must be 0 or more, got: " + starLossWeight);
    }
    if (!(temperature >= 0)) {
      throw new IllegalArgumentException("temperature must be 0 (plain inner product) or positive, got: "
          + temperature);
    }
    Objects.requireNonNull(splits, "splits");
    Objects.requireNonNull(targetWeights, "targetWeights");
    if (!(coldLossWeight >= 0)) {
      throw new IllegalArgumentException("cold loss weight must be 0 or more, got: " + coldLossWeight);
    }
    Objects.requireNonNull(stars, "stars");
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1), got: " + testFraction);
    }
  }

  /** The settings MovieRec trains the history model with unless told otherwise; the demo's 90/10 split, seed 42. */
  public static HistoryConfig defaults() {
    return new HistoryConfig(DEFAULT_EPOCHS, 512, 2e-3f, 1f, 256, 512, 256, 0.1f, HistorySplits.defaults(),
        TargetWeights.defaults(), 0.3f, StarBlend.defaults(), 42, 0.1);
  }

  public HistoryConfig withEpochs(int n) {
    return new HistoryConfig(n, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  /** This config with another seed, the star factorization's included. */
  public HistoryConfig withSeed(long s) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight,
        new StarBlend(stars.neuralShare(), stars.factorization().withSeed(s)), s, testFraction);
  }

  public HistoryConfig withTestFraction(double f) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, f);
  }

  public HistoryConfig withBatchSize(int b) {
    return new HistoryConfig(epochs, b, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withLearningRate(float lr) {
    return new HistoryConfig(epochs, batchSize, lr, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withStarLossWeight(float w) {
    return new HistoryConfig(epochs, batchSize, learningRate, w, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withWidths(int history, int hidden, int tower) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, history, hidden, tower,
        temperature, splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withTemperature(float t) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim, t,
        splits, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withTargetWeights(TargetWeights w) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, w, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withSplits(HistorySplits s) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, s, targetWeights, coldLossWeight, stars, seed, testFraction);
  }

  public HistoryConfig withColdLossWeight(float w) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, w, stars, seed, testFraction);
  }

  public HistoryConfig withStars(StarBlend blend) {
    return new HistoryConfig(epochs, batchSize, learningRate, starLossWeight, historyDim, hiddenDim, towerDim,
        temperature, splits, targetWeights, coldLossWeight, blend, seed, testFraction);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got: " + value);
    }
  }
}
