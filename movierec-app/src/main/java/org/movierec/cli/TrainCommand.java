package org.movierec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.movierec.data.MovieLens;
import org.movierec.data.MovieLensData;
import org.movierec.feedback.Feedback;
import org.movierec.feedback.FeedbackData;
import org.movierec.feedback.FeedbackStore;
import org.movierec.model.Architecture;
import org.movierec.model.Objective;
import org.movierec.train.FusionTrainer;
import org.movierec.train.HistoryConfig;
import org.movierec.train.HistoryTrainer;
import org.movierec.train.ModelTrainer;
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
      "Train a two-tower model on MovieLens 1M and save it.",
      "The default architecture, history, reads a user from the movies they rated and their stars (with age,"
          + " gender and occupation) and learns both to rank the catalog and to predict stars. --architecture demo"
          + " trains the original demo's towers (user id and demographics; cosine score) instead.",
      "Both follow the original demo's protocol: a random 90/10 split of the ratings with a fixed seed; each epoch"
          + " prints the training loss and the RMSE, in stars, on the held-out 10%%.",
      "With --architecture demo --objective ranking the demo's towers learn which movies a user watches (softmax"
          + " over the catalog) instead of the rating; such a model predicts no stars, so no RMSE is printed.",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec train --data ~/.movierec/datasets/ml-1m --model my-model",
      "  movierec train --data ml-1m --model my-model --epochs 5 --seed 7",
      "  # the original demo's towers, trained on the stars:",
      "  movierec train --data ml-1m --model demo-model --architecture demo",
      "  # train on every rating, hold nothing out:",
      "  movierec train --data ml-1m --model my-model --test-fraction 0",
      "  # and what 'movierec serve' received (the default store of ~/.movierec/model):",
      "  movierec train --data ml-1m --feedback-db jdbc:sqlite:$HOME/.movierec/model-feedback.db",
      "  # train the two towers for ranking (the index and recommend work the same):",
      "  movierec train --data ml-1m --model ranking-model --architecture demo --objective ranking",
    })
final class TrainCommand implements Callable<Integer> {
  @ParentCommand MovieRecCli root;
  @Spec CommandSpec spec;
  @Mixin ModelDirOption model;

  @Option(names = "--data", paramLabel = "DIR", required = true,
      description = "MovieLens 1M directory (movies.dat, users.dat, ratings.dat).")
  Path data;

  @Option(names = "--architecture", paramLabel = "history|demo", converter = ArchitectureConverter.class,
      completionCandidates = ArchitectureNames.class,
      description = "Which towers: history (users read from their ratings; the default) or demo (the original"
          + " demo's: user id and demographics).")
  Architecture architecture = Architecture.HISTORY;

  @Option(names = "--objective", paramLabel = "mse|ranking", converter = ObjectiveConverter.class,
      completionCandidates = ObjectiveNames.class,
      description = "With --architecture demo, what the towers learn: mse, the rating (the original demo's), or"
          + " ranking, which movies a user watches (default: mse). The history architecture learns both at once.")
  Objective objective;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Passes over the training data (default: " + HistoryConfig.DEFAULT_EPOCHS + " for history;"
          + " 8 for demo with mse, 12 for demo with ranking).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seeds the split, the initial weights and the shuffling (default: 42).")
  Long seed;

  @Option(names = "--test-fraction", paramLabel = "F",
      description = "Share of the ratings held out, in [0, 1); 0 trains on every rating (default: 0.1). An mse model"
          + " reports its RMSE on them.")
  Double testFraction;

  @Option(names = "--feedback-db", paramLabel = "URL",
      description = "Also train on what 'movierec serve' received and stored there (users, movies and ratings added"
          + " through the API): jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB?user=..&password=.. A received"
          + " rating replaces the data's rating of the same movie by the same user.")
  String feedbackDb;

  @Override
  public Integer call() {
    ModelTrainer trainer = trainer(spec, architecture, objective, epochs, seed, testFraction);
    PrintWriter out = spec.commandLine().getOut();
    MovieLensData movieLens = load(data, out);
    if (feedbackDb != null) {
      movieLens = withFeedback(movieLens, feedbackDb, out);
    }
    TrainingRun.trainAndSave(movieLens, trainer, model.resolve(root.environment()), out,
        new ProgressBar(spec.commandLine().getErr(), root.environment().interactive()));
    return 0;
  }

  /**
   * The trainer of the architecture (and, for the demo's towers, the objective: mse when null) with its defaults and
   * each value the command line gives (null: keep the default), checked with the option's name in the message.
   */
  static ModelTrainer trainer(CommandSpec spec, Architecture architecture, Objective objective, Integer epochs,
      Long seed, Double testFraction) {
    ModelTrainer config;
    if (architecture == Architecture.DEMO) {
      Objective o = objective == null ? Objective.MSE : objective;
      if (o == Objective.JOINT) {
        throw new ParameterException(spec.commandLine(), "--objective joint is the history architecture's own;"
            + " the demo's towers learn mse or ranking");
      }
      config = new FusionTrainer(TrainingConfig.defaults(o));
    } else {
      if (objective != null && objective != Objective.JOINT) {
        throw new ParameterException(spec.commandLine(), "--objective " + objective.label() + " applies to"
            + " --architecture demo; the history architecture learns ranking and stars together");
      }
      config = new HistoryTrainer(HistoryConfig.defaults());
    }
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

  /** Reads {@code history} or {@code demo}; the error lists the valid names. */
  static final class ArchitectureConverter implements ITypeConverter<Architecture> {
    @Override
    public Architecture convert(String value) {
      try {
        return Architecture.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** The architectures' names, for help and shell completion. */
  static final class ArchitectureNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.stream(Architecture.values()).map(Architecture::label).iterator();
    }
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

  /** The data and what the feedback store holds, saying how much was added. */
  static MovieLensData withFeedback(MovieLensData data, String url, PrintWriter out) {
    try (FeedbackStore store = FeedbackStore.open(url)) {
      Feedback feedback = store.readAll();
      out.printf(Locale.ROOT, "Added from the feedback store %s: %,d users, %,d movies, %,d ratings%n",
          store.describe(), feedback.users().size(), feedback.movies().size(), feedback.ratings().size());
      out.flush();
      return FeedbackData.merge(data, feedback);
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
