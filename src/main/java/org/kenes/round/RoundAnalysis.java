package org.kenes.round;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Advice;
import org.kenes.consensus.ItemOutcome;
import org.kenes.consensus.PairedTally;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RankingTally;
import org.kenes.consensus.RatingItemResult;
import org.kenes.consensus.RatingItems;
import org.kenes.consensus.RatingTally;
import org.kenes.consensus.Stability;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * A round's results (CONTRACT.md, "Round results JSON") from its submitted answer sets: tallies per item and panel,
 * handed to the consensus package. The server (live and at close) and {@code kenes analyze} all come through here.
 */
public final class RoundAnalysis {

  /** The answer sets of the earlier round an item was last asked in, for its stability. */
  public record Previous(int round, List<AnswerSet> answers) {}

  /**
   * @param invitedByPanel participants invited, by panel
   * @param previousByItem for items asked before, the round they were last asked in
   */
  public record Input(Study study, int round, List<String> items, List<AnswerSet> answers,
      Map<String, Long> invitedByPanel, Map<String, Previous> previousByItem, boolean provisional) {}

  private RoundAnalysis() {}

  public static JsonObject analyse(Input in) {
    List<AnswerSet> submitted = in.answers().stream().filter(AnswerSet::submitted).toList();
    JsonArray items = new JsonArray();
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (String itemId : in.items()) {
      Item item = in.study().item(itemId).orElseThrow();
      JsonObject result = switch (item.type()) {
        case RATING -> rating(in, item, submitted, outcomes);
        case RANKING -> ranking(item, submitted);
        case OPEN -> new JsonObject().put("id", item.id()).put("type", "open")
            .put("responses", submitted.stream().filter(s -> s.answers().get(item.id()) instanceof Answer.OpenText t
                && !t.text().isBlank()).count());
      };
      items.add(result);
    }
    Advice advice = Advice.of(in.round(), in.study().rounds().max(), outcomes);
    return new JsonObject()
        .put("study", in.study().id())
        .put("round", in.round())
        .put("provisional", in.provisional())
        .put("participation", participation(in, submitted))
        .put("items", items)
        .put("advice", new JsonObject().put("stop", advice.stop()).put("reason", advice.reason())
            .put("pending", new JsonArray(advice.pending())));
  }

  private static JsonObject rating(Input in, Item item, List<AnswerSet> submitted, List<ItemOutcome> outcomes) {
    Study study = in.study();
    Map<String, RatingTally> byPanel = tallies(study, item.id(), submitted);
    RatingItemResult result = RatingItems.analyse(byPanel, study.criteria());
    JsonObject json = new JsonObject().put("id", item.id()).put("type", "rating")
        .put("overall", ResultsJson.stats(result.overall()))
        .put("panels", ResultsJson.panels(study.panelIds(), result))
        .put("bridging", result.bridging().key())
        .put("gic", result.gic());
    Previous previous = in.previousByItem().get(item.id());
    Boolean stable = null;
    if (previous != null) {
      Stability stability = stability(study, item.id(), previous.answers().stream().filter(AnswerSet::submitted).toList(),
          submitted);
      json.put("stability", ResultsJson.stability(stability, previous.round()));
      stable = stability.stable();
    }
    json.put("comments", comments(item.id(), submitted)).put("reasons", texts(item.id(), submitted,
        a -> a instanceof Answer.Rating r && r.rated() ? r.reason() : null));
    outcomes.add(new ItemOutcome(item.id(), result.overall().verdict(), stable));
    return json;
  }

  private static Map<String, RatingTally> tallies(Study study, String itemId, List<AnswerSet> sets) {
    Map<String, RatingTally.Builder> builders = new LinkedHashMap<>();
    study.panelIds().forEach(p -> builders.put(p, new RatingTally.Builder(study.scale().min(), study.scale().max())));
    for (AnswerSet set : sets) {
      if (set.answers().get(itemId) instanceof Answer.Rating r && r.rated()) {
        builders.computeIfAbsent(set.panel(), p -> new RatingTally.Builder(study.scale().min(), study.scale().max()))
            .add(r.value());
      }
    }
    Map<String, RatingTally> tallies = new LinkedHashMap<>();
    builders.forEach((panel, b) -> tallies.put(panel, b.build()));
    return tallies;
  }

  private static Stability stability(Study study, String itemId, List<AnswerSet> before, List<AnswerSet> now) {
    RatingTally.Builder previous = new RatingTally.Builder(study.scale().min(), study.scale().max());
    RatingTally.Builder current = new RatingTally.Builder(study.scale().min(), study.scale().max());
    Map<String, Integer> earlier = new HashMap<>();
    for (AnswerSet set : before) {
      if (set.answers().get(itemId) instanceof Answer.Rating r && r.rated()) {
        previous.add(r.value());
        if (r.value() != null) {
          earlier.put(set.participant(), r.value());
        }
      }
    }
    PairedTally.Builder pairs = new PairedTally.Builder();
    for (AnswerSet set : now) {
      if (set.answers().get(itemId) instanceof Answer.Rating r && r.rated()) {
        current.add(r.value());
        Integer was = earlier.get(set.participant());
        if (r.value() != null && was != null) {
          pairs.add(was, r.value());
        }
      }
    }
    return Stability.of(previous.build(), current.build(), pairs.build(), study.criteria().stableBelowPct());
  }

  private static JsonObject ranking(Item item, List<AnswerSet> submitted) {
    RankingTally.Builder tally = new RankingTally.Builder(item.optionIds());
    for (AnswerSet set : submitted) {
      if (set.answers().get(item.id()) instanceof Answer.Ranking r && !r.order().isEmpty()) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < r.order().size(); i++) {
          ranks.put(r.order().get(i), i + 1);
        }
        tally.add(ranks);
      }
    }
    RankingStats stats = RankingStats.of(tally.build());
    return new JsonObject().put("id", item.id()).put("type", "ranking").put("overall", ResultsJson.ranking(stats))
        .put("comments", comments(item.id(), submitted));
  }

  private static JsonArray comments(String itemId, List<AnswerSet> sets) {
    return texts(itemId, sets, a -> a instanceof Answer.Rating r ? (r.rated() ? r.comment() : null)
        : a instanceof Answer.Ranking k ? k.comment() : null);
  }

  /**
   * Texts people wrote to an item (comments, reasons) in a fixed order that says nothing of who wrote them or when.
   * A rating not given yet counts nowhere, its texts included, as in the export.
   */
  private static JsonArray texts(String itemId, List<AnswerSet> sets, Function<Answer, String> text) {
    List<String> texts = new ArrayList<>();
    for (AnswerSet set : sets) {
      String t = text.apply(set.answers().get(itemId));
      if (t != null && !t.isBlank()) {
        texts.add(t.strip());
      }
    }
    texts.sort(null);
    return new JsonArray(texts);
  }

  private static JsonObject participation(Input in, List<AnswerSet> submitted) {
    Map<String, Long> responded = new TreeMap<>();
    submitted.forEach(s -> responded.merge(s.panel(), 1L, Long::sum));
    JsonObject panels = new JsonObject();
    List<String> panelIds = new ArrayList<>(in.study().panelIds());
    responded.keySet().stream().filter(p -> !panelIds.contains(p)).forEach(panelIds::add);
    for (String panel : panelIds) {
      panels.put(panel, new JsonObject().put("invited", in.invitedByPanel().getOrDefault(panel, 0L))
          .put("responded", responded.getOrDefault(panel, 0L)));
    }
    long invited = in.invitedByPanel().values().stream().filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    return new JsonObject().put("invited", invited).put("responded", (long) submitted.size()).put("panels", panels);
  }
}
