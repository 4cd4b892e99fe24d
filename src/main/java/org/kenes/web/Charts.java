package org.kenes.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kenes.consensus.Band;
import org.kenes.consensus.Criteria;

/**
 * Charts drawn on the server as inline SVG, so that they need no script and print as they show. The page's CSP
 * forbids style attributes, so everything is drawn with presentation attributes; every text and attribute value is
 * escaped here, because the result is inserted into pages unescaped. Colour is never the only signal: the bands are
 * named, the panelist's own bar is hatched and labelled, and the median and middle half are drawn and written out.
 */
public final class Charts {

  private static final int WIDTH = 320;
  private static final int LEFT = 6;
  private static final int PLOT_TOP = 34;
  private static final int PLOT_HEIGHT = 84;
  private static final int AXIS = PLOT_TOP + PLOT_HEIGHT;
  private static final String INK = "#1a1a1a";
  private static final String BAR = "#5b7f95";
  private static final String YOURS = "#123c52";

  /** The scale a chart is drawn on, with the agree and disagree bands it shades. */
  public record Bands(int min, int max, Band agree, Band disagree) {

    public static Bands of(Criteria c) {
      return new Bands(c.scaleMin(), c.scaleMax(), c.agree(), c.disagree());
    }

    /** From the questionnaire JSON's {@code scale}: {@code {"min", "max", "agree": [low, high], "disagree": [...]}}. */
    public static Bands fromJson(JsonObject scale) {
      JsonArray agree = scale.getJsonArray("agree");
      JsonArray disagree = scale.getJsonArray("disagree");
      return new Bands(scale.getInteger("min"), scale.getInteger("max"), new Band(agree.getInteger(0),
          agree.getInteger(1)), new Band(disagree.getInteger(0), disagree.getInteger(1)));
    }
  }

  /**
   * A distribution of ratings on a scale.
   *
   * @param id unique on the page; the prefix of the chart's element ids
   * @param title what the chart shows, in the reader's language
   * @param counts ratings at each point of the scale
   * @param highlight the point to mark as the reader's own, or null
   */
  public record Distribution(String id, String title, Bands bands, Map<Integer, Long> counts, Double median,
      Double q1, Double q3, Integer highlight) {

    public Distribution {
      counts = new TreeMap<>(counts);
    }

    /** From the STATS of round results (CONTRACT.md): the histogram, median and quartiles. */
    public static Distribution of(String id, String title, JsonObject stats, Bands bands, Integer highlight) {
      Map<Integer, Long> counts = new TreeMap<>();
      JsonObject histogram = stats.getJsonObject("histogram", new JsonObject());
      for (int p = bands.min(); p <= bands.max(); p++) {
        counts.put(p, histogram.getLong(String.valueOf(p), 0L));
      }
      return new Distribution(id, title, bands, counts, stats.getDouble("median"), stats.getDouble("q1"),
          stats.getDouble("q3"), highlight);
    }

    public long n() {
      return counts.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private Charts() {}

  /** The bar chart of a distribution, one bar per scale point, as an SVG element labelled with its numbers. */
  public static String distribution(Distribution d, String lang) {
    int points = d.bands().max() - d.bands().min() + 1;
    double slot = (WIDTH - 2.0 * LEFT) / points;
    long top = Math.max(1, d.counts().values().stream().mapToLong(Long::longValue).max().orElse(1));
    String id = escape(d.id());
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(AXIS + 84).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
        .append("-desc\" focusable=\"false\">")
        .append("<title id=\"").append(id).append("-title\">").append(escape(d.title())).append("</title>")
        .append("<desc id=\"").append(id).append("-desc\">").append(escape(description(d, lang))).append("</desc>")
        .append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" "
            + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"")
        .append(YOURS).append("\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
            + "</pattern></defs>");
    bands(svg, d, slot, lang);
    for (int p = d.bands().min(); p <= d.bands().max(); p++) {
      long count = d.counts().getOrDefault(p, 0L);
      double height = PLOT_HEIGHT * (double) count / top;
      double x = x(d, slot, p) - slot * 0.35;
      boolean yours = d.highlight() != null && d.highlight() == p;
      svg.append("<rect class=\"").append(yours ? "bar yours" : "bar").append("\" x=\"").append(fmt(x))
          .append("\" y=\"").append(fmt(AXIS - height)).append("\" width=\"").append(fmt(slot * 0.7))
          .append("\" height=\"").append(fmt(height)).append("\" fill=\"")
          .append(yours ? "url(#" + id + "-hatch)" : BAR).append("\"/>");
      if (points <= 21) {
        text(svg, x(d, slot, p), AXIS - height - 3, String.valueOf(count), "middle", 12, false);
        text(svg, x(d, slot, p), AXIS + 15, String.valueOf(p), "middle", 13, yours);
      }
    }
    line(svg, LEFT, AXIS, WIDTH - LEFT, AXIS, INK, 1, null);
    if (d.highlight() != null) {
      // Near an end of the axis the label is anchored inside the chart rather than centred on its bar.
      double at = x(d, slot, d.highlight());
      String anchor = at < WIDTH * 0.15 ? "start" : at > WIDTH * 0.85 ? "end" : "middle";
      double shift = "start".equals(anchor) ? -slot * 0.35 : "end".equals(anchor) ? slot * 0.35 : 0;
      text(svg, at + shift, AXIS + 28, "▲ " + Views.text(lang, "chart.yours"), anchor, 12, true);
    }
    spread(svg, d, slot, lang);
    return svg.append("</svg>").toString();
  }

  /** Colours of opinion groups (Okabe–Ito, distinguishable with colour-blindness); shapes tell panels apart. */
  private static final String[] GROUP_COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00"};
  private static final String[] PANEL_SHAPES = {"circle", "square", "triangle", "diamond", "cross", "triangle-down",
      "bar"};

  /** The colour of the n-th opinion group, as the map and its legend show it. */
  public static String groupColour(int n) {
    return GROUP_COLOURS[n % GROUP_COLOURS.length];
  }

  /** The name of the shape the n-th panel's dots have on the map. */
  public static String panelShape(int n) {
    return PANEL_SHAPES[n % PANEL_SHAPES.length];
  }

  /**
   * The anonymous map of panelists: one dot each at its first two principal components, coloured by opinion group
   * and shaped by panel (the legend, in the page, names both). {@code points}: x, y, group, panel (null when the
   * panel is too small to name, drawn as a plain dot).
   */
  public static String opinionMap(JsonArray points, List<String> groups, List<String> panels, String title,
      String description) {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Object o : points) {
      JsonObject p = (JsonObject) o;
      minX = Math.min(minX, p.getDouble("x"));
      maxX = Math.max(maxX, p.getDouble("x"));
      minY = Math.min(minY, p.getDouble("y"));
      maxY = Math.max(maxY, p.getDouble("y"));
    }
    double size = 320;
    double margin = 16;
    double spanX = Math.max(1e-9, maxX - minX);
    double spanY = Math.max(1e-9, maxY - minY);
    StringBuilder svg = new StringBuilder(8192);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart map\" viewBox=\"0 0 ").append(fmt(size))
        .append(' ').append(fmt(size)).append("\" role=\"img\" aria-labelledby=\"map-title map-desc\" focusable=\"false\">")
        .append("<title id=\"map-title\">").append(escape(title)).append("</title>")
        .append("<desc id=\"map-desc\">").append(escape(description)).append("</desc>")
        .append("<rect x=\"0.5\" y=\"0.5\" width=\"").append(fmt(size - 1)).append("\" height=\"").append(fmt(size - 1))
        .append("\" fill=\"#ffffff\" stroke=\"#b7c4cc\"/>");
    for (Object o : points) {
      JsonObject p = (JsonObject) o;
      double x = margin + (p.getDouble("x") - minX) / spanX * (size - 2 * margin);
      double y = size - margin - (p.getDouble("y") - minY) / spanY * (size - 2 * margin);
      String colour = groupColour(Math.max(0, groups.indexOf(p.getString("group"))));
      int panel = p.getString("panel") == null ? -1 : panels.indexOf(p.getString("panel"));
      svg.append(shape(panel < 0 ? "circle" : panelShape(panel), x, y, colour));
    }
    return svg.append("</svg>").toString();
  }

  private static String shape(String shape, double x, double y, String colour) {
    String fill = "\" fill=\"" + colour + "\" fill-opacity=\"0.8\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>";
    double r = 4.5;
    return switch (shape) {
      case "square" -> "<rect x=\"" + fmt(x - r) + "\" y=\"" + fmt(y - r) + "\" width=\"" + fmt(2 * r) + "\" height=\""
          + fmt(2 * r) + fill;
      case "triangle" -> polygon(fill, x, y - r, x + r, y + r, x - r, y + r);
      case "triangle-down" -> polygon(fill, x - r, y - r, x + r, y - r, x, y + r);
      case "diamond" -> polygon(fill, x, y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y);
      case "cross" -> polygon(fill, x - 1.5, y - r, x + 1.5, y - r, x + 1.5, y - 1.5, x + r, y - 1.5, x + r, y + 1.5,
          x + 1.5, y + 1.5, x + 1.5, y + r, x - 1.5, y + r, x - 1.5, y + 1.5, x - r, y + 1.5, x - r, y - 1.5, x - 1.5,
          y - 1.5);
      case "bar" -> "<rect x=\"" + fmt(x - r) + "\" y=\"" + fmt(y - 2) + "\" width=\"" + fmt(2 * r) + "\" height=\"4" + fill;
      default -> "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"" + fmt(r) + fill;
    };
  }

  private static String polygon(String fill, double... xy) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < xy.length; i += 2) {
      points.append(i == 0 ? "" : " ").append(fmt(xy[i])).append(',').append(fmt(xy[i + 1]));
    }
    return "<polygon points=\"" + points + fill;
  }

  /** The three bands shaded lightly behind the bars and named above them. */
  private static void bands(StringBuilder svg, Distribution d, double slot, String lang) {
    boolean agreeHigh = d.bands().agree().low() > d.bands().disagree().high();
    Band low = agreeHigh ? d.bands().disagree() : d.bands().agree();
    Band high = agreeHigh ? d.bands().agree() : d.bands().disagree();
    band(svg, d, slot, low.low(), low.high(), agreeHigh ? "disagree" : "agree", lang);
    if (high.low() - low.high() > 1) {
      band(svg, d, slot, low.high() + 1, high.low() - 1, "neutral", lang);
    }
    band(svg, d, slot, high.low(), high.high(), agreeHigh ? "agree" : "disagree", lang);
  }

  private static void band(StringBuilder svg, Distribution d, double slot, int from, int to, String name, String lang) {
    double x0 = x(d, slot, from) - slot / 2;
    double x1 = x(d, slot, to) + slot / 2;
    String fill = switch (name) {
      case "agree" -> "#e6f2e8";
      case "disagree" -> "#f6e7e4";
      default -> "#f1f1ee";
    };
    svg.append("<rect class=\"band ").append(name).append("\" x=\"").append(fmt(x0)).append("\" y=\"0\" width=\"")
        .append(fmt(x1 - x0)).append("\" height=\"").append(AXIS).append("\" fill=\"").append(fill).append("\"/>");
    text(svg, (x0 + x1) / 2, 14, Views.text(lang, "chart.band." + name), "middle", 12, false);
    if (to < d.bands().max()) {
      line(svg, x1, 0, x1, AXIS, "#8a9aa4", 1, "2 2");
    }
  }

  /** The median as a dashed line through the bars, and the middle half (q1 to q3) as a bracket under the axis. */
  private static void spread(StringBuilder svg, Distribution d, double slot, String lang) {
    if (d.median() == null) {
      return;
    }
    double m = x(d, slot, d.median());
    line(svg, m, PLOT_TOP, m, AXIS + 2, INK, 2, "5 3");
    double y = AXIS + 44;
    if (d.q1() != null && d.q3() != null) {
      double a = x(d, slot, d.q1());
      double b = x(d, slot, d.q3());
      line(svg, a, y, b, y, INK, 3, null);
      line(svg, a, y - 6, a, y + 6, INK, 2, null);
      line(svg, b, y - 6, b, y + 6, INK, 2, null);
    }
    svg.append("<circle class=\"median\" cx=\"").append(fmt(m)).append("\" cy=\"").append(fmt(y))
        .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"").append(INK).append("\" stroke-width=\"2\"/>");
    String caption = Views.text(lang, "chart.median", Views.number(d.median(), lang));
    if (d.q1() != null && d.q3() != null) {
      caption += " · " + Views.text(lang, "chart.iqr", Views.number(d.q1(), lang), Views.number(d.q3(), lang));
    }
    text(svg, WIDTH / 2.0, y + 24, caption, "middle", 13, false);
  }

  /** What the chart shows, in words: its text alternative. */
  static String description(Distribution d, String lang) {
    StringBuilder counts = new StringBuilder();
    d.counts().forEach((p, c) -> counts.append(counts.length() == 0 ? "" : ", ").append(p).append(": ").append(c));
    StringBuilder text = new StringBuilder(Views.text(lang, "chart.counts", d.n(), counts.toString()));
    if (d.median() != null) {
      text.append(' ').append(Views.text(lang, "chart.median.sentence", Views.number(d.median(), lang),
          Views.number(d.q1(), lang), Views.number(d.q3(), lang)));
    }
    if (d.highlight() != null) {
      text.append(' ').append(Views.text(lang, "feedback.yours", d.highlight()));
    }
    return text.toString();
  }

  private static double x(Distribution d, double slot, double value) {
    return LEFT + (value - d.bands().min() + 0.5) * slot;
  }

  static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String stroke, int width,
      String dash) {
    svg.append("<line x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1)).append("\" x2=\"").append(fmt(x2))
        .append("\" y2=\"").append(fmt(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(width).append('"');
    if (dash != null) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append("/>");
  }

  static void text(StringBuilder svg, double x, double y, String text, String anchor, int size, boolean bold) {
    svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" text-anchor=\"").append(anchor)
        .append("\" font-size=\"").append(size).append("\" fill=\"").append(INK).append('"');
    if (bold) {
      svg.append(" font-weight=\"700\"");
    }
    svg.append('>').append(escape(text)).append("</text>");
  }

  /** One decimal, by hand: String.format would be most of the time a page of charts takes. */
  static String fmt(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    tenths = Math.abs(tenths);
    return sign + tenths / 10 + "." + tenths % 10;
  }

  /** Escapes for both element text and double- or single-quoted attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
