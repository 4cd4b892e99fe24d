package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The report's attrition section in one language, from {@code AttritionService}'s JSON: per round after the first,
 * who left (per panel, a panel under minCell in words only), stayers against leavers item by item with a sentence in
 * plain words, and the consensus that might not hold had the leavers stayed.
 */
final class AttritionView {

  /** Below this p a difference between leavers and stayers reads as clear. */
  static final double CLEAR = 0.05;

  private final Study study;
  private final String lang;

  private AttritionView(Study study, String lang) {
    this.study = study;
    this.lang = lang;
  }

  static JsonObject model(JsonObject attrition, Study study, String lang) {
    AttritionView view = new AttritionView(study, lang);
    JsonArray rounds = new JsonArray();
    attrition.getJsonArray("rounds").forEach(r -> rounds.add(view.round((JsonObject) r)));
    return new JsonObject().put("rounds", rounds)
        .put("intro", Views.text(lang, "report.attrition.intro", study.criteria().minCell()));
  }

  private JsonObject round(JsonObject r) {
    int since = r.getInteger("since");
    int round = r.getInteger("round");
    JsonArray panels = new JsonArray();
    JsonObject byPanel = r.getJsonObject("panels");
    study.panels().forEach(p -> {
      JsonObject counts = byPanel.getJsonObject(p.id(), new JsonObject());
      String left = counts.getBoolean("suppressed", false)
          ? Views.text(lang, "report.suppressed", study.criteria().minCell()) : counts.getValue("left").toString();
      panels.add(new JsonObject().put("name", study.text(p.name(), lang)).put("left", left));
    });
    JsonArray items = new JsonArray();
    int compared = 0;
    int clear = 0;
    for (Object o : r.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject row = item(item);
      if (row.getBoolean("shown")) {
        compared++;
        clear += row.getBoolean("clear") ? 1 : 0;
      }
      items.add(row);
    }
    JsonArray fragile = new JsonArray();
    r.getJsonArray("fragile").forEach(o -> {
      JsonObject f = (JsonObject) o;
      fragile.add(ref(f.getString("id")).put("words", Views.text(lang, "report.attrition.fragile",
          Views.text(lang, "verdict." + f.getString("withLeavers")),
          Views.text(lang, "verdict." + f.getString("verdict")), f.getInteger("added"))));
    });
    return new JsonObject().put("round", round).put("since", since)
        .put("title", Views.text(lang, "report.attrition.pair", since, round))
        .put("summary", Views.text(lang, "report.attrition.round", r.getLong("responded"), since, r.getLong("stayed"),
            round, r.getLong("left")))
        .put("differed", compared == 0 ? Views.text(lang, "report.attrition.noneCompared", study.criteria().minCell())
            : Views.text(lang, "report.attrition.differed", clear, compared, Views.number(CLEAR, lang)))
        .put("panels", panels).put("items", items).put("fragile", fragile)
        .put("noFragile", Views.text(lang, "report.attrition.noFragile", round));
  }

  private JsonObject item(JsonObject item) {
    JsonObject row = ref(item.getString("id")).put("stayers", item.getLong("stayers"))
        .put("leavers", item.getLong("leavers"));
    if (item.getBoolean("suppressed", false)) {
      return row.put("shown", false).put("clear", false)
          .put("words", Views.text(lang, "report.attrition.tooFew", study.criteria().minCell()));
    }
    JsonObject median = item.getJsonObject("median");
    JsonObject agree = item.getJsonObject("agree");
    double p = item.getDouble("p");
    boolean clear = p < CLEAR;
    String words = clear ? Views.text(lang, item.getBoolean("leaversLower") ? "report.attrition.lower"
            : "report.attrition.higher", Views.number(median.getValue("leavers"), lang),
            Views.number(median.getValue("stayers"), lang))
        : Views.text(lang, "report.attrition.same", Views.number(p, lang));
    return row.put("shown", true).put("clear", clear)
        .put("stayersMedian", median.getValue("stayers")).put("leaversMedian", median.getValue("leavers"))
        .put("stayersAgree", agree.getValue("stayers")).put("leaversAgree", agree.getValue("leavers"))
        .put("u", item.getValue("u")).put("p", p)
        .put("method", Views.text(lang, "report.attrition.method." + item.getString("method")))
        .put("words", words);
  }

  private JsonObject ref(String id) {
    return new JsonObject().put("id", id).put("anchor", "item-" + id)
        .put("text", study.item(id).map(i -> study.text(i.text(), lang)).orElse(id));
  }
}
