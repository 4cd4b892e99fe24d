package org.kenes.web;

import java.util.List;

/**
 * A real-time study's convergence as inline SVG: for each rating item, the median and middle half of its first ratings
 * (open circle, thin grey line) above those of its final ratings (filled circle, thick dark line), on the scale. The
 * two are told apart by shape and thickness as well as colour, and the chart's description says every figure; the
 * report's table beside it says them again.
 */
public final class ConvergenceChart {

  /** Narrow, so that its texts stay legible on a phone, where the chart is shrunk to the screen's width. */
  private static final int WIDTH = 360;
  private static final int LABELS = 24;
  private static final int TOP = 30;
  private static final int ROW = 34;
  private static final String INK = "#1a1a1a";
  private static final String FIRST = "#6b6b6b";

  /** One item's row: its label (its number in the report) and the medians and quartiles of first and final ratings. */
  public record Row(String label, Double firstMedian, Double firstQ1, Double firstQ3, Double finalMedian,
      Double finalQ1, Double finalQ3) {}

  private ConvergenceChart() {}

  /** The chart of {@code rows} on the scale {@code min..max}, labelled by {@code title} and described in words. */
  public static String svg(String id, String title, int min, int max, List<Row> rows, String lang) {
    String key = Charts.escape(id);
    int height = TOP + rows.size() * ROW + 30;
    StringBuilder svg = new StringBuilder(2048);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart convergence\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(key).append("-title ")
        .append(key).append("-desc\" focusable=\"false\">")
        .append("<title id=\"").append(key).append("-title\">").append(Charts.escape(title)).append("</title>")
        .append("<desc id=\"").append(key).append("-desc\">").append(Charts.escape(description(rows, lang)))
        .append("</desc>");
    for (int p = min; p <= max; p++) {
      double x = x(p, min, max);
      Charts.line(svg, x, TOP - 6, x, TOP + rows.size() * ROW, "#d0d0d0", 1, null);
      Charts.text(svg, x, TOP - 10, String.valueOf(p), "middle", 12, false);
    }
    for (int k = 0; k < rows.size(); k++) {
      Row row = rows.get(k);
      double y = TOP + k * ROW;
      Charts.text(svg, 4, y + 21, row.label(), "start", 13, true);
      spread(svg, row.firstMedian(), row.firstQ1(), row.firstQ3(), y + 10, FIRST, 2, false, min, max);
      spread(svg, row.finalMedian(), row.finalQ1(), row.finalQ3(), y + 24, INK, 5, true, min, max);
    }
    double legend = TOP + rows.size() * ROW + 20;
    svg.append("<circle cx=\"").append(LABELS - 14).append("\" cy=\"").append(Charts.fmt(legend - 4))
        .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"").append(FIRST).append("\" stroke-width=\"2\"/>");
    Charts.text(svg, LABELS - 4, legend, Views.text(lang, "convergence.first"), "start", 12, false);
    svg.append("<circle cx=\"").append(LABELS + 146).append("\" cy=\"").append(Charts.fmt(legend - 4))
        .append("\" r=\"5\" fill=\"").append(INK).append("\"/>");
    Charts.text(svg, LABELS + 156, legend, Views.text(lang, "convergence.final"), "start", 12, false);
    return svg.append("</svg>").toString();
  }

  private static void spread(StringBuilder svg, Double median, Double q1, Double q3, double y, String colour,
      int width, boolean filled, int min, int max) {
    if (median == null) {
      return;
    }
    if (q1 != null && q3 != null) {
      Charts.line(svg, x(q1, min, max), y, x(q3, min, max), y, colour, width, null);
    }
    svg.append("<circle cx=\"").append(Charts.fmt(x(median, min, max))).append("\" cy=\"").append(Charts.fmt(y))
        .append("\" r=\"5\" fill=\"").append(filled ? colour : "#ffffff").append("\" stroke=\"").append(colour)
        .append("\" stroke-width=\"2\"/>");
  }

  private static double x(double value, int min, int max) {
    return LABELS + 10 + (value - min) * (WIDTH - LABELS - 24.0) / Math.max(1, max - min);
  }

  /** Every row in words: the chart's text alternative. */
  static String description(List<Row> rows, String lang) {
    StringBuilder text = new StringBuilder(Views.text(lang, "convergence.chart.intro"));
    for (Row row : rows) {
      text.append(' ').append(Views.text(lang, "convergence.chart.row", row.label(),
          Views.number(row.firstMedian(), lang), Views.number(row.firstQ1(), lang), Views.number(row.firstQ3(), lang),
          Views.number(row.finalMedian(), lang), Views.number(row.finalQ1(), lang),
          Views.number(row.finalQ3(), lang)));
    }
    return text.toString();
  }
}
