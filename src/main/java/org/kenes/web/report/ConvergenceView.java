package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.kenes.study.Study;
import org.kenes.web.ConvergenceChart;
import org.kenes.web.Views;

/**
 * The report's Convergence section of a real-time study: its mode said in words, and each rating item's first and
 * final ratings as a chart and as a table (the chart's text alternative for every reader); null for a study of rounds.
 */
final class ConvergenceView {

  private ConvergenceView() {}

  static JsonObject model(JsonObject report, Study study, String lang) {
    if (!report.containsKey("convergence")) {
      return null;
    }
    JsonArray rows = new JsonArray();
    List<ConvergenceChart.Row> chart = new ArrayList<>();
    report.getJsonArray("convergence").forEach(o -> {
      JsonObject item = (JsonObject) o;
      String label = String.valueOf(rows.size() + 1);
      JsonObject first = item.getJsonObject("first");
      JsonObject last = item.getJsonObject("final");
      JsonObject stability = item.getJsonObject("stability", new JsonObject());
      String id = item.getString("item");
      rows.add(new JsonObject().put("label", label).put("anchor", "item-" + id)
          .put("text", study.item(id).map(i -> study.text(i.text(), lang)).orElse(id))
          .put("first", spread(first, lang)).put("final", spread(last, lang))
          .put("change", Views.number(stability.getValue("changePct"), lang))
          .put("stable", Views.text(lang, stability.getBoolean("stable", false) ? "convergence.stable"
              : "convergence.unstable"))
          .put("p", Views.number(stability.getValue("wilcoxonP"), lang)));
      chart.add(new ConvergenceChart.Row(label, first.getDouble("median"), first.getDouble("q1"),
          first.getDouble("q3"), last.getDouble("median"), last.getDouble("q1"), last.getDouble("q3")));
    });
    JsonObject model = new JsonObject().put("rows", rows)
        .put("intro", Views.text(lang, "convergence.intro", study.criteria().stableBelowPct()));
    return chart.isEmpty() ? model : model.put("chart", ConvergenceChart.svg("convergence-chart",
        Views.text(lang, "convergence.chart.title"), study.scale().min(), study.scale().max(), chart, lang));
  }

  /** "n = 30: median 6, middle half 5–7". */
  private static String spread(JsonObject stats, String lang) {
    return Views.text(lang, "convergence.spread", stats.getValue("n"), Views.number(stats.getValue("median"), lang),
        Views.number(stats.getValue("q1"), lang), Views.number(stats.getValue("q3"), lang));
  }
}
