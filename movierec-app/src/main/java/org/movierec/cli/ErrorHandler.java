package org.movierec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import org.movierec.index.IndexUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become what the user reads: {@code movierec: <message>} on stderr and an exit code,
 * never a stack trace unless {@code --verbose} is given.
 *
 * <ul>
 *   <li>{@value #USAGE}: the command line is wrong (unknown option, bad value, missing argument); a hint says where
 *       the help is.
 *   <li>{@value #FAILURE}: the command could not do its work (bad data, missing or corrupt model, unreadable file).
 *   <li>{@value #BUG}: something MovieRec did not expect; the message asks for {@code --verbose} and a bug report.
 * </ul>
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int BUG = 70; // EX_SOFTWARE in sysexits.h

  private final BooleanSupplier verbose;

  ErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getColorScheme().errorText("movierec: " + e.getMessage()));
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    if (verbose.getAsBoolean()) {
      e.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    cmd.getOut().flush();
    int code;
    if (isExpected(e)) {
      err.println(cmd.getColorScheme().errorText("movierec: " + message(e)));
      code = FAILURE;
    } else {
      err.println(cmd.getColorScheme().errorText("movierec: unexpected error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()))));
      if (!verbose.getAsBoolean()) {
        err.println("Run the command again with --verbose for details, and please report it as a bug.");
      }
      code = BUG;
    }
    if (verbose.getAsBoolean()) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static boolean isExpected(Exception e) {
    return e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof IndexUnavailableException
        || e instanceof UncheckedIOException
        || e instanceof IOException;
  }

  /** The message of the exception, or of its cause when it has none (an IOException without text, for one). */
  private static String message(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      Throwable cause = e.getCause();
      return cause != null ? message(cause) : e.getClass().getSimpleName();
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file: " + m;
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + m;
    }
    return m;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
