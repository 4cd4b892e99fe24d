package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.study.Study;
import org.kenes.web.Views;

/** The live dashboard's view model from a {@link org.kenes.live.LiveFeed} snapshot: the same numbers the events carry. */
final class Dashboard {

  private Dashboard() {}

  static JsonObject model(Study study, JsonObject snapshot) {
    JsonObject model = new JsonObject().put("round", snapshot.getValue("round"))
        .put("roundStatus", snapshot.getString("status")).put("isOpen", "open".equals(snapshot.getString("status")))
        .put("closesAt", StudyOverview.when(snapshot.getString("closesAt")));
    JsonObject participation = snapshot.getJsonObject("participation");
    if (participation == null) {
      return model;
    }
    JsonArray panels = new JsonArray();
    JsonObject byPanel = participation.getJsonObject("panels", new JsonObject());
    String suppressed = Views.text("en", "report.suppressed", study.criteria().minCell());
    for (String panel : byPanel.fieldNames()) {
      JsonObject p = byPanel.getJsonObject(panel);
      // A panel under minCell, or withheld so that it cannot be worked out, shows no count (CONSENSUS.md, small cells).
      JsonObject row = p.getBoolean("suppressed", false)
          ? new JsonObject().put("invited", p.getLong("invited", 0L)).put("responded", suppressed).put("pct", 0)
              .put("pctText", "–")
          : row(p.getLong("invited", 0L), p.getLong("responded", 0L));
      panels.add(row.put("id", panel)
          .put("name", study.panel(panel).map(x -> study.text(x.name(), study.firstLanguage())).orElse(panel)));
    }
    model.put("total", row(participation.getLong("invited", 0L), participation.getLong("responded", 0L)))
        .put("panels", panels).put("suppressedText", suppressed);
    JsonArray items = new JsonArray();
    for (Object o : snapshot.getJsonArray("items", new JsonArray())) {
      JsonObject item = (JsonObject) o;
      String verdict = item.getString("verdict");
      items.add(new JsonObject().put("id", item.getString("id")).put("type", item.getString("type"))
          .put("text", study.item(item.getString("id")).map(i -> study.text(i.text(), study.firstLanguage())).orElse(""))
          .put("n", item.getValue("n")).put("agree", item.getValue("agree")).put("verdict", verdict)
          .put("verdictText", verdict == null ? "" : Views.text("en", "verdict." + verdict)));
    }
    JsonObject advice = snapshot.getJsonObject("advice", new JsonObject());
    return model.put("items", items).put("adviceStop", advice.getBoolean("stop", false))
        .put("adviceReason", advice.getString("reason"));
  }

  private static JsonObject row(long invited, long responded) {
    long pct = invited == 0 ? 0 : Math.round(100.0 * responded / invited);
    return new JsonObject().put("invited", invited).put("responded", responded).put("pct", pct)
        .put("pctText", pct + "%");
  }
}
