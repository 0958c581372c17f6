package org.movierec.train;

/**
 * How to train the fusion model.
 *
 * @param epochs passes over the training ratings
 * @param batchSize ratings per gradient step
 * @param learningRate Adam's step size
 * @param weightDecay L2 penalty on the id embeddings, per rating in the batch
 * @param idDropout probability that a training rating's user (or movie) id is replaced by the unknown row, which is
 *     how the model learns what to do for a new user or a new movie
 * @param seed seeds weight initialisation, shuffling and id dropout: the same seed gives the same model
 * @param testFraction share of ratings held out to measure RMSE; 0 trains on every rating
 */
public record TrainingConfig(
    int epochs, int batchSize, float learningRate, float weightDecay, float idDropout, long seed, double testFraction) {

  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got: " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got: " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got: " + learningRate);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("weight decay must be 0 or more, got: " + weightDecay);
    }
    if (!(idDropout >= 0 && idDropout < 1)) {
      throw new IllegalArgumentException("id dropout must be in [0, 1), got: " + idDropout);
    }
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new IllegalArgumentException("test fraction must be in [0, 1), got: " + testFraction);
    }
  }

  /** The settings MovieRec trains with unless told otherwise (the demo's 90/10 split, seed 42). */
  public static TrainingConfig defaults() {
    return new TrainingConfig(8, 512, 1e-3f, 0f, 0.1f, 42, 0.1);
  }

  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(n, batchSize, learningRate, weightDecay, idDropout, seed, testFraction);
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, idDropout, s, testFraction);
  }

  public TrainingConfig withTestFraction(double f) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, idDropout, seed, f);
  }

  public TrainingConfig withBatchSize(int b) {
    return new TrainingConfig(epochs, b, learningRate, weightDecay, idDropout, seed, testFraction);
  }

  public TrainingConfig withLearningRate(float lr) {
    return new TrainingConfig(epochs, batchSize, lr, weightDecay, idDropout, seed, testFraction);
  }

  public TrainingConfig withWeightDecay(float wd) {
    return new TrainingConfig(epochs, batchSize, learningRate, wd, idDropout, seed, testFraction);
  }

  public TrainingConfig withIdDropout(float p) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, p, seed, testFraction);
  }
}
