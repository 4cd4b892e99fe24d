package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.study.Study;
import org.kenes.web.Viewer;

/**
 * The live dashboard's view model from a {@link org.kenes.live.LiveFeed} snapshot: the same numbers the events carry,
 * in the reader's language.
 */
final class Dashboard {

  private Dashboard() {}

  static JsonObject model(Study study, JsonObject snapshot, Viewer viewer) {
    String status = snapshot.getString("status");
    JsonObject model = new JsonObject().put("round", snapshot.getValue("round"))
        .put("roundStatus", viewer.text("console.live.status." + status)).put("isOpen", "open".equals(status))
        .put("closesAt", viewer.when(snapshot.getString("closesAt"))).put("maxRounds", study.rounds().max())
        .put("counted", snapshot.getValue("counted")).put("minCell", study.criteria().minCell());
    JsonObject participation = snapshot.getJsonObject("participation");
    if (participation == null) {
      return model;
    }
    String lang = viewer.language();
    JsonArray panels = new JsonArray();
    JsonObject byPanel = participation.getJsonObject("panels", new JsonObject());
    String suppressed = viewer.text("report.suppressed", study.criteria().minCell());
    for (String panel : byPanel.fieldNames()) {
      JsonObject p = byPanel.getJsonObject(panel);
      // A panel under minCell, or withheld so that it cannot be worked out, shows no count (CONSENSUS.md, small cells).
      JsonObject row = p.getBoolean("suppressed", false)
          ? new JsonObject().put("invited", p.getLong("invited", 0L)).put("responded", suppressed).put("pct", 0)
              .put("pctText", "–")
          : row(p.getLong("invited", 0L), p.getLong("responded", 0L));
      panels.add(row.put("id", panel)
          .put("name", study.panel(panel).map(x -> study.text(x.name(), lang)).orElse(panel)));
    }
    model.put("total", row(participation.getLong("invited", 0L), participation.getLong("responded", 0L)))
        .put("panels", panels).put("suppressedText", suppressed);
    JsonArray items = new JsonArray();
    for (Object o : snapshot.getJsonArray("items", new JsonArray())) {
      JsonObject item = (JsonObject) o;
      String verdict = item.getString("verdict");
      items.add(new JsonObject().put("id", item.getString("id")).put("type", item.getString("type"))
          .put("text", study.item(item.getString("id")).map(i -> study.text(i.text(), lang)).orElse(""))
          .put("n", item.getValue("n")).put("agree", item.getValue("agree")).put("verdict", verdict)
          .put("verdictText", verdict == null ? "" : viewer.text("verdict." + verdict))
          .put("typeText", viewer.text("console.itemType." + item.getString("type"))));
    }
    JsonObject advice = snapshot.getJsonObject("advice", new JsonObject());
    Object round = snapshot.getValue("round");
    return model.put("items", items).put("adviceStop", advice.getBoolean("stop", false))
        .put("adviceReason", AdviceText.of(advice, round instanceof Number n ? n.intValue() : 0, study.rounds().max(),
            viewer));
  }

  private static JsonObject row(long invited, long responded) {
    long pct = invited == 0 ? 0 : Math.round(100.0 * responded / invited);
    return new JsonObject().put("invited", invited).put("responded", responded).put("pct", pct)
        .put("pctText", pct + "%");
  }
}
