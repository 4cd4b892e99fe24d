package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.consensus.Advice;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * The console's page of one study: its status, its rounds, and what can be done next: open the next round (with
 * a deadline), or close the open one with the stopping advice of its provisional results shown first.
 */
final class StudyOverview {

  private StudyOverview() {}

  static Future<JsonObject> model(Services s, Study study, Viewer viewer) {
    String id = study.id();
    return s.rounds().list(id).compose(rounds -> {
      Round open = rounds.stream().filter(Round::open).findFirst().orElse(null);
      Future<RoundResults> live = open == null ? Future.succeededFuture(null) : s.rounds().results(id, open.number());
      return live.map(results -> build(study, rounds, open, results, viewer));
    });
  }

  private static JsonObject build(Study study, List<Round> rounds, Round open, RoundResults results, Viewer viewer) {
    JsonArray held = new JsonArray();
    rounds.forEach(r -> held.add(new JsonObject().put("round", r.number()).put("open", r.open())
        .put("items", r.items().size()).put("openedAt", viewer.when(r.openedAt()))
        .put("closedAt", viewer.when(r.closedAt())).put("closesAt", viewer.when(r.closesAt()))));
    JsonObject model = new JsonObject()
        .put("definition", new JsonObject().put("languages", String.join(", ", study.languages().stream()
                .map(Views::languageName).toList()))
            .put("panels", study.panels().size()).put("items", study.items().stream().filter(i -> !i.retired()).count())
            .put("maxRounds", study.rounds().max()))
        .put("status", StudyStatus.describe(study, rounds, viewer))
        .put("rounds", held)
        .put("canEdit", rounds.isEmpty())
        .put("canOpen", open == null && rounds.size() < study.rounds().max())
        .put("nextRound", rounds.size() + 1);
    if (open != null) {
      Advice advice = results.advice();
      model.put("open", new JsonObject().put("round", open.number()).put("closesAt", viewer.when(open.closesAt()))
          .put("invited", results.participation().invited()).put("responded", results.participation().responded())
          .put("stop", advice.stop())
          .put("reason", AdviceText.of(advice, open.number(), study.rounds().max(), viewer)));
    }
    return model;
  }
}
