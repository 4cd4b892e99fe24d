package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kenes.web.Charts;
import org.kenes.web.Views;

/**
 * The view model of an item's group feedback (the {@code feedback} of the questionnaire JSON): for a rating, the chart
 * and its numbers, the panels that reached minCell (suppressed ones are left out, not even named), and for a ranking
 * the options in the group's order; with the panelist's own answer of that round and the others' comments.
 */
final class FeedbackView {

  private FeedbackView() {}

  static JsonObject rating(JsonObject f, JsonObject item, JsonObject q, Charts.Bands bands) {
    String lang = q.getString("language");
    JsonObject overall = f.getJsonObject("overall");
    JsonObject yours = f.getJsonObject("yours");
    Integer own = yours == null ? null : yours.getInteger("value");
    JsonObject model = common(f);
    if (yours != null && yours.containsKey("value")) {
      model.put("yours", own == null ? Views.text(lang, "unable") : Views.number(own, lang));
    }
    if (overall.getBoolean("suppressed", false) || !overall.containsKey("median")) {
      return model.put("suppressed", true);
    }
    String title = f.getBoolean("live", false) ? Views.text(lang, "feedback.live.title")
        : Views.text(lang, "feedback.title", f.getInteger("round"));
    model.put("chart", Charts.Distribution.of("chart-" + item.getString("id"), title, overall, bands, own))
        .put("summary", summary(overall, lang))
        .put("verdict", Views.text(lang, "verdict." + overall.getString("verdict")));
    JsonArray rows = new JsonArray();
    JsonObject histogram = overall.getJsonObject("histogram");
    for (int p = bands.min(); p <= bands.max(); p++) {
      rows.add(new JsonObject().put("point", p).put("count", histogram.getLong(String.valueOf(p), 0L))
          .put("yours", own != null && own == p));
    }
    model.put("rows", rows).put("unable", overall.getLong("unable", 0L));
    JsonArray panels = new JsonArray();
    JsonObject byPanel = f.getJsonObject("panels", new JsonObject());
    for (Object o : q.getJsonArray("panels")) {
      JsonObject panel = (JsonObject) o;
      JsonObject stats = byPanel.getJsonObject(panel.getString("id"));
      if (stats != null && !stats.getBoolean("suppressed", false)) {
        panels.add(new JsonObject().put("name", panel.getString("name")).put("summary", summary(stats, lang))
            .put("own", panel.getString("id").equals(q.getString("panel"))));
      }
    }
    return model.put("panels", panels);
  }

  static JsonObject ranking(JsonObject f, JsonObject item, String lang) {
    JsonObject overall = f.getJsonObject("overall");
    JsonObject model = common(f);
    if (overall.getBoolean("suppressed", false) || !overall.containsKey("meanRanks")) {
      return model.put("suppressed", true);
    }
    JsonArray yours = f.getJsonObject("yours") == null ? new JsonArray()
        : f.getJsonObject("yours").getJsonArray("ranking", new JsonArray());
    JsonObject meanRanks = overall.getJsonObject("meanRanks");
    List<JsonObject> rows = new ArrayList<>();
    for (Object o : item.getJsonArray("options")) {
      JsonObject option = (JsonObject) o;
      int own = yours.getList().indexOf(option.getString("id"));
      rows.add(new JsonObject().put("text", option.getString("text"))
          .put("meanRank", meanRanks.getDouble(option.getString("id")))
          .put("yours", own < 0 ? "–" : String.valueOf(own + 1)));
    }
    rows.sort(Comparator.comparing(r -> r.getDouble("meanRank", Double.MAX_VALUE)));
    rows.forEach(r -> r.put("meanRank", Views.number(r.getDouble("meanRank"), lang)));
    return model.put("ranking", true).put("n", overall.getValue("n")).put("rows", new JsonArray(rows))
        .put("hasYours", !yours.isEmpty());
  }

  private static JsonObject common(JsonObject f) {
    JsonArray comments = f.getJsonArray("comments", new JsonArray());
    return new JsonObject().put("round", f.getInteger("round")).put("live", f.getBoolean("live", false))
        .put("comments", comments)
        .put("commentCount", comments.size());
  }

  /** "7 ratings: median 8, middle half from 6 to 8, 71% agreed." */
  private static String summary(JsonObject stats, String lang) {
    Double agree = stats.getDouble("agree");
    return Views.text(lang, "feedback.summary", stats.getValue("n"), Views.number(stats.getValue("median"), lang),
        Views.number(stats.getValue("q1"), lang), Views.number(stats.getValue("q3"), lang),
        agree == null ? "–" : Math.round(agree * 100) + "%");
  }
}
