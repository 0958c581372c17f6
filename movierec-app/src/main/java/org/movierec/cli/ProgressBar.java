package org.movierec.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on stderr redrawn with {@code \r}: a label, a bar, the percentage and a note. Drawn only when a person
 * watches ({@link Environment#interactive()}); otherwise every call does nothing, so logs and captured output stay
 * clean. Redraws only when the shown percentage changes. Not thread-safe.
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean enabled;
  private int shownPercent = -1;
  private String shownLabel = "";
  private int lastLength;

  ProgressBar(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void show(String label, long done, long total, String note) {
    if (!enabled || total <= 0) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == shownPercent && label.equals(shownLabel)) {
      return;
    }
    shownPercent = percent;
    shownLabel = label;
    int filled = percent * WIDTH / 100;
    String line = String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), percent, note);
    err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    err.flush();
    lastLength = line.length();
  }

  /** Erases the bar so that the next line printed starts on a clean line. */
  void clear() {
    if (enabled && lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
    }
    lastLength = 0;
    shownPercent = -1;
    shownLabel = "";
  }
}
