package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.data.MovieLens;
import org.movierec.data.MovieLensData;
import org.movierec.model.Objective;
import org.movierec.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code movierec train}: the original demo's {@code train.py}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    description = {
      "Train the fusion model on MovieLens 1M and save it.",
      "By default the original demo's protocol: a random 90/10 split of the ratings with a fixed seed; each epoch"
          + " prints the training loss and the RMSE, in stars, on the held-out 10%%.",
      "With --objective ranking the towers learn which movies a user watches (softmax over the catalog) instead of"
          + " the rating; such a model predicts no stars, so no RMSE is printed: 'movierec evaluate' measures it.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec train --data ~/.movierec/datasets/ml-1m --model my-model",
      "  movierec train --data ml-1m --model my-model --epochs 5 --seed 7",
      "  # train on every rating, hold nothing out:",
      "  movierec train --data ml-1m --model my-model --test-fraction 0",
      "  # train the two towers for ranking (the index and recommend work the same):",
      "  movierec train --data ml-1m --model ranking-model --objective ranking",
    })
final class TrainCommand implements Callable<Integer> {
  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "MovieLens 1M directory (movies.dat, users.dat, ratings.dat).")
  Path data;

  @Option(names = "--objective", paramLabel = "mse|ranking", converter = ObjectiveConverter.class,
      completionCandidates = ObjectiveNames.class,
      description = "What the towers learn: mse, the rating (the original demo's), or ranking, which movies a user"
          + " watches (default: ${DEFAULT-VALUE}).")
  Objective objective = Objective.MSE;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Passes over the training ratings (default: 8 for mse, 12 for ranking).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds the split, the initial weights and the shuffling (default: 42).")
  Long seed;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Share of the ratings held out, in [0, 1); 0 trains on every rating (default: 0.1). An mse model"
          + " reports its RMSE on them.")
  Double testFraction;

  @Override
  public Integer call() {
    TrainingConfig config = config(spec, objective, epochs, seed, testFraction);
    PrintWriter out = spec.commandLine().getOut();
    MovieLensData movieLens = load(data, out);
    TrainingRun.trainAndSave(movieLens, config, model.resolve(root.environment()), out,
        new ProgressBar(spec.commandLine().getErr(), root.environment().interactive()));
    return 0;
  }

  /** The default MSE config with the command line's values, each checked with the option's name in the message. */
  static TrainingConfig config(CommandSpec spec, int epochs, long seed, double testFraction) {
    return config(spec, Objective.MSE, epochs, seed, testFraction);
  }

  /**
   * The objective's defaults ({@link TrainingConfig#defaults(Objective)}) with each value the command line gives
   * (null: keep the default), checked with the option's name in the message.
   */
  static TrainingConfig config(CommandSpec spec, Objective objective, Integer epochs, Long seed,
      Double testFraction) {
    TrainingConfig config = TrainingConfig.defaults(objective);
    if (epochs != null) {
      if (epochs < 1) {
        throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got: " + epochs);
      }
      config = config.withEpochs(epochs);
    }
    if (testFraction != null) {
      if (!(testFraction >= 0 && testFraction < 1)) {
        throw new ParameterException(spec.commandLine(),
            "--test-fraction must be at least 0 and below 1, got: " + testFraction);
      }
      config = config.withTestFraction(testFraction);
    }
    return seed == null ? config : config.withSeed(seed);
  }

  /** Reads {@code mse} or {@code ranking}; the error lists the valid names. */
  static final class ObjectiveConverter implements ITypeConverter<Objective> {
    @Override
    public Objective convert(String value) {
      try {
        return Objective.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The objectives' names, for help and shell completion. */
  static final class ObjectiveNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Objective.values()).map(Objective::label).iterator();
    }
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
