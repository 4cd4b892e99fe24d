package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.kenes.consensus.Criteria;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The report's methods section, written from the study and its rounds (what CREDES asks a Delphi report to state):
 * the rounds with their dates, invited and responding overall and per panel, attrition, the consensus rule with its
 * thresholds, the quantile type, minCell, the stopping rule, and every change to the items with its provenance.
 * A panel's count of respondents under minCell is not printed, like every other number of so small a group.
 */
final class ReportMethods {

  private ReportMethods() {}

  static JsonObject model(JsonObject report, Study study, String lang) {
    Criteria c = study.criteria();
    JsonArray rounds = new JsonArray();
    Long previous = null;
    for (Object o : report.getJsonArray("rounds")) {
      JsonObject r = (JsonObject) o;
      JsonObject participation = r.getJsonObject("participation", new JsonObject());
      long invited = participation.getLong("invited", 0L);
      long responded = participation.getLong("responded", 0L);
      JsonArray panels = new JsonArray();
      JsonObject byPanel = participation.getJsonObject("panels", new JsonObject());
      report.getJsonArray("panels").forEach(p -> {
        JsonObject panel = (JsonObject) p;
        JsonObject counts = byPanel.getJsonObject(panel.getString("id"), new JsonObject());
        boolean small = counts.getBoolean("suppressed", false);
        panels.add(new JsonObject().put("name", text(panel.getJsonObject("name"), lang))
            .put("invited", counts.getLong("invited", 0L)).put("responded", counts.getValue("responded", 0L))
            .put("suppressed", small));
      });
      rounds.add(new JsonObject().put("round", r.getInteger("round")).put("open", "open".equals(r.getString("status")))
          .put("openedAt", date(r.getString("openedAt"))).put("closedAt", date(r.getString("closedAt")))
          .put("invited", invited).put("responded", responded)
          .put("rate", invited == 0 ? null : (double) responded / invited)
          .put("attrition", previous == null || previous == 0 ? null
              : Views.text(lang, "report.attrition", Views.number(100.0 * (previous - responded) / previous, lang)))
          .put("items", r.getInteger("items")).put("panels", panels));
      previous = responded;
    }
    JsonObject method = report.getJsonObject("method");
    String rule = switch (c.rule()) {
      case PERCENT -> Views.text(lang, "report.rule.percent", pct(c.inAgreeAtLeast(), lang),
          ReportView.band(c.agree()), pct(c.inDisagreeBelow(), lang), ReportView.band(c.disagree()));
      case MEDIAN_IQR -> Views.text(lang, "report.rule.median-iqr", Views.number(c.maxIqr(), lang),
          ReportView.band(c.agree()), ReportView.band(c.disagree()));
      case RAND_UCLA -> Views.text(lang, "report.rule.rand-ucla");
    };
    JsonArray changes = new JsonArray();
    report.getJsonArray("changes", new JsonArray()).forEach(o -> {
      JsonObject ch = (JsonObject) o;
      JsonObject provenance = ch.getJsonObject("provenance", new JsonObject());
      JsonObject texts = ch.getJsonObject("text");
      changes.add(new JsonObject().put("item", ch.getString("item"))
          .put("change", Views.text(lang, "report.change." + ch.getString("change")))
          .put("text", texts == null ? null : text(texts, lang))
          .put("when", Views.text(lang, "report.change.when", ch.getInteger("round"), ch.getInteger("askedFrom")))
          .put("from", String.join("; ", ch.getJsonArray("sources", new JsonArray()).stream().map(JsonObject.class::cast)
              .map(src -> src.containsKey("answer") ? "«" + src.getString("text") + "»"
                  : study.item(src.getString("item")).map(i -> src.getString("item") + ": " + study.text(i.text(), lang))
                      .orElse(src.getString("item"))).toList()))
          .put("note", provenance.getString("note")));
    });
    return new JsonObject().put("rounds", rounds).put("rule", rule)
        .put("scale", Views.text(lang, "report.scale", c.scaleMin(), c.scaleMax()))
        .put("minResponses", Views.text(lang, "report.minResponses", c.minResponses()))
        .put("perPanel", c.perPanel() ? Views.text(lang, "report.perPanel", c.minResponses()) : null)
        .put("quantiles", Views.text(lang, "report.quantiles", c.quantiles().name()))
        .put("minCell", Views.text(lang, "report.minCell", c.minCell()))
        .put("stability", Views.text(lang, "report.stabilityRule", Views.number(c.stableBelowPct(), lang)))
        .put("stopping", Views.text(lang, "report.stopping", method.getInteger("maxRounds"),
            Views.text(lang, "report.carry." + method.getString("carryForward"))))
        .put("rand", method.getBoolean("rand", false) ? Views.text(lang, "report.randMethod") : null)
        .put("changes", changes);
  }

  /** A threshold as a percentage, with the decimals it has (0.70 → 70%, 0.675 → 67.5%). */
  private static String pct(double share, String lang) {
    return Views.number(BigDecimal.valueOf(share).movePointRight(2), lang) + "%";
  }

  /** The date of an ISO instant (2026-11-25T10:00:00Z → 2026-11-25); dates are what a report cites. */
  private static String date(String instant) {
    return instant == null ? null : instant.length() >= 10 ? instant.substring(0, 10) : instant;
  }

  /** A text of the study in a language, or its first language. */
  static String text(JsonObject texts, String lang) {
    if (texts == null) {
      return "";
    }
    String t = texts.getString(lang);
    return t != null ? t : texts.stream().map(e -> String.valueOf(e.getValue())).findFirst().orElse("");
  }
}
