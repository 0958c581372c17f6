package org.movierec.cli;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code movierec} command and the composition root of the command line: {@link #commandLine} wires the
 * subcommands, the {@link Environment} they draw on and the one {@link ErrorHandler}; {@link #main} and the tests both
 * go through it.
 */
@Command(
    name = "movierec",
    mixinStandardHelpOptions = true,
    versionProvider = MovieRecCli.Version.class,
    usageHelpAutoWidth = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Personalized movie recommendations: a two-tower fusion model trained on MovieLens 1M, every movie's vector in"
          + " a Lucene HNSW index.",
      "",
      "Start with 'movierec quickstart'; then 'movierec recommend' for anyone, new or known.",
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      QuickstartCommand.class,
      TrainCommand.class,
      IndexCommand.class,
      RecommendCommand.class,
      PredictCommand.class,
      InfoCommand.class,
      EvaluateCommand.class,
      ServeCommand.class,
      HelpCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:failed: bad data, a missing or corrupt model, a file that cannot be read or written",
      "2:bad command line (unknown option, invalid value)",
      "70:unexpected error, a bug (run again with --verbose and report it)",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # download MovieLens 1M, train, index every movie, recommend:",
      "  movierec quickstart",
      "  # the same steps one by one, as in the original demo:",
      "  movierec train --data ~/.movierec/datasets/ml-1m --model m",
      "  movierec index --model m",
      "  movierec recommend --model m -a 25 -g F -j programmer",
      "  movierec recommend --model m --user 1 --json",
      "  # a new user who rated three movies, without retraining:",
      "  movierec recommend --model m -a 25 -g F -j 12 --rated 1193:5,2355:4,1:3",
      "  movierec predict --model m --input pairs.dat --output predictions.dat",
      "  # every recommender on every protocol, with a report:",
      "  movierec evaluate --data ~/.movierec/datasets/ml-1m --report report",
    })
public final class MovieRecCli implements Callable<Integer> {
  private final Environment environment;

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show library logs and, on failure, the stack trace.")
  boolean verbose;

  public MovieRecCli(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** The {@code movierec} command line, ready to {@link CommandLine#execute}. */
  public static CommandLine commandLine(Environment environment) {
    MovieRecCli root = new MovieRecCli(environment);
    ErrorHandler errors = new ErrorHandler(() -> root.verbose);
    return new CommandLine(root)
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }

  public static void main(String[] args) {
    // Before any library class loads: DJL stays offline and untracked, and libraries keep quiet.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    Logging.configure(Arrays.asList(args).contains("--verbose"));
    int exitCode = commandLine(Environment.fromSystem()).execute(args);
    System.exit(exitCode);
  }

  Environment environment() {
    return environment;
  }

  /** {@code movierec} alone: the help. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The version recorded in the jar's manifest by the build. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MovieRecCli.class.getPackage().getImplementationVersion();
      return new String[] {
        "movierec " + (version == null ? "(development build)" : version),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
      };
    }
  }
}
