package org.movierec.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.movierec.eval.report.Report.Curve;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;

/** A report as Markdown ({@code report.md}): context, target verdicts, a section per protocol, training curves. */
public final class ReportMarkdown {
  private ReportMarkdown() {}

  public static String render(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# MovieRec evaluation\n\n");
    header(md, report);
    md.append("\n## Targets\n\n");
    md.append("Issue 8's targets, judged on the history model (the default two towers).\n\n");
    md.append("| Target | Verdict |\n|---|---|\n");
    for (Verdict v : report.targets()) {
      md.append("| ").append(cell(v.target())).append(" | ").append(cell(v.text())).append(" |\n");
    }
    for (Section s : report.sections()) {
      section(md, s);
    }
    training(md, report);
    return md.toString();
  }

  private static void header(StringBuilder md, Report r) {
    Report.Dataset d = r.data();
    md.append("- **Date:** ").append(r.date()).append('\n');
    md.append("- **Seed:** ").append(r.seed()).append(" (every split, negative sample and model)\n");
    md.append("- **Machine:** ").append(r.machine().describe()).append('\n');
    md.append("- **Wall time:** ").append(ReportFormat.duration(r.wallSeconds())).append('\n');
    md.append("- **Data:** `").append(d.directory()).append("`: ").append(ReportFormat.count(d.movies()))
        .append(" movies, ").append(ReportFormat.count(d.users())).append(" users, ")
        .append(ReportFormat.count(d.ratings())).append(" ratings (SHA-256 `").append(d.checksum()).append("`)\n");
    md.append("- **Timestamps:** ");
    if (d.timestampsFile() != null) {
      md.append('`').append(d.timestampsFile()).append("` (SHA-256 `").append(d.timestampsChecksum())
          .append("`): ");
    }
    md.append(ReportFormat.count(d.usersWithTimestamps())).append(" of ").append(ReportFormat.count(d.users()))
        .append(" users have them\n");
    md.append("- **Command:** `").append(r.command()).append("`\n");
  }

  private static void section(StringBuilder md, Section s) {
    md.append("\n## ").append(s.protocol()).append("\n\n");
    if (s.skipped() != null) {
      md.append("**Skipped:** ").append(s.skipped()).append("\n\n");
    }
    md.append("- **Split:** ").append(s.split()).append('\n');
    md.append("- **Relevance:** ").append(s.relevance()).append('\n');
    md.append("- **Candidates:** ").append(s.candidates()).append('\n');
    md.append("- **Seen movies excluded:** ").append(s.seenExcluded() ? "yes" : "no").append('\n');
    if (s.sizes() != null) {
      md.append("- **Sizes:** ").append(s.sizes()).append('\n');
    }
    if (!s.rows().isEmpty()) {
      md.append("- **Users evaluated:** ").append(usersEvaluated(s.rows())).append('\n');
    }
    for (String note : s.notes()) {
      md.append("- ").append(note).append('\n');
    }
    if (!s.rows().isEmpty()) {
      md.append('\n');
      for (String line : table(s)) {
        md.append(line).append('\n');
      }
    }
    if (!s.notApplicable().isEmpty()) {
      md.append("\nNot evaluated here, since they predict no stars: ").append(String.join(", ", s.notApplicable()))
          .append(".\n");
    }
    anchors(md, s.protocol());
    if (!s.rows().isEmpty()) {
      md.append("\n![").append(s.protocol()).append(": metrics per recommender](")
          .append(ReportPlots.metricsFile(s.protocol())).append(")\n");
    }
  }

  /** The section's table, a line per row: recommender, each metric, train and eval seconds. */
  static List<String> table(Section s) {
    List<String> lines = new ArrayList<>();
    StringBuilder head = new StringBuilder("| Recommender |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String m : s.metrics()) {
      head.append(' ').append(m).append(" |");
      rule.append("---:|");
    }
    lines.add(head.append(" Train s | Eval s |").toString());
    lines.add(rule.append("---:|---:|").toString());
    for (Row r : s.rows()) {
      StringBuilder line = new StringBuilder("| ").append(cell(r.recommender())).append(" |");
      for (String m : s.metrics()) {
        line.append(' ').append(ReportFormat.metric(r.metrics().get(m))).append(" |");
      }
      line.append(' ').append(ReportFormat.seconds(r.trainSeconds())).append(" | ")
          .append(ReportFormat.seconds(r.evalSeconds())).append(" |");
      lines.add(line.toString());
    }
    return lines;
  }

  private static String usersEvaluated(List<Row> rows) {
    Set<String> distinct = new LinkedHashSet<>();
    for (Row r : rows) {
      distinct.add(ReportFormat.count(r.users()) + (r.skippedUsers() == 0 ? " (none skipped)"
          : " (" + ReportFormat.count(r.skippedUsers()) + " skipped: no relevant held-out movie)"));
    }
    if (distinct.size() == 1) {
      return distinct.iterator().next();
    }
    List<String> each = new ArrayList<>();
    for (Row r : rows) {
      each.add(r.recommender() + " " + ReportFormat.count(r.users()) + " (" + r.skippedUsers() + " skipped)");
    }
    return String.join("; ", each);
  }

  private static void anchors(StringBuilder md, String protocol) {
    Map<String, Map<String, Anchor>> byModel = Anchors.byModel(protocol);
    String note = Anchors.note(protocol);
    if (byModel.isEmpty()) {
      if (!note.isEmpty()) {
        md.append("\nPublished figures: none. ").append(note).append('\n');
      }
      return;
    }
    List<String> metrics = Anchors.metrics(protocol);
    md.append("\nPublished figures on ml-1m, to set beside ours. ").append(note).append("\n\n");
    StringBuilder head = new StringBuilder("| Published model |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String m : metrics) {
      head.append(' ').append(m).append(" |");
      rule.append("---:|");
    }
    md.append(head).append(" Source |\n").append(rule).append("---|\n");
    for (Map.Entry<String, Map<String, Anchor>> e : byModel.entrySet()) {
      md.append("| ").append(cell(e.getKey())).append(" |");
      for (String m : metrics) {
        Anchor a = e.getValue().get(m);
        md.append(' ').append(a == null ? "-" : a.text()).append(" |");
      }
      md.append(' ').append(cell(e.getValue().values().iterator().next().source())).append(" |\n");
    }
  }

  private static void training(StringBuilder md, Report r) {
    if (r.curves().isEmpty()) {
      return;
    }
    md.append("\n## Training\n\n");
    md.append("| Model | Protocol | Epochs | Loss | First loss | Last loss | Held-out RMSE, last epoch | Seconds |\n");
    md.append("|---|---|---:|---|---:|---:|---:|---:|\n");
    for (Curve c : r.curves()) {
      int n = c.epochs().size();
      Report.Epoch last = n == 0 ? null : c.epochs().get(n - 1);
      String rmse = last == null || last.heldOutRmse() == null ? "-"
          : ReportFormat.metric(last.heldOutRmse()) + " (" + c.heldOut() + ")";
      md.append("| ").append(cell(c.recommender())).append(" | ").append(c.protocol()).append(" | ").append(n)
          .append(" | ").append(cell(c.loss())).append(" | ")
          .append(n == 0 ? "-" : ReportFormat.metric(c.epochs().get(0).trainLoss())).append(" | ")
          .append(last == null ? "-" : ReportFormat.metric(last.trainLoss())).append(" | ").append(rmse)
          .append(" | ").append(ReportFormat.seconds(c.seconds())).append(" |\n");
    }
    md.append('\n');
    for (String model : ReportPlots.trainedModels(r)) {
      md.append("![").append(model).append(": training loss per epoch](").append(ReportPlots.trainingFile(model))
          .append(")\n");
    }
    if (ReportPlots.hasHeldOutRmse(r)) {
      md.append("![held-out RMSE per epoch](").append(ReportPlots.HELD_OUT_RMSE).append(")\n");
    }
  }

  /** Text safe inside a table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
