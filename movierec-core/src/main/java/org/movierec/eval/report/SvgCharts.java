package org.movierec.eval.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The report's two kinds of plot, as SVG text: grouped bars (a metric per group, a recommender per bar) and lines
 * over epochs. Each has a title, labelled axes with grid lines, a legend, and a tooltip on every bar and point; each
 * bar carries {@code class="bar"} and its value printed above it.
 */
public final class SvgCharts {
  /** Tableau's ten colours: distinct for most forms of colour blindness, and in grey print. */
  private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");

  private static final int LEFT = 72;
  private static final int TOP = 52;
  private static final int BOTTOM = 56;
  private static final int PLOT_HEIGHT = 260;
  private static final String AXIS = "#333";
  private static final String GRID = "#ddd";

  private SvgCharts() {}

  /**
   * One named series: a bar per group, or a point per epoch.
   *
   * @param name the legend's label
   * @param color a CSS colour, such as {@link #color(int)}
   * @param values one per group (bars) or epoch (lines); NaN for none
   */
  public record Series(String name, String color, double[] values) {
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(color, "color");
      values = values.clone();
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /** The i-th colour of the palette, cycling. */
  public static String color(int i) {
    return PALETTE.get(Math.floorMod(i, PALETTE.size()));
  }

  /**
   * Grouped bars from 0: one group per label of {@code groups}, in each a bar per series, the value above it ({@code
   * n/a} and no bar for NaN).
   *
   * @throws IllegalArgumentException if a series has not one value per group
   */
  public static String bars(String title, String yLabel, List<String> groups, List<Series> series) {
    for (Series s : series) {
      if (s.values.length != groups.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values.length + " values for "
            + groups.size() + " groups");
      }
    }
    int n = Math.max(1, series.size());
    int barWidth = n <= 4 ? 22 : 16;
    int gap = 2;
    int groupGap = 28;
    int groupWidth = n * barWidth + (n - 1) * gap;
    int plotWidth = Math.max(320, groups.size() * groupWidth + (groups.size() + 1) * groupGap);
    int legendWidth = legendWidth(series);
    Svg svg = new Svg(LEFT + plotWidth + 24 + legendWidth, TOP + PLOT_HEIGHT + BOTTOM);

    double max = 0;
    for (Series s : series) {
      for (double v : s.values) {
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
        }
      }
    }
    double[] ticks = ticks(0, max > 0 ? max * 1.15 : 1, 5);
    double top = ticks[ticks.length - 1];
    yAxis(svg, ticks, 0, top, plotWidth, yLabel);

    double baseline = TOP + PLOT_HEIGHT;
    for (int g = 0; g < groups.size(); g++) {
      double groupX = LEFT + groupGap + g * (groupWidth + groupGap);
      svg.text(groupX + groupWidth / 2.0, baseline + 20, groups.get(g), "middle", 12, false, 0, "group");
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        double v = s.values[g];
        double x = groupX + i * (barWidth + gap);
        double center = x + barWidth / 2.0;
        if (!Double.isFinite(v)) {
          svg.text(center + 3, baseline - 4, "n/a", "start", 9, false, -90, "value");
          continue;
        }
        double h = Math.max(0, v) / top * PLOT_HEIGHT;
        svg.rect(x, baseline - h, barWidth, h, s.color(), "bar", s.name() + " " + groups.get(g) + ": "
            + ReportFormat.metric(v));
        svg.text(center + 3, baseline - h - 4, ReportFormat.metric(v), "start", 9, false, -90, "value");
      }
    }
    svg.line(LEFT, baseline, LEFT + plotWidth, baseline, AXIS, 1, null);
    title(svg, title);
    legend(svg, series, LEFT + plotWidth + 24);
    return svg.toString();
  }

  /**
   * Lines over epochs 1, 2, ...: a point per finite value of each series, joined, with a tooltip per point. The y
   * axis spans the values, not 0.
   */
  public static String lines(String title, String xLabel, String yLabel, List<Series> series) {
    int plotWidth = 480;
    int legendWidth = legendWidth(series);
    Svg svg = new Svg(LEFT + plotWidth + 24 + legendWidth, TOP + PLOT_HEIGHT + BOTTOM);
    int epochs = 1;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      epochs = Math.max(epochs, s.values.length);
      for (double v : s.values) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    double pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.1, 0.1);
    double[] ticks = ticks(lo - pad, hi + pad, 5);
    double bottomValue = ticks[0];
    double topValue = ticks[ticks.length - 1];
    yAxis(svg, ticks, bottomValue, topValue, plotWidth, yLabel);

    double baseline = TOP + PLOT_HEIGHT;
    double inset = 16;
    int lastEpoch = epochs;
    java.util.function.IntToDoubleFunction xOf = e -> lastEpoch == 1
        ? LEFT + plotWidth / 2.0
        : LEFT + inset + (e - 1) * (plotWidth - 2 * inset) / (lastEpoch - 1);
    int step = Math.max(1, (int) Math.ceil(epochs / 12.0));
    for (int e = 1; e <= epochs; e += step) {
      double x = xOf.applyAsDouble(e);
      svg.line(x, baseline, x, baseline + 4, AXIS, 1, null);
      svg.text(x, baseline + 17, Integer.toString(e), "middle", 11, false, 0, "tick");
    }
    svg.line(LEFT, baseline, LEFT + plotWidth, baseline, AXIS, 1, null);
    svg.text(LEFT + plotWidth / 2.0, baseline + 40, xLabel, "middle", 12, false, 0, "axis-label");

    for (Series s : series) {
      double[] xs = new double[s.values.length];
      double[] ys = new double[s.values.length];
      int points = 0;
      for (int i = 0; i < s.values.length; i++) {
        if (Double.isFinite(s.values[i])) {
          xs[points] = xOf.applyAsDouble(i + 1);
          ys[points] = baseline - (s.values[i] - bottomValue) / (topValue - bottomValue) * PLOT_HEIGHT;
          points++;
        }
      }
      if (points > 1) {
        svg.polyline(java.util.Arrays.copyOf(xs, points), java.util.Arrays.copyOf(ys, points), s.color(), 2,
            "series");
      }
      int p = 0;
      for (int i = 0; i < s.values.length; i++) {
        if (Double.isFinite(s.values[i])) {
          svg.circle(xs[p], ys[p], 3.5, s.color(), s.name() + ", epoch " + (i + 1) + ": "
              + ReportFormat.metric(s.values[i]));
          p++;
        }
      }
    }
    title(svg, title);
    legend(svg, series, LEFT + plotWidth + 24);
    return svg.toString();
  }

  /** Grid lines and labels at the ticks, the y axis and its label, for values from {@code lo} to {@code hi}. */
  private static void yAxis(Svg svg, double[] ticks, double lo, double hi, int plotWidth, String label) {
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    for (double t : ticks) {
      double y = TOP + PLOT_HEIGHT - (t - lo) / (hi - lo) * PLOT_HEIGHT;
      svg.line(LEFT, y, LEFT + plotWidth, y, GRID, 1, null);
      svg.text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%." + decimals + "f", t), "end", 11, false, 0, "tick");
    }
    svg.line(LEFT, TOP, LEFT, TOP + PLOT_HEIGHT, AXIS, 1, null);
    svg.text(20, TOP + PLOT_HEIGHT / 2.0, label, "middle", 12, false, -90, "axis-label");
  }

  private static void title(Svg svg, String title) {
    svg.text(LEFT, 28, title, "start", 15, true, 0, "title");
  }

  private static void legend(Svg svg, List<Series> series, double x) {
    for (int i = 0; i < series.size(); i++) {
      double y = TOP + 8 + i * 20;
      svg.rect(x, y - 10, 12, 12, series.get(i).color(), "legend-key", null);
      svg.text(x + 18, y, series.get(i).name(), "start", 12, false, 0, "legend");
    }
  }

  private static int legendWidth(List<Series> series) {
    int longest = series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    return 24 + longest * 7;
  }

  /** Round ticks covering {@code [lo, hi]}, about {@code count} intervals: steps of 1, 2 or 5 times a power of 10. */
  static double[] ticks(double lo, double hi, int count) {
    double raw = (hi - lo) / count;
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / power;
    double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    long first = (long) Math.floor(lo / step + 1e-9);
    long last = (long) Math.ceil(hi / step - 1e-9);
    double[] out = new double[(int) (last - first + 1)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (first + i) * step;
    }
    return out;
  }
}
