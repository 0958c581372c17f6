package org.movierec.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.movierec.eval.Protocol;
import org.movierec.eval.report.Report.Curve;
import org.movierec.eval.report.Report.Epoch;
import org.movierec.eval.report.Report.Row;
import org.movierec.eval.report.Report.Section;

/**
 * The plots of a report and their file names, in one place for the files and the Markdown that links them: a bar
 * chart of the metrics of each protocol that ran, the training loss per epoch of each model trained by epochs (a
 * line per protocol), and the held-out RMSE per epoch when any was measured. A recommender keeps its colour in every
 * plot.
 */
final class ReportPlots {
  static final String HELD_OUT_RMSE = "heldout-rmse.svg";

  private ReportPlots() {}

  static String metricsFile(String protocol) {
    return "metrics-" + protocol + ".svg";
  }

  static String trainingFile(String recommender) {
    return "training-" + recommender + ".svg";
  }

  /** Whether a file name is one a report writes: what may be replaced in a report directory. */
  static boolean isPlotFile(String name) {
    return name.equals(HELD_OUT_RMSE)
        || (name.endsWith(".svg") && (name.startsWith("metrics-") || name.startsWith("training-")));
  }

  /** Sections with figures to plot. */
  static List<Section> plotted(Report report) {
    return report.sections().stream().filter(s -> !s.rows().isEmpty()).toList();
  }

  /** The models with training curves, in order of first appearance. */
  static List<String> trainedModels(Report report) {
    List<String> out = new ArrayList<>();
    for (Curve c : report.curves()) {
      if (!out.contains(c.recommender())) {
        out.add(c.recommender());
      }
    }
    return out;
  }

  static boolean hasHeldOutRmse(Report report) {
    return report.curves().stream().anyMatch(c -> c.heldOut() != null);
  }

  /** Every plot: file name to SVG text, in report order. */
  static Map<String, String> render(Report report) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> colours = report.recommenders();
    for (Section s : plotted(report)) {
      List<SvgCharts.Series> series = new ArrayList<>();
      for (Row r : s.rows()) {
        double[] values = s.metrics().stream().mapToDouble(m -> {
          Double v = r.metrics().get(m);
          return v == null ? Double.NaN : v;
        }).toArray();
        series.add(new SvgCharts.Series(r.recommender(), SvgCharts.color(colours.indexOf(r.recommender())), values));
      }
      boolean stars = s.task().equals(Protocol.Task.PREDICT_STARS.name());
      out.put(metricsFile(s.protocol()), SvgCharts.bars(s.protocol() + " protocol (seed " + report.seed() + ")",
          stars ? "error in stars (lower is better)" : "mean over users (higher is better)", s.metrics(), series));
    }
    List<String> protocols = report.sections().stream().map(Section::protocol).toList();
    for (String model : trainedModels(report)) {
      List<SvgCharts.Series> series = new ArrayList<>();
      String loss = "";
      for (Curve c : report.curves()) {
        if (c.recommender().equals(model)) {
          loss = c.loss();
          series.add(new SvgCharts.Series(c.protocol(), SvgCharts.color(protocols.indexOf(c.protocol())),
              c.epochs().stream().mapToDouble(Epoch::trainLoss).toArray()));
        }
      }
      out.put(trainingFile(model), SvgCharts.lines(model + ": training loss per epoch, by protocol", "epoch",
          "training loss: " + loss, series));
    }
    if (hasHeldOutRmse(report)) {
      List<SvgCharts.Series> series = new ArrayList<>();
      for (Curve c : report.curves()) {
        if (c.heldOut() != null) {
          series.add(new SvgCharts.Series(c.recommender() + " on " + c.protocol() + " (" + c.heldOut() + ")",
              SvgCharts.color(colours.indexOf(c.recommender()) + protocols.indexOf(c.protocol())),
              c.epochs().stream().mapToDouble(e -> e.heldOutRmse() == null ? Double.NaN : e.heldOutRmse())
                  .toArray()));
        }
      }
      out.put(HELD_OUT_RMSE, SvgCharts.lines("Held-out RMSE per epoch", "epoch", "RMSE in stars", series));
    }
    return out;
  }
}
