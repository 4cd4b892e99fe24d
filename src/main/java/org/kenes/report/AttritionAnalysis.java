package org.kenes.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Attrition;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.RatingTally;
import org.kenes.consensus.Verdict;
import org.kenes.round.ItemResult;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * The attrition of a study's closed rounds as JSON, from their submitted answer sets: for each round r after the
 * first, who of round r − 1's respondents did not answer it (per panel, suppressed under minCell), their round r − 1
 * ratings against the stayers' item by item, and the items of round r whose consensus the leavers' last ratings would
 * undo. The statistics are {@link Attrition}'s; here the answer sets become its inputs.
 */
final class AttritionAnalysis {

  private final Study study;
  private final Criteria criteria;
  /** Each participant's last valid rating of each item, as of the rounds read so far. */
  private final Map<String, Map<String, Integer>> last = new HashMap<>();

  private AttritionAnalysis(Study study) {
    this.study = study;
    this.criteria = study.criteria();
  }

  /**
   * @param sets the submitted and draft sets of each closed round, in the rounds' order
   * @param results the results of each closed round, in the same order: the verdicts the leavers might undo
   */
  static JsonObject of(Study study, List<Round> closed, List<List<AnswerSet>> sets, List<RoundResults> results) {
    AttritionAnalysis a = new AttritionAnalysis(study);
    JsonArray rounds = new JsonArray();
    for (int k = 0; k < closed.size(); k++) {
      List<AnswerSet> submitted = sets.get(k).stream().filter(s -> s != null && s.submitted()).toList();
      if (k > 0) {
        List<AnswerSet> before = sets.get(k - 1).stream().filter(s -> s != null && s.submitted()).toList();
        rounds.add(a.round(closed.get(k - 1), closed.get(k), before, submitted, results.get(k)));
      }
      a.remember(submitted);
    }
    return new JsonObject().put("study", study.id()).put("minCell", study.criteria().minCell()).put("rounds", rounds);
  }

  private JsonObject round(Round earlier, Round later, List<AnswerSet> before, List<AnswerSet> after,
      RoundResults results) {
    Set<String> stayed = after.stream().map(AnswerSet::participant).collect(Collectors.toSet());
    List<Attrition.Panelist> panelists = before.stream().map(s -> new Attrition.Panelist(s.panel(),
        stayed.contains(s.participant()), ratings(s))).toList();
    Attrition.Leavers leavers = Attrition.leavers(panelists, study.panelIds(), criteria.minCell());
    JsonObject panels = new JsonObject();
    study.panelIds().forEach(p -> panels.put(p, leavers.suppressed().contains(p)
        ? new JsonObject().put("suppressed", true) : new JsonObject().put("left", leavers.byPanel().get(p))));
    JsonArray items = new JsonArray();
    ratingItems(earlier).forEach(id -> items.add(comparison(Attrition.compare(id, panelists, criteria))));
    List<AnswerSet> leaving = before.stream().filter(s -> !stayed.contains(s.participant())).toList();
    JsonArray fragile = new JsonArray();
    results.items().stream().filter(ItemResult.Rating.class::isInstance).map(ItemResult.Rating.class::cast)
        .map(result -> fragile(result, earlier, leaving, after)).filter(Objects::nonNull).forEach(fragile::add);
    return new JsonObject().put("round", later.number()).put("since", earlier.number())
        .put("responded", before.size()).put("stayed", leavers.stayed()).put("left", leavers.total())
        .put("panels", panels).put("items", items).put("fragile", fragile);
  }

  /**
   * The item as the report flags it when its verdict (the round's, as its results state it) would not hold had the
   * leavers stayed at their last ratings; else null.
   */
  private JsonObject fragile(ItemResult.Rating result, Round earlier, List<AnswerSet> leaving, List<AnswerSet> after) {
    String id = result.id();
    Verdict verdict = result.verdict();
    // A reworded item is a new question: ratings of its earlier wording are not added back.
    List<Vote> added = study.item(id).map(Item::since).orElse(1) > earlier.number() ? List.of()
        : leaving.stream().map(s -> new Vote(s.panel(), last.getOrDefault(s.participant(), Map.of()).get(id), true))
            .filter(v -> v.value() != null).toList();
    if (!verdict.decided() || added.isEmpty()) {
      return null;
    }
    Verdict with = Attrition.withLeavers(tallies(after.stream().map(s -> vote(s, id)).toList()), tallies(added),
        criteria);
    return with == verdict ? null : new JsonObject().put("id", id).put("verdict", verdict.key())
        .put("withLeavers", with.key()).put("added", added.size());
  }

  private static JsonObject comparison(Attrition.Comparison c) {
    JsonObject json = new JsonObject().put("id", c.item()).put("stayers", c.stayers()).put("leavers", c.leavers());
    if (!c.shown()) {
      return json.put("suppressed", true);
    }
    return json.put("median", new JsonObject().put("stayers", c.stayersMedian()).put("leavers", c.leaversMedian())
            .put("difference", c.medianDifference()))
        .put("agree", new JsonObject().put("stayers", c.stayersAgree()).put("leavers", c.leaversAgree())
            .put("difference", c.agreeDifference()))
        .put("u", c.test().u()).put("p", c.test().p()).put("method", c.test().method())
        .put("leaversLower", c.leaversLower());
  }

  /** Keeps each respondent's valid ratings of a round as their last ones. */
  private void remember(List<AnswerSet> submitted) {
    for (AnswerSet s : submitted) {
      last.computeIfAbsent(s.participant(), p -> new HashMap<>()).putAll(ratings(s));
    }
  }

  private List<String> ratingItems(Round round) {
    return round.items().stream().filter(id -> study.item(id).map(Item::type).orElse(null) == ItemType.RATING)
        .toList();
  }

  private static Map<String, Integer> ratings(AnswerSet set) {
    Map<String, Integer> out = new HashMap<>();
    set.answers().forEach((item, answer) -> {
      if (answer instanceof Answer.Rating r && r.value() != null) {
        out.put(item, r.value());
      }
    });
    return out;
  }

  /**
   * One rating of an item.
   *
   * @param value the point, or null for "unable to rate"
   * @param rated false for a set that gave the item no rating (nothing to count)
   */
  private record Vote(String panel, Integer value, boolean rated) {}

  private static Vote vote(AnswerSet set, String item) {
    return set.answers().get(item) instanceof Answer.Rating r && r.rated() ? new Vote(set.panel(), r.value(), true)
        : new Vote(set.panel(), null, false);
  }

  /** The votes' tallies per panel, every panel of the study listed. */
  private Map<String, RatingTally> tallies(List<Vote> votes) {
    Map<String, RatingTally.Builder> builders = new LinkedHashMap<>();
    study.panelIds().forEach(p -> builders.put(p, new RatingTally.Builder(criteria.scaleMin(), criteria.scaleMax())));
    votes.stream().filter(Vote::rated).forEach(v -> builders.computeIfAbsent(v.panel(),
        p -> new RatingTally.Builder(criteria.scaleMin(), criteria.scaleMax())).add(v.value()));
    Map<String, RatingTally> out = new LinkedHashMap<>();
    builders.forEach((p, b) -> out.put(p, b.build()));
    return out;
  }
}
