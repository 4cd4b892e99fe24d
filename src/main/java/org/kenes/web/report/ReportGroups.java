package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.study.ItemType;
import org.kenes.web.Views;

/**
 * The report's sections on the stakeholder panels and what people wrote: items × panels (a panel under minCell only
 * as "fewer than minCell responses"), and the anonymous comments and reasons per item and round.
 */
final class ReportGroups {

  private ReportGroups() {}

  /** Items × panels: the agreement share of each panel in the item's last round, consensus marked in words. */
  static JsonObject stakeholders(JsonObject report, String lang) {
    JsonArray panels = new JsonArray();
    report.getJsonArray("panels")
        .forEach(p -> panels.add(ReportMethods.text(((JsonObject) p).getJsonObject("name"), lang)));
    JsonArray rows = new JsonArray();
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject last = ReportView.last(item);
      if (ItemType.fromKey(item.getString("type")) != ItemType.RATING || last == null) {
        continue;
      }
      JsonArray cells = new JsonArray();
      JsonObject byPanel = last.getJsonObject("panels", new JsonObject());
      report.getJsonArray("panels").forEach(p -> {
        JsonObject stats = byPanel.getJsonObject(((JsonObject) p).getString("id"), new JsonObject().put("suppressed", true));
        if (stats.getBoolean("suppressed", false)) {
          cells.add(new JsonObject().put("suppressed", true));
        } else {
          String verdict = stats.getString("verdict");
          cells.add(new JsonObject().put("agree", stats.getValue("agree")).put("n", stats.getValue("n"))
              .put("in", "consensus-in".equals(verdict)).put("out", "consensus-out".equals(verdict)));
        }
      });
      String bridging = last.getString("bridging", "none");
      rows.add(new JsonObject().put("text", ReportMethods.text(item.getJsonObject("text"), lang))
          .put("anchor", "item-" + item.getString("id"))
          .put("round", last.getInteger("round")).put("cells", cells)
          .put("bridging", "none".equals(bridging) ? null : Views.text(lang, "report.bridging." + bridging)));
    }
    return new JsonObject().put("panels", panels).put("rows", rows);
  }

  /** The anonymous comments and reasons per item and round; only items where someone wrote something. */
  static JsonArray comments(JsonObject report, String lang) {
    JsonArray out = new JsonArray();
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonArray rounds = new JsonArray();
      for (Object h : item.getJsonArray("rounds")) {
        JsonObject r = (JsonObject) h;
        JsonArray comments = r.getJsonArray("comments", new JsonArray());
        JsonArray reasons = r.getJsonArray("reasons", new JsonArray());
        if (!comments.isEmpty() || !reasons.isEmpty()) {
          rounds.add(new JsonObject().put("round", r.getInteger("round")).put("comments", comments).put("reasons", reasons));
        }
      }
      if (!rounds.isEmpty()) {
        out.add(new JsonObject().put("text", ReportMethods.text(item.getJsonObject("text"), lang))
            .put("anchor", "item-" + item.getString("id"))
            .put("rounds", rounds));
      }
    }
    return out;
  }
}
