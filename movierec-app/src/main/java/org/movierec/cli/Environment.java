package org.movierec.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Objects;
import org.movierec.data.DatasetSource;

/**
 * What the commands take from the machine they run on, gathered in one place so that tests can supply their own.
 *
 * @param home where MovieRec keeps its files: {@code datasets/} (downloads) and {@code model/} (the default model)
 * @param interactive whether a person watches the terminal: progress bars are drawn only then
 * @param dataset what {@code quickstart} downloads when it is given no {@code --data}
 */
public record Environment(Path home, boolean interactive, DatasetSource dataset) {
  public static final String HOME_VARIABLE = "MOVIEREC_HOME";

  public Environment {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(dataset, "dataset");
  }

  /** {@code $MOVIEREC_HOME}, else {@code ~/.movierec}; interactive when the console is a terminal. */
  public static Environment fromSystem() {
    String home = System.getenv(HOME_VARIABLE);
    Path dir = home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".movierec");
    return new Environment(dir, isTerminal(), DatasetSource.ML_1M);
  }

  /** Where downloaded data sets are cached (the same place as {@code DatasetDownloader.defaultCacheDir()}). */
  public Path datasetCache() {
    return home.resolve("datasets");
  }

  /** The model directory used when a command is given no {@code --model}. */
  public Path defaultModel() {
    return home.resolve("model");
  }

  /** The model directory a command was given, or the default one. */
  public Path modelOrDefault(Path model) {
    return model != null ? model : defaultModel();
  }

  /**
   * Java 22 and later always have a console and say with {@code Console.isTerminal()} whether it is a terminal; on
   * Java 21 a console exists only for a terminal. Read by reflection because the code is compiled for Java 21.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
