package org.movierec.eval.report;

import java.math.BigDecimal;
import java.util.Locale;

/** How reports print numbers, the same in Markdown, the text summary and the plots. */
final class ReportFormat {
  private ReportFormat() {}

  /** A metric: four decimals, or {@code n/a} for a missing value. */
  static String metric(Double value) {
    return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** A bound or a published figure as written, without trailing zeros: {@code 0.73}, {@code 1.1}. */
  static String bound(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A published figure: three decimals, as ml-1m figures are published. */
  static String published(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** A multiplier: two decimals, {@code 1.10}. */
  static String factor(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** Seconds with one decimal. */
  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }

  /** A count with thousands separators: {@code 1,000,209}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A wall time for people: {@code 42.0 s}, {@code 3 min 12 s}, {@code 1 h 05 min}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  /** Bytes in GiB with one decimal. */
  static String gibibytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
