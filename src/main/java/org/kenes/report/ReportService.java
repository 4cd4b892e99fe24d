package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.kenes.change.Change;
import org.kenes.change.ChangeService;
import org.kenes.consensus.Bridging;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RatingStats;
import org.kenes.round.ItemResult;
import org.kenes.round.ResultsJson;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
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
                .map(texts -> realTime(study, results.list(), build(study, all, results.list()).put("changes",
                    new JsonArray(list.stream().map(c -> change(c, texts)).toList()))))))));
  }

  /** A real-time study's report says so and shows its convergence; a study of rounds keeps its report's shape. */
  private static JsonObject realTime(Study study, List<RoundResults> results, JsonObject report) {
    return !study.realTime() ? report
        : report.put("mode", study.mode().key()).put("convergence", Convergence.of(results));
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

  /** An item's results in one round; provisional while the round is open. */
  private record Asked(int round, boolean provisional, ItemResult result) {

    JsonObject toJson() {
      return ResultsJson.item(result).put("round", round).put("provisional", provisional);
    }
  }

  private static JsonObject build(Study study, List<Round> all, List<RoundResults> results) {
    Map<String, List<Asked>> byItem = new LinkedHashMap<>();
    study.items().forEach(i -> byItem.put(i.id(), new ArrayList<>()));
    JsonArray roundsJson = new JsonArray();
    for (int k = 0; k < all.size(); k++) {
      Round round = all.get(k);
      RoundResults r = results.get(k);
      roundsJson.add(new JsonObject().put("round", round.number()).put("status", round.open() ? "open" : "closed")
          .put("openedAt", round.openedAt()).put("closedAt", round.closedAt()).put("items", round.items().size())
          .put("participation", ResultsJson.participation(r.participation()))
          .put("advice", ResultsJson.advice(r.advice())));
      r.items().forEach(item -> byItem.computeIfAbsent(item.id(), id -> new ArrayList<>())
          .add(new Asked(round.number(), round.open(), item)));
    }
    JsonArray items = new JsonArray();
    Map<String, List<Item>> verdicts = new LinkedHashMap<>();
    List.of("consensus-in", "consensus-out", "no-consensus", "insufficient", "in-progress", "not-asked", "retired")
        .forEach(v -> verdicts.put(v, new ArrayList<>()));
    for (Item item : study.items()) {
      List<Asked> history = byItem.get(item.id());
      JsonObject entry = new JsonObject().put("id", item.id()).put("type", item.type().key())
          .put("category", item.category()).put("text", new JsonObject(new LinkedHashMap<>(item.text().values())))
          .put("rounds", new JsonArray(history.stream().map(Asked::toJson).toList())).put("retired", item.retired());
      if (item.type() == ItemType.RATING) {
        // The summary stands on closed rounds: an open round's live figures are provisional, shown in its row only.
        Asked last = lastClosed(history);
        String verdict = last != null ? ((ItemResult.Rating) last.result()).verdict().key()
            : history.isEmpty() ? "not-asked" : "in-progress";
        entry.put("verdict", verdict).put("finalRound", last == null ? null : last.round());
        // A retired item keeps its last verdict, but is no longer open: the summary lists it on its own.
        verdicts.get(item.retired() ? "retired" : verdict).add(item);
      }
      items.add(entry);
    }
    Comparator<Item> byAgreement = Comparator
        .comparing((Item i) -> finalStat(byItem.get(i.id()), RatingStats::agree), Comparator.reverseOrder())
        .thenComparing(i -> finalStat(byItem.get(i.id()), RatingStats::median), Comparator.reverseOrder());
    JsonObject summary = new JsonObject();
    verdicts.forEach((verdict, entries) -> summary.put(verdict, new JsonArray(entries.stream().sorted(byAgreement)
        .map(Item::id).toList())));
    Round open = all.stream().filter(Round::open).findFirst().orElse(null);
    return new JsonObject().put("study", study.id()).put("title", new JsonObject(new LinkedHashMap<>(study.title().values())))
        .put("languages", new JsonArray(study.languages())).put("method", method(study))
        .put("panels", new JsonArray(study.panels().stream().map(p -> new JsonObject().put("id", p.id())
            .put("name", new JsonObject(new LinkedHashMap<>(p.name().values())))).toList()))
        .put("categories", new JsonArray(study.categories().stream().map(c -> new JsonObject().put("id", c.id())
            .put("name", new JsonObject(new LinkedHashMap<>(c.name().values())))).toList()))
        .put("rounds", roundsJson).put("openRound", open == null ? null : open.number()).put("summary", summary
            .put("consensusInByCategory", byCategory(study, verdicts.get("consensus-in").stream().sorted(byAgreement)
                .toList()))
            .put("rankings", rankings(study, byItem))
            .put("all-panels-in", bridging(verdicts, byItem, Bridging.ALL_PANELS_IN))
            .put("divided", bridging(verdicts, byItem, Bridging.DIVIDED)))
        .put("items", items);
  }

  /** The items that reached consensus to include, in their ranked order, under the categories of the study. */
  private static JsonArray byCategory(Study study, List<Item> ranked) {
    List<String> order = new ArrayList<>(study.categories().stream().map(c -> c.id()).toList());
    ranked.forEach(item -> {
      if (!order.contains(item.category())) {
        order.add(item.category());
      }
    });
    JsonArray groups = new JsonArray();
    for (String category : order) {
      List<String> ids = ranked.stream().filter(item -> Objects.equals(category, item.category())).map(Item::id)
          .toList();
      if (!ids.isEmpty()) {
        groups.add(new JsonObject().put("category", category).put("items", new JsonArray(ids)));
      }
    }
    return groups;
  }

  /** Each ranking item's options in the order of their mean ranks in the last round that asked it, with W. */
  private static JsonArray rankings(Study study, Map<String, List<Asked>> byItem) {
    JsonArray out = new JsonArray();
    for (Item item : study.items()) {
      Asked last = lastClosed(byItem.get(item.id()));
      if (item.type() != ItemType.RANKING || last == null) {
        continue;
      }
      RankingStats overall = ((ItemResult.Ranking) last.result()).overall();
      Map<String, Double> meanRanks = overall.meanRanks();
      List<String> order = meanRanks.keySet().stream()
          .sorted(Comparator.comparingDouble((String k) -> meanRanks.get(k)).thenComparing(k -> k)).toList();
      out.add(new JsonObject().put("id", item.id()).put("round", last.round())
          .put("n", overall.m()).put("order", new JsonArray(order)).put("kendallW", overall.kendallW())
          .put("strength", overall.kendallW() == null ? null : RankingStats.strength(overall.kendallW()))
          .put("p", overall.p()));
    }
    return out;
  }

  /** The rating items whose last round has the given bridging: consensus in every panel, or panels divided. */
  private static JsonArray bridging(Map<String, List<Item>> verdicts, Map<String, List<Asked>> byItem,
      Bridging kind) {
    JsonArray ids = new JsonArray();
    verdicts.values().forEach(items -> items.forEach(item -> {
      Asked last = lastClosed(byItem.get(item.id()));
      if (last != null && ((ItemResult.Rating) last.result()).bridging() == kind) {
        ids.add(item.id());
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

  private static double finalStat(List<Asked> history, Function<RatingStats, Double> stat) {
    Asked last = lastClosed(history);
    Double value = last == null ? null : stat.apply(((ItemResult.Rating) last.result()).overall());
    return value == null ? Double.NEGATIVE_INFINITY : value;
  }

  /** The item's results in the last closed round that asked it, or null while only an open round has. */
  private static Asked lastClosed(List<Asked> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (!history.get(i).provisional()) {
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
