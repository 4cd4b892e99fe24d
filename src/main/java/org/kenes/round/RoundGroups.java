package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.groups.GroupsResult;
import org.kenes.groups.OpinionGroups;
import org.kenes.groups.RatingVector;
import org.kenes.groups.RoundRatings;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * The opinion groups of a round (live or closed): the panelists' rating vectors handed to {@link OpinionGroups}, on
 * a worker thread, and the result as JSON with no word of who is in which group.
 */
public final class RoundGroups {

  private final Vertx vertx;
  private final StudyService studies;
  private final RoundService rounds;

  public RoundGroups(Vertx vertx, StudyService studies, RoundService rounds) {
    this.vertx = vertx;
    this.studies = studies;
    this.rounds = rounds;
  }

  /** A round's groups; of an open round, among the answer sets its statistics count ({@link RoundService#counted}). */
  public Future<JsonObject> groups(String studyId, int number) {
    return Future.all(studies.get(studyId), rounds.round(studyId, number))
        .compose(all -> rounds.counted(all.<Round>resultAt(1)).compose(counted -> {
          Study study = all.resultAt(0);
          Round round = all.resultAt(1);
          RoundRatings ratings = ratings(study, round, counted);
          return vertx.executeBlocking(() -> OpinionGroups.find(ratings), false)
              .map(result -> json(study, round, result));
        }));
  }

  private static RoundRatings ratings(Study study, Round round, List<AnswerSet> sets) {
    List<String> items = round.items().stream()
        .filter(id -> study.item(id).map(Item::type).orElse(null) == ItemType.RATING).toList();
    List<RatingVector> vectors = new ArrayList<>();
    int index = 0;
    for (AnswerSet set : sets) {
      if (!set.submitted()) {
        continue;
      }
      List<Integer> values = new ArrayList<>();
      for (String item : items) {
        values.add(set.answers().get(item) instanceof Answer.Rating r && r.value() != null ? r.value() : null);
      }
      vectors.add(new RatingVector(index++, set.panel(), values));
    }
    // A seed fixed by the study and round: the same answers always give the same groups.
    long seed = (study.id() + ":" + round.number()).hashCode();
    return new RoundRatings(items, vectors, study.scale().min(), study.scale().max(), study.criteria().agree().low(),
        study.criteria().agree().high(), study.criteria().minCell(), seed);
  }

  private static JsonObject json(Study study, Round round, GroupsResult r) {
    JsonArray groups = new JsonArray();
    r.groups().forEach(g -> groups.add(new JsonObject().put("id", g.id()).put("size", g.size())
        .put("panels", new JsonObject(new LinkedHashMap<>(g.panels())))));
    JsonArray items = new JsonArray();
    r.items().forEach(i -> items.add(new JsonObject().put("id", i.id())
        .put("groupAgree", new JsonObject(new LinkedHashMap<>(i.groupAgree()))).put("gic", i.gic())
        .put("divisive", i.divisive()).put("spread", i.spread()).put("suppressed", new JsonArray(i.suppressed()))));
    JsonObject standsFor = new JsonObject();
    r.standsFor().forEach((group, ids) -> standsFor.put(group, new JsonArray(ids)));
    JsonArray map = new JsonArray();
    r.map().forEach(p -> map.add(new JsonObject().put("x", p.x()).put("y", p.y()).put("group", p.group())
        .put("panel", p.panel())));
    JsonArray candidates = new JsonArray();
    r.method().candidates().forEach(c -> candidates.add(new JsonObject().put("k", c.k()).put("silhouette", c.silhouette())
        .put("smallest", c.smallest()).put("tooSmall", c.tooSmall())));
    JsonObject method = new JsonObject().put("clustered", r.method().clustered())
        .put("unclustered", r.method().unclustered()).put("itemsClustered", new JsonArray(r.method().itemsClustered()))
        .put("explained", new JsonArray(r.method().explained())).put("threshold", r.method().threshold())
        .put("candidates", candidates).put("shuffledSilhouette", r.method().shuffledSilhouette());
    return new JsonObject().put("study", study.id()).put("round", round.number()).put("provisional", round.open())
        .put("k", r.k()).put("silhouette", r.silhouette()).put("outcome", r.outcome().key())
        .put("groups", groups).put("items", items).put("unites", new JsonArray(r.unites()))
        .put("divides", new JsonArray(r.divides())).put("standsFor", standsFor).put("map", map).put("method", method);
  }
}
