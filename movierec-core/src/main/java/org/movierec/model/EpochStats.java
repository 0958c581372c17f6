package org.movierec.model;

/**
 * What one training epoch achieved.
 *
 * @param epoch 1-based
 * @param trainLoss mean squared error on the training ratings during the epoch (stars squared)
 * @param testRmse RMSE in stars on the held-out ratings after the epoch, or NaN when nothing is held out
 * @param seconds wall time of the epoch, evaluation included
 */
public record EpochStats(int epoch, double trainLoss, double testRmse, double seconds) {
  public EpochStats {
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be at least 1, got: " + epoch);
    }
  }
}
