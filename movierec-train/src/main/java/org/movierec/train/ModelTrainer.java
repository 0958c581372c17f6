package org.movierec.train;

import org.movierec.data.MovieLensData;
import org.movierec.data.Ratings;
import org.movierec.model.Architecture;
import org.movierec.model.Objective;

/**
 * A learner of two-tower models, whichever the architecture: {@link FusionTrainer} (the demo's towers) or {@link
 * HistoryTrainer} (the default). Returns plain-Java models; the training runtime never leaves the call.
 */
public sealed interface ModelTrainer permits FusionTrainer, HistoryTrainer {
  /** The trainer of an architecture with its default settings. */
  static ModelTrainer defaults(Architecture architecture) {
    return architecture == Architecture.DEMO ? new FusionTrainer(TrainingConfig.defaults())
        : new HistoryTrainer(HistoryConfig.defaults());
  }

  Architecture architecture();

  Objective objective();

  /** The settings, a record whose components the model's manifest lists by name. */
  Record config();

  int epochs();

  long seed();

  double testFraction();

  ModelTrainer withEpochs(int epochs);

  ModelTrainer withSeed(long seed);

  ModelTrainer withTestFraction(double testFraction);

  /** Splits the ratings at random as the settings say (the demo's protocol), trains on one part, tests on the other. */
  TrainingResult train(MovieLensData data, TrainingListener listener);

  /** Trains on {@code train}, reporting RMSE on {@code test} (may be empty) after every epoch when it predicts stars. */
  TrainingResult train(MovieLensData data, Ratings train, Ratings test, TrainingListener listener);
}
