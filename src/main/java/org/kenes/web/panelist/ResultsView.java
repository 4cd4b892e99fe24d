package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerSet;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.web.Charts;
import org.kenes.web.Views;

/**
 * The outcome of a published study as one panelist sees it, in their language: what reached consensus, what did
 * not, and for each item the group's ratings in the last round that asked it with the panelist's own rating marked.
 * First as JSON ({@code GET /api/p/{token}/results}), then the page's model from that JSON. The figures are the
 * stored results' (panels under minCell already suppressed there); the whole group's are not shown under minCell
 * either, as in the questionnaire's feedback.
 */
final class ResultsView {

  private ResultsView() {}

  /**
   * @param report the study's report (ReportService)
   * @param mine the panelist's answer sets by round
   */
  static JsonObject json(Study study, JsonObject report, Map<Integer, AnswerSet> mine, String lang, String token,
      String publishedAt) {
    int minCell = study.criteria().minCell();
    JsonArray items = new JsonArray();
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonArray history = item.getJsonArray("rounds");
      Item defined = study.item(item.getString("id")).orElse(null);
      if (history.isEmpty() || defined == null || ItemType.fromKey(item.getString("type")) == ItemType.OPEN) {
        continue;
      }
      JsonObject last = history.getJsonObject(history.size() - 1);
      int round = last.getInteger("round");
      JsonObject overall = last.getJsonObject("overall", new JsonObject());
      boolean suppressed = overall.getBoolean("suppressed", false) || overall.getLong("n", 0L) < minCell;
      Answer own = mine.containsKey(round) && mine.get(round).submitted() ? mine.get(round).answers().get(defined.id())
          : null;
      items.add(new JsonObject().put("id", defined.id()).put("type", item.getString("type"))
          .put("text", study.text(defined.text(), lang)).put("verdict", last.getJsonObject("overall",
              new JsonObject()).getString("verdict", item.getString("verdict")))
          .put("round", round).put("overall", suppressed ? new JsonObject().put("suppressed", true) : overall)
          .put("yours", own == null ? null : AnswerJson.toJson(own)));
    }
    return new JsonObject().put("study", study.id()).put("title", study.text(study.title(), lang)).put("language", lang)
        .put("publishedAt", publishedAt).put("pdf", "/p/" + token + "/report.pdf?lang=" + lang)
        .put("summary", report.getJsonObject("summary")).put("items", items);
  }

  /** The page's model from the JSON of {@link #json}. */
  static JsonObject model(Study study, JsonObject results, String token) {
    String lang = results.getString("language");
    Charts.Bands bands = Charts.Bands.of(study.criteria());
    JsonArray items = new JsonArray();
    Map<String, JsonObject> byId = new java.util.HashMap<>();
    for (Object o : results.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject overall = item.getJsonObject("overall");
      boolean suppressed = overall.getBoolean("suppressed", false);
      int round = item.getInteger("round");
      JsonObject yours = item.getJsonObject("yours");
      String id = item.getString("id");
      JsonObject model = new JsonObject().put("id", id).put("anchor", "item-" + id).put("text", item.getString("text"))
          .put("verdict", item.getString("verdict") == null ? null
              : Views.text(lang, "verdict." + item.getString("verdict")))
          .put("suppressed", suppressed);
      if (ItemType.fromKey(item.getString("type")) == ItemType.RATING) {
        Integer own = yours == null ? null : yours.getInteger("value");
        if (!suppressed) {
          String title = Views.text(lang, "report.chart", item.getString("text"), round);
          model.put("chart", Charts.Distribution.of("chart-" + id, title, overall, bands, own));
        }
        model.put("yours", own != null ? Views.text(lang, "results.yours", round, Views.number(own, lang),
                Views.number(overall.getValue("median"), lang))
            : yours != null && yours.containsKey("value") ? Views.text(lang, "results.yoursUnable", round)
            : Views.text(lang, "results.notRated", round));
        model.put("figures", suppressed ? null : Views.text(lang, "report.agreeMedian",
            Math.round(overall.getDouble("agree", 0.0) * 100) + "%", Views.number(overall.getValue("median"), lang)));
      } else if (!suppressed) {
        model.put("rankingTitle", Views.text(lang, "results.ranking", round))
            .put("ranking", ranking(study, id, overall, yours, lang));
      }
      items.add(model);
      byId.put(id, model);
    }
    JsonObject summary = results.getJsonObject("summary");
    return new JsonObject().put("lang", lang).put("title", results.getString("title")).put("token", token)
        .put("languageHref", "/p/" + token + "?").put("languages", RightsPages.languages(study, lang))
        .put("published", Views.text(lang, "results.published", Views.date(results.getString("publishedAt"), lang)))
        .put("pdf", results.getString("pdf")).put("items", items)
        .put("included", listed(summary, byId, "consensus-in"))
        .put("excluded", listed(summary, byId, "consensus-out"))
        .put("open", listed(summary, byId, "no-consensus", "insufficient"));
  }

  /** The items of the given verdicts, as the report's summary orders them (by agreement, then median). */
  private static JsonArray listed(JsonObject summary, Map<String, JsonObject> byId, String... verdicts) {
    JsonArray listed = new JsonArray();
    for (String verdict : verdicts) {
      summary.getJsonArray(verdict, new JsonArray()).forEach(id -> {
        JsonObject item = byId.get((String) id);
        if (item != null) {
          listed.add(new JsonObject().put("anchor", item.getString("anchor")).put("text", item.getString("text"))
              .put("figures", item.getString("figures")));
        }
      });
    }
    return listed;
  }

  /** A ranking item's options in the group's order (by mean rank), each with the panelist's own rank. */
  private static JsonArray ranking(Study study, String itemId, JsonObject overall, JsonObject yours, String lang) {
    JsonObject meanRanks = overall.getJsonObject("meanRanks", new JsonObject());
    List<String> own = yours == null ? List.of()
        : yours.getJsonArray("ranking", new JsonArray()).stream().map(String::valueOf).toList();
    List<JsonObject> options = new ArrayList<>();
    study.item(itemId).orElseThrow().options().forEach(option -> {
      int rank = own.indexOf(option.id());
      options.add(new JsonObject().put("text", study.text(option.text(), lang))
          .put("mean", meanRanks.getDouble(option.id(), Double.MAX_VALUE))
          .put("yours", rank < 0 ? null : Views.text(lang, "results.rankingYours", rank + 1)));
    });
    options.sort(Comparator.comparingDouble(o -> o.getDouble("mean")));
    options.forEach(o -> o.remove("mean"));
    return new JsonArray(options);
  }
}
