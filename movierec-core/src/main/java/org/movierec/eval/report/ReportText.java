package org.movierec.eval.report;

import java.util.Locale;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;

/** A report as the compact plain-text table {@code movierec evaluate} prints at the end. */
public final class ReportText {
  private ReportText() {}

  /** A table per protocol (recommender by metric, with seconds), then the target verdicts. */
  public static String summary(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("Summary (seed ").append(report.seed()).append(", wall time ")
        .append(ReportFormat.duration(report.wallSeconds())).append(")\n");
    for (Section s : report.sections()) {
      out.append('\n');
      if (s.skipped() != null) {
        out.append(s.protocol()).append(": skipped (").append(s.skipped()).append(")\n");
        continue;
      }
      if (s.rows().isEmpty()) {
        out.append(s.protocol()).append(": no recommender applies\n");
        continue;
      }
      Row first = s.rows().get(0);
      out.append(s.protocol()).append(": ").append(ReportFormat.count(first.users())).append(" users");
      if (first.skippedUsers() > 0) {
        out.append(" (").append(ReportFormat.count(first.skippedUsers())).append(" skipped)");
      }
      out.append('\n');
      int nameWidth = "recommender".length();
      for (Row r : s.rows()) {
        nameWidth = Math.max(nameWidth, r.recommender().length());
      }
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", "recommender"));
      for (String m : s.metrics()) {
        head.append(String.format(Locale.ROOT, "  %" + width(m) + "s", m));
      }
      out.append(head).append("  train s   eval s\n");
      for (Row r : s.rows()) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", r.recommender()));
        for (String m : s.metrics()) {
          line.append(String.format(Locale.ROOT, "  %" + width(m) + "s", ReportFormat.metric(r.metrics().get(m))));
        }
        line.append(String.format(Locale.ROOT, "  %7s  %7s", ReportFormat.seconds(r.trainSeconds()),
            ReportFormat.seconds(r.evalSeconds())));
        out.append(line).append('\n');
      }
      if (!s.notApplicable().isEmpty()) {
        out.append("  (predict no stars: ").append(String.join(", ", s.notApplicable())).append(")\n");
      }
    }
    out.append("\nTargets:\n");
    for (Verdict v : report.targets()) {
      out.append("  ").append(v.target()).append(": ").append(v.text()).append('\n');
    }
    return out.toString();
  }

  private static int width(String metric) {
    return Math.max(metric.length(), 6);
  }
}
