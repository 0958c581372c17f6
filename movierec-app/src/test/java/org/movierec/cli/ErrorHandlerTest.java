package org.movierec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorHandlerTest {
  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    private final Exception failure;

    Failing(Exception failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      throw failure;
    }
  }

  private static String[] run(Exception failure, boolean verbose) {
    StringWriter err = new StringWriter();
    ErrorHandler handler = new ErrorHandler(() -> verbose);
    int code = new CommandLine(new Failing(failure)).setErr(new PrintWriter(err, true))
        .setExecutionExceptionHandler(handler).setParameterExceptionHandler(handler).execute();
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void turns_an_expected_failure_into_one_line_and_exit_code_1() {
    for (Exception e : new Exception[] {new IllegalArgumentException("bad value"),
        new IllegalStateException("bad value"), new UncheckedIOException("bad value", new IOException("x")),
        new IOException("bad value")}) {
      String[] result = run(e, false);
      assertThat(result[0]).isEqualTo("1");
      assertThat(result[1]).isEqualTo("movierec: bad value" + System.lineSeparator());
    }
  }

  @Test
  void uses_the_cause_when_the_failure_has_no_message() {
    String[] result = run(new IOException(null, new IOException("disk full")), false);
    assertThat(result[1]).isEqualTo("movierec: disk full" + System.lineSeparator());
  }

  @Test
  void reports_an_unexpected_failure_as_a_bug_with_exit_code_70_and_no_stack_trace() {
    String[] result = run(new NullPointerException("model is null"), false);
    assertThat(result[0]).isEqualTo("70");
    assertThat(result[1]).startsWith("movierec: unexpected error: NullPointerException: model is null")
        .contains("--verbose").doesNotContain("\tat ");
  }

  @Test
  void adds_the_stack_trace_with_verbose() {
    String[] result = run(new IllegalStateException("bad value"), true);
    assertThat(result[0]).isEqualTo("1");
    assertThat(result[1]).startsWith("movierec: bad value").contains("java.lang.IllegalStateException: bad value")
        .contains("\tat ");
  }
}
