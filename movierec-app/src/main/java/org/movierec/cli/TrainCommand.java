package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.data.MovieLens;
import org.movierec.data.MovieLensData;
import org.movierec.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code movierec train}: the original demo's {@code train.py}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Train the fusion model on MovieLens 1M and save it.",
      "By default the original demo's protocol: a random 90/10 split of the ratings with a fixed seed; each epoch"
          + " prints the training loss and the RMSE, in stars, on the held-out 10%%.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec train --data ~/.movierec/datasets/ml-1m --model my-model",
      "  movierec train --data ml-1m --model my-model --epochs 5 --seed 7",
      "  # train on every rating, hold nothing out:",
      "  movierec train --data ml-1m --model my-model --test-fraction 0",
    })
final class TrainCommand implements Callable<Integer> {
  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "MovieLens 1M directory (movies.dat, users.dat, ratings.dat).")
  Path data;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Passes over the training ratings (default: ${DEFAULT-VALUE}).")
  int epochs = TrainingConfig.defaults().epochs();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds the split, the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
  long seed = TrainingConfig.defaults().seed();

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Share of the ratings held out to measure RMSE, in [0, 1); 0 trains on every rating"
          + " (default: ${DEFAULT-VALUE}).")
  double testFraction = TrainingConfig.defaults().testFraction();

  @Override
  public Integer call() {
    TrainingConfig config = config(spec, epochs, seed, testFraction);
    PrintWriter out = spec.commandLine().getOut();
    MovieLensData movieLens = load(data, out);
    TrainingRun.trainAndSave(movieLens, config, model.resolve(root.environment()), out,
        new ProgressBar(spec.commandLine().getErr(), root.environment().interactive()));
    return 0;
  }

  /** The default config with the command line's values, each checked with the option's name in the message. */
  static TrainingConfig config(CommandSpec spec, int epochs, long seed, double testFraction) {
    if (epochs < 1) {
      throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got: " + epochs);
    }
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new ParameterException(spec.commandLine(),
          "--test-fraction must be at least 0 and below 1, got: " + testFraction);
    }
    return TrainingConfig.defaults().withEpochs(epochs).withSeed(seed).withTestFraction(testFraction);
  }

  /** Loads the data set and says what it holds. */
  static MovieLensData load(Path dir, PrintWriter out) {
    MovieLensData data = MovieLens.load(dir);
    out.printf(Locale.ROOT, "Loaded %s: %,d movies, %,d users, %,d ratings%n", dir.toAbsolutePath().normalize(),
        data.movies().size(), data.users().size(), data.ratings().size());
    out.flush();
    return data;
  }
}
