package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  public ReportService(StudyService studies, RoundService rounds) {
    this.studies = studies;
    this.rounds = rounds;
  }

  public Future<JsonObject> report(String studyId) {
    return studies.get(studyId).compose(study -> rounds.list(studyId).compose(all ->
        Future.all(all.stream().map(r -> rounds.results(studyId, r.number())).toList())
            .map(results -> build(study, all, results.list()))));
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
    List.of("consensus-in", "consensus-out", "no-consensus", "insufficient", "not-asked")
        .forEach(v -> verdicts.put(v, new ArrayList<>()));
    for (Item item : study.items()) {
      List<JsonObject> history = byItem.get(item.id());
      JsonObject entry = new JsonObject().put("id", item.id()).put("type", item.type().key())
          .put("category", item.category()).put("text", new JsonObject(new LinkedHashMap<>(item.text().values())))
          .put("rounds", new JsonArray(history));
      if (item.type() == ItemType.RATING) {
        JsonObject last = history.isEmpty() ? null : history.get(history.size() - 1);
        String verdict = last == null ? "not-asked" : last.getJsonObject("overall").getString("verdict");
        entry.put("verdict", verdict).put("finalRound", last == null ? null : last.getInteger("round"));
        verdicts.get(verdict).add(entry);
      }
      items.add(entry);
    }
    Comparator<JsonObject> byAgreement = Comparator
        .comparing((JsonObject e) -> finalStat(e, "agree"), Comparator.reverseOrder())
        .thenComparing(e -> finalStat(e, "median"), Comparator.reverseOrder());
    JsonObject summary = new JsonObject();
    verdicts.forEach((verdict, entries) -> summary.put(verdict, new JsonArray(entries.stream().sorted(byAgreement)
        .map(e -> e.getString("id")).toList())));
    return new JsonObject().put("study", study.id()).put("title", new JsonObject(new LinkedHashMap<>(study.title().values())))
        .put("languages", new JsonArray(study.languages())).put("method", method(study))
        .put("rounds", roundsJson).put("summary", summary).put("items", items);
  }

  private static double finalStat(JsonObject entry, String field) {
    JsonArray history = entry.getJsonArray("rounds");
    if (history.isEmpty()) {
      return Double.NEGATIVE_INFINITY;
    }
    Double value = history.getJsonObject(history.size() - 1).getJsonObject("overall").getDouble(field);
    return value == null ? Double.NEGATIVE_INFINITY : value;
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
        .put("maxRounds", study.rounds().max()).put("carryForward", study.rounds().carryForward().key());
  }
}
