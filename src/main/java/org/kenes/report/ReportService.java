package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.change.Change;
import org.kenes.change.ChangeService;
import org.kenes.consensus.Criteria;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/** The consensus summary across rounds: what reached consensus, what was rejected, what stayed open. */
public final class ReportService {

  private final StudyService studies;
  private final RoundService rounds;
  private final ChangeService changes;

  public ReportService(StudyService studies, RoundService rounds, ChangeService changes) {
    this.studies = studies;
    this.rounds = rounds;
    this.changes = changes;
  }

  public Future<JsonObject> report(String studyId) {
    return studies.get(studyId).compose(study -> rounds.list(studyId).compose(all ->
        Future.all(all.stream().map(r -> rounds.results(studyId, r.number())).toList())
            .compose(results -> changes.changes(studyId).compose(list -> answerTexts(studyId, list)
                .map(texts -> build(study, all, results.list()).put("changes",
                    new JsonArray(list.stream().map(c -> change(c, texts)).toList())))))));
  }

  /** The texts of the open answers that changes name as their source ({@code a-…} ids), by id. */
  private Future<Map<String, String>> answerTexts(String studyId, List<Change> list) {
    List<Integer> needed = list.stream().filter(c -> c.after() > 0 && c.from().stream().anyMatch(f -> f.startsWith("a-")))
        .map(Change::after).distinct().toList();
    return Future.all(needed.stream().map(n -> changes.answerTexts(studyId, n)).toList()).map(all -> {
      Map<String, String> texts = new LinkedHashMap<>();
      all.<Map<String, String>>list().forEach(texts::putAll);
      return texts;
    });
  }

  private static JsonObject build(Study study, List<Round> all, List<JsonObject> results) {
    Map<String, List<JsonObject>> byItem = new LinkedHashMap<>();
    study.items().forEach(i -> byItem.put(i.id(), new ArrayList<>()));
    JsonArray roundsJson = new JsonArray();
    for (int k = 0; k < all.size(); k++) {
      Round round = all.get(k);
      JsonObject r = results.get(k);
      roundsJson.add(new JsonObject().put("round", round.number()).put("status", round.open() ? "open" : "closed")
          .put("openedAt", round.openedAt()).put("closedAt", round.closedAt()).put("items", round.items().size())
          .put("participation", r.getJsonObject("participation")).put("advice", r.getJsonObject("advice")));
      r.getJsonArray("items").stream().map(JsonObject.class::cast)
          .forEach(item -> byItem.computeIfAbsent(item.getString("id"), id -> new ArrayList<>())
              .add(item.copy().put("round", round.number()).put("provisional", round.open())));
    }
    JsonArray items = new JsonArray();
    Map<String, List<JsonObject>> verdicts = new LinkedHashMap<>();
    List.of("consensus-in", "consensus-out", "no-consensus", "insufficient", "in-progress", "not-asked", "retired")
        .forEach(v -> verdicts.put(v, new ArrayList<>()));
    for (Item item : study.items()) {
      List<JsonObject> history = byItem.get(item.id());
      JsonObject entry = new JsonObject().put("id", item.id()).put("type", item.type().key())
          .put("category", item.category()).put("text", new JsonObject(new LinkedHashMap<>(item.text().values())))
          .put("rounds", new JsonArray(history)).put("retired", item.retired());
      if (item.type() == ItemType.RATING) {
        // The summary stands on closed rounds: an open round's live figures are provisional, shown in its row only.
        JsonObject last = lastClosed(history);
        String verdict = last != null ? last.getJsonObject("overall").getString("verdict")
            : history.isEmpty() ? "not-asked" : "in-progress";
        entry.put("verdict", verdict).put("finalRound", last == null ? null : last.getInteger("round"));
        // A retired item keeps its last verdict, but is no longer open: the summary lists it on its own.
        verdicts.get(item.retired() ? "retired" : verdict).add(entry);
      }
      items.add(entry);
    }
    Comparator<JsonObject> byAgreement = Comparator
        .comparing((JsonObject e) -> finalStat(e, "agree"), Comparator.reverseOrder())
        .thenComparing(e -> finalStat(e, "median"), Comparator.reverseOrder());
    JsonObject summary = new JsonObject();
    verdicts.forEach((verdict, entries) -> summary.put(verdict, new JsonArray(entries.stream().sorted(byAgreement)
        .map(e -> e.getString("id")).toList())));
    Round open = all.stream().filter(Round::open).findFirst().orElse(null);
    return new JsonObject().put("study", study.id()).put("title", new JsonObject(new LinkedHashMap<>(study.title().values())))
        .put("languages", new JsonArray(study.languages())).put("method", method(study))
        .put("panels", new JsonArray(study.panels().stream().map(p -> new JsonObject().put("id", p.id())
            .put("name", new JsonObject(new LinkedHashMap<>(p.name().values())))).toList()))
        .put("categories", new JsonArray(study.categories().stream().map(c -> new JsonObject().put("id", c.id())
            .put("name", new JsonObject(new LinkedHashMap<>(c.name().values())))).toList()))
        .put("rounds", roundsJson).put("openRound", open == null ? null : open.number()).put("summary", summary
            .put("consensusInByCategory", byCategory(study, verdicts.get("consensus-in").stream().sorted(byAgreement).toList()))
            .put("rankings", rankings(items))
            .put("all-panels-in", bridging(verdicts, "all-panels-in"))
            .put("divided", bridging(verdicts, "divided")))
        .put("items", items);
  }

  /** The items that reached consensus to include, in their ranked order, under the categories of the study. */
  private static JsonArray byCategory(Study study, List<JsonObject> ranked) {
    List<String> order = new ArrayList<>(study.categories().stream().map(c -> c.id()).toList());
    ranked.forEach(e -> {
      String category = e.getString("category");
      if (!order.contains(category)) {
        order.add(category);
      }
    });
    JsonArray groups = new JsonArray();
    for (String category : order) {
      List<String> ids = ranked.stream().filter(e -> java.util.Objects.equals(category, e.getString("category")))
          .map(e -> e.getString("id")).toList();
      if (!ids.isEmpty()) {
        groups.add(new JsonObject().put("category", category).put("items", new JsonArray(ids)));
      }
    }
    return groups;
  }

  /** Each ranking item's options in the order of their mean ranks in the last round that asked it, with W. */
  private static JsonArray rankings(JsonArray items) {
    JsonArray out = new JsonArray();
    for (Object o : items) {
      JsonObject item = (JsonObject) o;
      JsonObject last = lastClosed(item.getJsonArray("rounds").stream().map(JsonObject.class::cast).toList());
      if (!"ranking".equals(item.getString("type")) || last == null) {
        continue;
      }
      JsonObject overall = last.getJsonObject("overall", new JsonObject());
      JsonObject meanRanks = overall.getJsonObject("meanRanks", new JsonObject());
      List<String> order = meanRanks.fieldNames().stream()
          .sorted(Comparator.comparingDouble((String k) -> meanRanks.getDouble(k)).thenComparing(k -> k)).toList();
      out.add(new JsonObject().put("id", item.getString("id")).put("round", last.getInteger("round"))
          .put("n", overall.getValue("n")).put("order", new JsonArray(order)).put("kendallW", overall.getValue("kendallW"))
          .put("strength", overall.getValue("strength")).put("p", overall.getValue("p")));
    }
    return out;
  }

  /** The rating items whose last round has the given bridging: consensus in every panel, or panels divided. */
  private static JsonArray bridging(Map<String, List<JsonObject>> verdicts, String kind) {
    JsonArray ids = new JsonArray();
    verdicts.values().forEach(entries -> entries.forEach(e -> {
      JsonObject last = lastClosed(e.getJsonArray("rounds").stream().map(JsonObject.class::cast).toList());
      if (last != null && kind.equals(last.getString("bridging"))) {
        ids.add(e.getString("id"));
      }
    }));
    return ids;
  }

  private static JsonObject change(Change c, Map<String, String> answerTexts) {
    JsonArray sources = new JsonArray();
    c.from().forEach(f -> sources.add(answerTexts.containsKey(f)
        ? new JsonObject().put("answer", f).put("text", answerTexts.get(f)) : new JsonObject().put("item", f)));
    return new JsonObject().put("item", c.item()).put("change", c.change()).put("round", c.after())
        .put("sources", sources)
        .put("askedFrom", c.since()).put("text", c.text() == null ? null : new JsonObject(new LinkedHashMap<>(c.text())))
        .put("provenance", new JsonObject().put("change", c.change()).put("from", new JsonArray(c.from()))
            .put("note", c.note()))
        .put("at", c.at());
  }

  private static double finalStat(JsonObject entry, String field) {
    JsonObject last = lastClosed(entry.getJsonArray("rounds").stream().map(JsonObject.class::cast).toList());
    Double value = last == null ? null : last.getJsonObject("overall").getDouble(field);
    return value == null ? Double.NEGATIVE_INFINITY : value;
  }

  /** The item's results in the last closed round that asked it, or null while only an open round has. */
  private static JsonObject lastClosed(List<JsonObject> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (!history.get(i).getBoolean("provisional", false)) {
        return history.get(i);
      }
    }
    return null;
  }

  private static JsonObject method(Study study) {
    Criteria c = study.criteria();
    return new JsonObject().put("rule", c.rule().key())
        .put("scale", new JsonArray().add(c.scaleMin()).add(c.scaleMax()))
        .put("agree", new JsonArray().add(c.agree().low()).add(c.agree().high()))
        .put("disagree", new JsonArray().add(c.disagree().low()).add(c.disagree().high()))
        .put("inAgreeAtLeast", c.inAgreeAtLeast()).put("inDisagreeBelow", c.inDisagreeBelow())
        .put("maxIqr", c.maxIqr()).put("minResponses", c.minResponses()).put("perPanel", c.perPanel())
        .put("quantiles", c.quantiles().name()).put("minCell", c.minCell()).put("stableBelowPct", c.stableBelowPct())
        .put("maxRounds", study.rounds().max()).put("carryForward", study.rounds().carryForward().key())
        .put("rand", c.scaleMin() == 1 && c.scaleMax() == 9);
  }
}
