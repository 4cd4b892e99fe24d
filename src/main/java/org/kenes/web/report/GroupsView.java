package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.study.Study;
import org.kenes.web.Charts;
import org.kenes.web.Views;

/** The opinion groups of a round as the console shows them: the map, the groups, what unites and what divides. */
public final class GroupsView {

  private GroupsView() {}

  public static JsonObject model(Study study, JsonObject groups, String lang) {
    List<String> groupIds = groups.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("id")).toList();
    List<String> panelIds = study.panelIds();
    JsonArray groupRows = new JsonArray();
    for (int i = 0; i < groupIds.size(); i++) {
      JsonObject g = groups.getJsonArray("groups").getJsonObject(i);
      StringBuilder panels = new StringBuilder();
      g.getJsonObject("panels").forEach(e -> panels.append(panels.length() == 0 ? "" : ", ")
          .append(panelName(study, e.getKey(), lang)).append(": ").append(e.getValue()));
      groupRows.add(new JsonObject().put("id", g.getString("id")).put("size", g.getInteger("size"))
          .put("panels", panels.toString()).put("swatch", swatch(Charts.groupColour(i)))
          .put("standsFor", texts(study, groups.getJsonObject("standsFor").getJsonArray(g.getString("id"),
              new JsonArray()), lang)));
    }
    JsonArray shapes = new JsonArray();
    for (int i = 0; i < panelIds.size(); i++) {
      shapes.add(new JsonObject().put("panel", panelName(study, panelIds.get(i), lang))
          .put("shape", Views.text(lang, "groups.shape." + Charts.panelShape(i))));
    }
    JsonArray items = new JsonArray();
    groups.getJsonArray("items").forEach(o -> {
      JsonObject item = (JsonObject) o;
      JsonArray shares = new JsonArray();
      groupIds.forEach(g -> shares.add(item.getJsonObject("groupAgree").getValue(g)));
      items.add(new JsonObject().put("text", itemText(study, item.getString("id"), lang)).put("shares", shares)
          .put("gic", item.getValue("gic")).put("divisive", item.getBoolean("divisive")));
    });
    String description = Views.text(lang, "groups.map.desc", groups.getJsonArray("map").size(), groupIds.size());
    return new JsonObject()
        .put("k", groups.getInteger("k")).put("silhouette", groups.getValue("silhouette"))
        .put("outcome", groups.getString("outcome")).put("found", "groups".equals(groups.getString("outcome")))
        .put("provisional", groups.getBoolean("provisional")).put("minCell", study.criteria().minCell())
        .put("groups", groupRows).put("groupIds", new JsonArray(groupIds)).put("shapes", shapes).put("items", items)
        .put("unites", texts(study, groups.getJsonArray("unites"), lang))
        .put("divides", texts(study, groups.getJsonArray("divides"), lang))
        .put("clustered", groups.getJsonObject("method").getInteger("clustered"))
        .put("unclustered", groups.getJsonObject("method").getInteger("unclustered"))
        .put("map", groups.getJsonArray("map").isEmpty() ? null
            : Charts.opinionMap(groups.getJsonArray("map"), groupIds, panelIds,
                Views.text(lang, "groups.map.title"), description))
        .put("lang", lang);
  }

  /** A small colour square for a legend, as SVG: the strict CSP allows no style attribute. */
  private static String swatch(String colour) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">"
        + "<rect width=\"14\" height=\"14\" fill=\"" + colour + "\"/></svg>";
  }

  private static JsonArray texts(Study study, JsonArray ids, String lang) {
    return new JsonArray(ids.stream().map(id -> itemText(study, String.valueOf(id), lang)).toList());
  }

  private static String itemText(Study study, String id, String lang) {
    return study.item(id).map(i -> study.text(i.text(), lang)).orElse(id);
  }

  private static String panelName(Study study, String id, String lang) {
    return study.panel(id).map(p -> study.text(p.name(), lang)).orElse(id);
  }
}
