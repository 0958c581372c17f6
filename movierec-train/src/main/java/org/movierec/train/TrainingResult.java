package org.movierec.train;

import java.util.List;
import org.movierec.model.EpochStats;
import org.movierec.model.TwoTowerModel;

/**
 * What a training run produced.
 *
 * @param model the trained model (plain Java; no training runtime attached)
 * @param history one entry per epoch
 * @param trainRatings how many ratings it was trained on
 * @param testRatings how many ratings were held out
 */
public record TrainingResult(TwoTowerModel model, List<EpochStats> history, int trainRatings, int testRatings) {
  public TrainingResult {
    history = List.copyOf(history);
  }

  /** RMSE on the held-out ratings after the last epoch; NaN when none were held out. */
  public double testRmse() {
    return history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testRmse();
  }
}
