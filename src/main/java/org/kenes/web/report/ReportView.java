package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.kenes.consensus.Band;
import org.kenes.consensus.Criteria;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.web.Charts;
import org.kenes.web.Views;

/**
 * The report JSON in one language, as the template reads it: the same model feeds the page and the PDF. Sections:
 * summary and item by item here; the stakeholder view and comments digest are {@link ReportGroups}, the methods
 * section {@link ReportMethods}.
 */
final class ReportView {

  private final JsonObject report;
  private final Study study;
  private final String lang;
  private final Map<String, JsonObject> itemsById = new HashMap<>();

  private ReportView(JsonObject report, Study study, String lang) {
    this.report = report;
    this.study = study;
    this.lang = lang;
    report.getJsonArray("items").forEach(o -> itemsById.put(((JsonObject) o).getString("id"), (JsonObject) o));
  }

  /** The template model of a report in a language. */
  static JsonObject model(JsonObject report, Study study, String lang) {
    return new ReportView(report, study, lang).model();
  }

  private JsonObject model() {
    String id = report.getString("study");
    JsonArray languages = new JsonArray();
    report.getJsonArray("languages").forEach(l -> languages.add(new JsonObject().put("code", l)
        .put("name", Views.languageName((String) l)).put("current", lang.equals(l))));
    JsonArray results = new JsonArray();
    report.getJsonArray("rounds").forEach(r -> results.add(new JsonObject().put("round", ((JsonObject) r).getInteger("round"))
        .put("href", "/api/studies/" + id + "/rounds/" + ((JsonObject) r).getInteger("round") + "/results")));
    return new JsonObject().put("lang", lang).put("study", id).put("title", text(report.getJsonObject("title")))
        .put("skipKey", "report.skip")
        .put("languages", languages).put("results", results)
        .put("csv", "/api/studies/" + id + "/export.csv").put("json", "/api/studies/" + id + "/report")
        .put("pdf", "/api/studies/" + id + "/report.pdf?lang=" + lang)
        .put("docx", "/api/studies/" + id + "/report.docx?lang=" + lang)
        .put("summary", summary()).put("items", items()).put("stakeholders", ReportGroups.stakeholders(report, lang))
        .put("comments", ReportGroups.comments(report, lang)).put("methods", ReportMethods.model(report, study, lang))
        .put("convergence", ConvergenceView.model(report, study, lang))
        .put("minCell", study.criteria().minCell()).put("minCellText", Views.text(lang, "report.suppressed", study.criteria().minCell()));
  }

  private JsonObject summary() {
    JsonObject summary = report.getJsonObject("summary");
    JsonArray included = new JsonArray();
    summary.getJsonArray("consensusInByCategory").forEach(g -> {
      JsonObject group = (JsonObject) g;
      included.add(new JsonObject().put("name", categoryName(group.getString("category")))
          .put("items", refs(group.getJsonArray("items"))));
    });
    JsonArray open = new JsonArray();
    for (String verdict : new String[] {"no-consensus", "insufficient", "in-progress", "not-asked"}) {
      summary.getJsonArray(verdict, new JsonArray()).forEach(i -> open.add(ref((String) i)
          .put("why", Views.text(lang, "verdict." + verdict))));
    }
    JsonArray retired = new JsonArray();
    summary.getJsonArray("retired", new JsonArray()).forEach(i -> {
      JsonObject last = last(itemsById.get((String) i));
      retired.add(ref((String) i).put("why", Views.text(lang, "report.retiredAfter", last == null ? 0 : last.getInteger("round"))));
    });
    JsonArray rankings = new JsonArray();
    summary.getJsonArray("rankings").forEach(r -> {
      JsonObject ranking = (JsonObject) r;
      JsonObject item = itemsById.get(ranking.getString("id"));
      JsonArray options = new JsonArray();
      ranking.getJsonArray("order").forEach(o -> options.add(optionText(ranking.getString("id"), (String) o)));
      Object w = ranking.getValue("kendallW");
      rankings.add(new JsonObject().put("text", text(item.getJsonObject("text"))).put("options", options)
          .put("agreement", w instanceof Number n ? Views.text(lang, "report.kendall", Views.number(n, lang),
              Views.text(lang, "report.kendall." + ranking.getString("strength").replace(' ', '-')), ranking.getValue("n"),
              ranking.getInteger("round")) : Views.text(lang, "report.kendall.none")));
    });
    return new JsonObject().put("note", inProgress()).put("included", included)
        .put("excluded", refs(summary.getJsonArray("consensus-out")))
        .put("open", open).put("retired", retired).put("rankings", rankings)
        .put("bridging", refs(summary.getJsonArray("all-panels-in"))).put("divided", refs(summary.getJsonArray("divided")));
  }

  /** While a round is open: the summary is the last closed round's, and the open round's figures are provisional. */
  private String inProgress() {
    Integer open = report.getInteger("openRound");
    if (open == null) {
      return null;
    }
    return open == 1 ? Views.text(lang, "report.inProgress.first")
        : Views.text(lang, "report.inProgress", open, open - 1);
  }

  private JsonArray refs(JsonArray ids) {
    JsonArray out = new JsonArray();
    ids.forEach(i -> out.add(ref((String) i)));
    return out;
  }

  /** An item as the summary lists it: its text, a link to its section, and its final agreement and median. */
  private JsonObject ref(String id) {
    JsonObject item = itemsById.get(id);
    JsonObject last = last(item);
    JsonObject overall = last == null ? new JsonObject() : last.getJsonObject("overall", new JsonObject());
    return new JsonObject().put("id", id).put("anchor", "item-" + id).put("text", text(item.getJsonObject("text")))
        .put("agree", overall.getValue("agree")).put("median", overall.getValue("median"));
  }

  private JsonArray items() {
    JsonArray items = new JsonArray();
    Criteria criteria = study.criteria();
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      String verdict = item.getString("verdict");
      JsonObject model = new JsonObject().put("id", item.getString("id")).put("anchor", "item-" + item.getString("id"))
          .put("type", item.getString("type")).put("text", text(item.getJsonObject("text")))
          .put("category", item.getString("category") == null ? null : categoryName(item.getString("category")))
          .put("verdictText", verdict == null ? null : Views.text(lang, "verdict." + verdict))
          .put("retired", item.getBoolean("retired", false) ? Views.text(lang, "report.retired") : null)
          .put("rating", ItemType.fromKey(item.getString("type")) == ItemType.RATING);
      JsonArray rounds = new JsonArray();
      for (Object h : item.getJsonArray("rounds")) {
        JsonObject r = (JsonObject) h;
        // Open items have no statistics, only how many answered.
        JsonObject overall = r.getJsonObject("overall", new JsonObject().put("n", r.getValue("responses")));
        JsonObject stability = r.getJsonObject("stability");
        String rand = overall.getString("rand");
        rounds.add(new JsonObject().put("round", r.getInteger("round")).put("provisional", r.getBoolean("provisional"))
            .put("n", overall.getValue("n")).put("median", overall.getValue("median")).put("iqr", overall.getValue("iqr"))
            .put("q1", overall.getValue("q1")).put("q3", overall.getValue("q3"))
            .put("agree", overall.getValue("agree")).put("disagree", overall.getValue("disagree"))
            .put("kendallW", overall.getValue("kendallW"))
            .put("rand", rand == null ? null : Views.text(lang, "report.rand." + rand))
            .put("stability", stability == null ? null : stability(stability, r.getInteger("round")))
            .put("verdictText", overall.getString("verdict") == null ? null
                : Views.text(lang, "verdict." + overall.getString("verdict"))));
      }
      model.put("rounds", rounds);
      JsonObject last = last(item);
      model.put("tooFewToJudge", tooFewToJudge(last));
      if (model.getBoolean("rating") && last != null && last.getJsonObject("overall") != null) {
        String title = Views.text(lang, "report.chart", text(item.getJsonObject("text")), last.getInteger("round"));
        model.put("chart", Charts.Distribution.of("chart-" + item.getString("id"), title, last.getJsonObject("overall"),
            Charts.Bands.of(criteria), null));
      }
      items.add(model);
    }
    return items;
  }

  /**
   * "stable: 8% of ratings moved since round 1"; without ratings in one of the rounds there is nothing to compare. A
   * round measured since itself ran in real time: since its first ratings.
   */
  private String stability(JsonObject stability, int round) {
    Object changePct = stability.getValue("changePct");
    boolean first = stability.getInteger("since") == round;
    if (!(changePct instanceof Number)) {
      return first ? Views.text(lang, "report.stability.noneFirst")
          : Views.text(lang, "report.stability.none", stability.getInteger("since"));
    }
    String key = stability.getBoolean("stable") ? "report.stable" : "report.unstable";
    return Views.text(lang, first ? key + ".first" : key, Views.number(changePct, lang),
        stability.getInteger("since"));
  }

  /** Under perPanel, the panels too few to judge the item's last closed round, by name. */
  private String tooFewToJudge(JsonObject last) {
    JsonArray panels = last == null ? null : last.getJsonArray("tooFewToJudge");
    if (panels == null || panels.isEmpty()) {
      return null;
    }
    return Views.text(lang, "report.tooFewToJudge", String.join(", ", panels.stream()
        .map(p -> study.panel((String) p).map(panel -> study.text(panel.name(), lang)).orElse((String) p)).toList()),
        study.criteria().minResponses());
  }

  private String optionText(String itemId, String optionId) {
    return study.item(itemId).flatMap(i -> i.options().stream().filter(op -> op.id().equals(optionId)).findFirst())
        .map(op -> study.text(op.text(), lang)).orElse(optionId);
  }

  private String categoryName(String category) {
    return study.categories().stream().filter(c -> c.id().equals(category)).findFirst()
        .map(c -> study.text(c.name(), lang)).orElse(category);
  }

  /** The item's results in the last closed round that asked it (an open round's are provisional), or null. */
  static JsonObject last(JsonObject item) {
    JsonArray history = item.getJsonArray("rounds");
    for (int i = history.size() - 1; i >= 0; i--) {
      if (!history.getJsonObject(i).getBoolean("provisional", false)) {
        return history.getJsonObject(i);
      }
    }
    return null;
  }

  private String text(JsonObject texts) {
    return ReportMethods.text(texts, lang);
  }

  static String band(Band b) {
    return b.low() + "–" + b.high();
  }
}
