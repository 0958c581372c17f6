package org.movierec.eval.report;

import java.util.Locale;

/**
 * A small SVG document written by hand: shapes and text in user units, one element per call, text escaped. Not
 * thread-safe; {@link #toString()} gives the document.
 */
final class Svg {
  static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";

  private final int width;
  private final int height;
  private final StringBuilder body = new StringBuilder();

  Svg(int width, int height) {
    this.width = width;
    this.height = height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** A filled rectangle; {@code cssClass} and {@code tooltip} may be null. */
  Svg rect(double x, double y, double w, double h, String fill, String cssClass, String tooltip) {
    body.append("  <rect");
    if (cssClass != null) {
      body.append(" class=\"").append(escape(cssClass)).append('"');
    }
    body.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
    return close("rect", tooltip);
  }

  /** A straight line; {@code dash} is an SVG dash array or null for a solid line. */
  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
    body.append("  <line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append('"');
    if (dash != null) {
      body.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    body.append("/>\n");
    return this;
  }

  /** An open line through the points {@code (xs[i], ys[i])}. */
  Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth, String cssClass) {
    body.append("  <polyline");
    if (cssClass != null) {
      body.append(" class=\"").append(escape(cssClass)).append('"');
    }
    body.append(" fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
        .append("\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
    }
    body.append("\"/>\n");
    return this;
  }

  /** A filled circle; {@code tooltip} may be null. */
  Svg circle(double cx, double cy, double r, String fill, String tooltip) {
    body.append("  <circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\" fill=\"").append(fill).append('"');
    return close("circle", tooltip);
  }

  /**
   * Text at {@code (x, y)} (the baseline), anchored {@code start}, {@code middle} or {@code end}, turned by {@code
   * rotate} degrees about its anchor (0 for none).
   */
  Svg text(double x, double y, String text, String anchor, double size, boolean bold, double rotate,
      String cssClass) {
    body.append("  <text");
    if (cssClass != null) {
      body.append(" class=\"").append(escape(cssClass)).append('"');
    }
    body.append(" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
        .append("\" font-size=\"").append(n(size)).append("\" ").append(FONT).append(" fill=\"#222\"");
    if (bold) {
      body.append(" font-weight=\"bold\"");
    }
    if (rotate != 0) {
      body.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y))
          .append(")\"");
    }
    body.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  @Override
  public String toString() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
        + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
        + "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        + body
        + "</svg>\n";
  }

  /** Ends the open element, with a tooltip as its {@code <title>} child when there is one. */
  private Svg close(String element, String tooltip) {
    if (tooltip == null) {
      body.append("/>\n");
    } else {
      body.append("><title>").append(escape(tooltip)).append("</title></").append(element).append(">\n");
    }
    return this;
  }

  /** A coordinate with at most two decimals and no trailing zeros. */
  static String n(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e9) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
