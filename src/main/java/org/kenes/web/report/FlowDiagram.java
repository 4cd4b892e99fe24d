package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.kenes.web.Charts;
import org.kenes.web.Views;

/**
 * The report's flow diagram: participants and items across the rounds, as inline SVG whose every number is text
 * (so the PDF keeps it selectable), titled and described for screen readers, and the same numbers in sentences
 * beside it. Per round: invited, responded, withdrew; items asked and their verdicts; between two rounds, who did
 * not answer the next one, and the items carried forward, added, reworded, merged and retired.
 */
final class FlowDiagram {

  private static final int WIDTH = 640;
  private static final int BOX = 84;
  private static final int GAP = 64;
  private static final int HALF = 300;
  private static final int RIGHT = 330;
  private static final String INK = "#1a1a1a";

  /** One round's numbers; {@code next} those of its passage to the following round, or null for the last. */
  record Stage(int round, boolean open, long invited, long responded, long withdrew, int asked, int[] verdicts,
      Passage next) {}

  /** @param left respondents of this round who did not answer the next, or null while the next is open */
  record Passage(Long left, int carried, int added, int reworded, int merged, int retired) {}

  private FlowDiagram() {}

  static JsonObject model(List<Stage> stages, String lang) {
    JsonArray steps = new JsonArray();
    stages.forEach(s -> sentences(s, lang).forEach(steps::add));
    String title = Views.text(lang, "flow.title");
    return new JsonObject().put("svg", stages.isEmpty() ? null : svg(stages, title, String.join(" ", steps.stream()
        .map(String::valueOf).toList()), lang)).put("steps", steps)
        // The PDF draws the diagram 160 mm wide: its height in proportion, as the layout needs it in CSS.
        .put("pdfHeight", Math.round(160.0 * height(stages) / WIDTH));
  }

  private static List<String> sentences(Stage s, String lang) {
    List<String> out = new ArrayList<>();
    out.add(Views.text(lang, "flow.participants", s.round(), s.invited(), s.responded(), pct(s), s.withdrew()));
    out.add(s.open() ? Views.text(lang, "flow.itemsOpen", s.round(), s.asked())
        : Views.text(lang, "flow.items", s.round(), s.asked(), s.verdicts()[0], s.verdicts()[1], s.verdicts()[2],
            s.verdicts()[3]));
    Passage p = s.next();
    if (p != null) {
      if (p.left() != null) {
        out.add(Views.text(lang, "flow.left", p.left(), s.round(), s.round() + 1));
      }
      out.add(Views.text(lang, "flow.between", s.round(), s.round() + 1, p.carried(), p.added(), p.reworded(),
          p.merged(), p.retired()));
    }
    return out;
  }

  private static String svg(List<Stage> stages, String title, String description, String lang) {
    int height = height(stages);
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart flow\" viewBox=\"0 0 ").append(WIDTH)
        .append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"flow-title flow-desc\" focusable=\"false\">")
        .append("<title id=\"flow-title\">").append(Charts.escape(title)).append("</title>")
        .append("<desc id=\"flow-desc\">").append(Charts.escape(description)).append("</desc>")
        .append("<defs><marker id=\"flow-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
            + "markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + INK
            + "\"/></marker></defs>");
    int y = 2;
    for (Stage s : stages) {
      box(svg, 10, y, List.of(Views.text(lang, s.open() ? "flow.svg.open" : "flow.svg.round", s.round()),
          Views.text(lang, "flow.svg.invited", s.invited(), s.responded(), pct(s)),
          Views.text(lang, "flow.svg.withdrew", s.withdrew())));
      box(svg, RIGHT, y, s.open() ? List.of(Views.text(lang, "flow.svg.asked", s.asked()))
          : List.of(Views.text(lang, "flow.svg.asked", s.asked()),
              Views.text(lang, "flow.svg.consensus", s.verdicts()[0], s.verdicts()[1]),
              Views.text(lang, "flow.svg.none", s.verdicts()[2], s.verdicts()[3])));
      y += BOX;
      Passage p = s.next();
      if (p != null) {
        arrow(svg, 40, y, y + GAP);
        if (p.left() != null) {
          text(svg, 52, y + GAP / 2 + 5, Views.text(lang, "flow.svg.left", p.left()), false);
        }
        arrow(svg, RIGHT + 30, y, y + GAP);
        text(svg, RIGHT + 42, y + 18, Views.text(lang, "flow.svg.carried", p.carried()), false);
        text(svg, RIGHT + 42, y + 36, Views.text(lang, "flow.svg.added", p.added(), p.reworded()), false);
        text(svg, RIGHT + 42, y + 54, Views.text(lang, "flow.svg.merged", p.merged(), p.retired()), false);
        y += GAP;
      }
    }
    return svg.append("</svg>").toString();
  }

  private static int height(List<Stage> stages) {
    return stages.size() * BOX + (stages.size() - 1) * GAP + 4;
  }

  private static void box(StringBuilder svg, int x, int y, List<String> lines) {
    svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(HALF)
        .append("\" height=\"").append(BOX).append("\" rx=\"4\" fill=\"#f3f6f8\" stroke=\"").append(INK)
        .append("\" stroke-width=\"1\"/>");
    for (int i = 0; i < lines.size(); i++) {
      text(svg, x + 10, y + 22 + 22 * i, lines.get(i), i == 0);
    }
  }

  private static void arrow(StringBuilder svg, int x, int from, int to) {
    svg.append("<line x1=\"").append(x).append("\" y1=\"").append(from).append("\" x2=\"").append(x)
        .append("\" y2=\"").append(to - 1).append("\" stroke=\"").append(INK)
        .append("\" stroke-width=\"1.5\" marker-end=\"url(#flow-arrow)\"/>");
  }

  private static void text(StringBuilder svg, int x, int y, String text, boolean bold) {
    svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"13\" fill=\"").append(INK)
        .append('"').append(bold ? " font-weight=\"bold\"" : "").append('>').append(Charts.escape(text))
        .append("</text>");
  }

  private static String pct(Stage s) {
    return s.invited() == 0 ? "–" : Math.round(100.0 * s.responded() / s.invited()) + "%";
  }
}
