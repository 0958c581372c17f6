package org.movierec.train;

import org.movierec.model.EpochStats;
import org.movierec.model.TwoTowerModel;

/** Hears how training goes; the CLI draws a progress bar with it. Called on the training thread. */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  /** After each batch: batches done in this epoch out of {@code total}, and the running training loss. */
  default void onBatch(int epoch, int done, int total, double runningLoss) {}

  default void onEpoch(EpochStats stats) {}

  /** After each epoch, the model as it stands (for measuring it on a validation part while it trains). */
  default void onModel(int epoch, TwoTowerModel model) {}
}
