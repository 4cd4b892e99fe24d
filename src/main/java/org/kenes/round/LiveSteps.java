package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.store.Durability;
import org.kenes.store.Store;
import org.kenes.study.Study;

/**
 * What facilitators see of an open round moves in steps (DESIGN.md, "Disclosure control"): the response counts are
 * live, but each panel's figures are its counters as they stood at its last step, and a panel steps only once at least
 * minCell more of its answer sets are submitted than its figures count. Comparing two views taken around one person's
 * submit therefore shows nothing of their answers: every change of the figures mixes at least minCell new submissions
 * of a panel. A round's overall figures are the sum of its panels', so they move by such steps too.
 *
 * <p>Steps are kept in the store ({@code live-steps}, one document per round and panel), so that every instance on it
 * shows the same figures. A step replaces the one before only if it counts at least minCell more, and the write itself
 * checks that, so two instances stepping at once cannot leave a smaller step between them; a step is durable before
 * it is shown, so that a crash cannot bring back an earlier one for a smaller step to follow.
 */
final class LiveSteps {

  static final String COLLECTION = "live-steps";
  private static final String COUNTERS = "counters";

  private final MongoClient mongo;
  private final Durability durability;
  private final TallyRepository tallies;

  LiveSteps(MongoClient mongo, Durability durability, TallyRepository tallies) {
    this.mongo = mongo;
    this.durability = durability;
    this.tallies = tallies;
  }

  /**
   * A panel's figures as its last step has them: its counters when {@code submitted} of its sets counted, at
   * {@code at} (milliseconds; 0 for a step written before Kenes kept the moment).
   */
  record Step(long submitted, Map<String, Number> counters, long at) {
    static final Step NONE = new Step(0, Map.of(), 0);
  }

  /**
   * An open round as a facilitator sees it.
   *
   * @param live the round's counters now, by panel: the response counts
   * @param steps each panel's last step: everything else
   */
  record View(Map<String, Map<String, Number>> live, Map<String, Step> steps) {

    /** The counters of the figures, by panel. */
    Map<String, Map<String, Number>> counters() {
      Map<String, Map<String, Number>> counters = new LinkedHashMap<>();
      steps.forEach((panel, step) -> counters.put(panel, step.counters()));
      return counters;
    }

    /** The submitted answer sets the figures count. */
    long counted() {
      return steps.values().stream().mapToLong(Step::submitted).sum();
    }

    /**
     * The submitted sets among {@code sets} that the figures count: per panel, the first submitted, as many as its
     * step counts. A set withdrawn since the step still holds its place, unshown: the step counts it, and the next
     * set in line must not take its place, or the withdrawal would show that set on its own. In the order given.
     */
    List<AnswerSet> counted(List<AnswerSet> sets, List<AnswerRepository.Withdrawal> withdrawals) {
      Map<String, List<Place>> byPanel = new LinkedHashMap<>();
      sets.stream().filter(AnswerSet::submitted).forEach(set -> byPanel.computeIfAbsent(set.panel(),
          p -> new ArrayList<>()).add(new Place(set.submittedAt(), set.participant(), set)));
      withdrawals.stream().filter(w -> w.submittedAt() > 0
              && w.at() > steps.getOrDefault(w.panel(), Step.NONE).at())
          .forEach(w -> byPanel.computeIfAbsent(w.panel(), p -> new ArrayList<>())
              .add(new Place(w.submittedAt(), "", null)));
      Set<AnswerSet> counted = Collections.newSetFromMap(new IdentityHashMap<>());
      byPanel.forEach((panel, places) -> places.stream()
          .sorted(Comparator.comparingLong(Place::submittedAt).thenComparing(Place::participant))
          .limit(steps.getOrDefault(panel, Step.NONE).submitted())
          .filter(place -> place.set() != null).forEach(place -> counted.add(place.set())));
      return sets.stream().filter(counted::contains).toList();
    }

    /** A submitted set's place in its panel's order of submission; a withdrawn one has none to show. */
    private record Place(long submittedAt, String participant, AnswerSet set) {}
  }

  /** The round's view now: its live counters, and its panels' steps, each panel stepped first where it is due. */
  Future<View> view(Study study, int round) {
    return tallies.read(study.id(), round).compose(live -> {
      List<String> panels = new ArrayList<>(study.panelIds());
      live.keySet().stream().filter(p -> !panels.contains(p)).sorted().forEach(panels::add);
      return read(study.id(), round, panels).compose(steps -> {
        int minCell = study.criteria().minCell();
        List<Future<Void>> due = new ArrayList<>();
        for (String panel : panels) {
          Map<String, Number> now = live.getOrDefault(panel, Map.of());
          long submitted = RoundCounters.count(now, RoundCounters.SUBMITTED);
          if (submitted - steps.getOrDefault(panel, Step.NONE).submitted() >= minCell) {
            due.add(step(study.id(), round, panel, submitted, now, minCell));
          }
        }
        if (due.isEmpty()) {
          return Future.succeededFuture(new View(live, steps));
        }
        return Future.all(due).compose(v -> durability.sync())
            .compose(v -> read(study.id(), round, panels)).map(stepped -> new View(live, stepped));
      });
    });
  }

  /**
   * Writes a panel's step, provided the one it replaces counts at least minCell fewer; when another instance stepped
   * meanwhile, its step stands (the upsert then fails on the key, as it finds no such document to replace).
   */
  Future<Void> step(String study, int round, String panel, long submitted, Map<String, Number> counters,
      int minCell) {
    JsonObject filter = new JsonObject().put("_id", key(study, round, panel))
        .put("submitted", new JsonObject().put("$lte", submitted - minCell));
    JsonObject step = new JsonObject().put("study", study).put("round", round).put("panel", panel)
        .put("submitted", submitted).put(COUNTERS, TallyRepository.encode(counters))
        .put("at", Instant.now().toString()).put("atMs", System.currentTimeMillis());
    return mongo.updateCollectionWithOptions(COLLECTION, filter, new JsonObject().put("$set", step),
            new UpdateOptions().setUpsert(true))
        .<Void>mapEmpty()
        .recover(e -> Store.isDuplicateKey(e) ? Future.succeededFuture() : Future.failedFuture(e));
  }

  private Future<Map<String, Step>> read(String study, int round, List<String> panels) {
    JsonArray ids = new JsonArray(panels.stream().map(panel -> key(study, round, panel)).toList());
    return mongo.find(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", ids))).map(docs -> {
      Map<String, Step> steps = new LinkedHashMap<>();
      docs.forEach(doc -> steps.put(doc.getString("panel"),
          new Step(doc.getLong("submitted", 0L), TallyRepository.decode(doc.getString(COUNTERS)),
              doc.getLong("atMs", 0L))));
      return steps;
    });
  }

  private static String key(String study, int round, String panel) {
    return study + ":" + round + ":" + panel;
  }
}
