package org.movierec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.movierec.data.DatasetSource;
import picocli.CommandLine;

/** Runs {@code movierec} as a user would, in this JVM, with its output captured. */
public final class Cli {
  static {
    Logging.configure(false); // as main does: no library logs
  }

  private Cli() {}

  /**
   * What one run printed.
   *
   * @param exitCode the process exit code {@code main} would return
   * @param out stdout
   * @param err stderr
   */
  public record Run(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs with {@code home} as MOVIEREC_HOME, without a terminal (no progress bars). */
  public static Run run(Path home, String... args) {
    return run(new Environment(home, false, DatasetSource.ML_1M), args);
  }

  static Run run(Environment environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = MovieRecCli.commandLine(environment)
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
