package org.kenes.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.kenes.Services;

/** The consensus report as a page, for strategy writers; facilitator access. */
final class ReportPages {

  private final Services s;
  private final Views views;

  private ReportPages(Services services, Views views) {
    this.s = services;
    this.views = views;
  }

  static void mount(Router router, Services services, Views views, FacilitatorAuth auth) {
    ReportPages r = new ReportPages(services, views);
    router.get("/studies/:id/report").handler(auth).handler(r::report);
  }

  private void report(RoutingContext ctx) {
    String requested = ctx.queryParams().get("lang");
    s.reports().report(ctx.pathParam("id"))
        .compose(report -> {
          JsonArray languages = report.getJsonArray("languages");
          String lang = requested != null && languages.contains(requested) ? requested : languages.getString(0);
          return views.respond(ctx, 200, "report", model(report, lang));
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject model(JsonObject report, String lang) {
    Map<String, JsonObject> byId = new java.util.HashMap<>();
    JsonArray items = new JsonArray();
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject model = new JsonObject().put("id", item.getString("id")).put("type", item.getString("type"))
          .put("text", text(item.getJsonObject("text"), lang))
          .put("verdict", item.getString("verdict"))
          .put("verdictText", item.getString("verdict") == null ? null : Views.text(lang, "verdict." + item.getString("verdict")));
      JsonArray rounds = new JsonArray();
      for (Object h : item.getJsonArray("rounds")) {
        JsonObject r = (JsonObject) h;
        // Open items have no statistics, only how many answered.
        JsonObject overall = r.getJsonObject("overall", new JsonObject().put("n", r.getValue("responses")));
        rounds.add(new JsonObject().put("round", r.getInteger("round")).put("provisional", r.getBoolean("provisional"))
            .put("n", overall.getValue("n")).put("median", overall.getValue("median")).put("iqr", overall.getValue("iqr"))
            .put("agree", overall.getValue("agree")).put("kendallW", overall.getValue("kendallW"))
            .put("verdictText", overall.getString("verdict") == null ? null
                : Views.text(lang, "verdict." + overall.getString("verdict"))));
      }
      model.put("rounds", rounds);
      byId.put(item.getString("id"), model);
      items.add(model);
    }
    JsonObject summary = report.getJsonObject("summary");
    JsonArray groups = new JsonArray();
    for (String verdict : summary.fieldNames()) {
      JsonArray ids = summary.getJsonArray(verdict);
      if (!ids.isEmpty()) {
        groups.add(new JsonObject().put("title", Views.text(lang, "report.group." + verdict))
            .put("items", new JsonArray(ids.stream().map(id -> byId.get(String.valueOf(id))).toList())));
      }
    }
    return new JsonObject().put("lang", lang).put("title", text(report.getJsonObject("title"), lang))
        .put("study", report.getString("study")).put("groups", groups).put("items", items)
        .put("rounds", report.getJsonArray("rounds")).put("method", report.getJsonObject("method"));
  }

  private static String text(JsonObject texts, String lang) {
    String t = texts.getString(lang);
    return t != null ? t : texts.stream().map(e -> String.valueOf(e.getValue())).findFirst().orElse("");
  }
}
