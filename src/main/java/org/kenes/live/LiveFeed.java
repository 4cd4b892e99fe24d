package org.kenes.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.kenes.round.Round;
import org.kenes.round.RoundService;

/**
 * What the live dashboard shows of a study at a moment: the open round (else the last one), its participation by
 * panel and the provisional verdict of each item, and the stopping advice; while the round is open, {@code counted}:
 * the submitted answer sets its statistics count, which move in steps (the round's live results). Sent as a
 * server-sent event after every save announced on the event bus, and rendered the same way on the page without
 * JavaScript.
 */
public final class LiveFeed {

  private final RoundService rounds;

  public LiveFeed(RoundService rounds) {
    this.rounds = rounds;
  }

  public Future<JsonObject> snapshot(String studyId) {
    return rounds.list(studyId).compose(all -> {
      Optional<Round> current = all.stream().filter(Round::open).findFirst()
          .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
      if (current.isEmpty()) {
        return Future.succeededFuture(new JsonObject().put("study", studyId).putNull("round").put("status", "none"));
      }
      Round round = current.get();
      return rounds.results(studyId, round.number()).map(results -> summary(round, results));
    });
  }

  private static JsonObject summary(Round round, JsonObject results) {
    JsonArray items = new JsonArray();
    for (Object o : results.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      JsonObject overall = item.getJsonObject("overall", new JsonObject());
      JsonObject entry = new JsonObject().put("id", item.getString("id")).put("type", item.getString("type"))
          .put("n", overall.getValue("n", item.getValue("responses")));
      if ("rating".equals(item.getString("type"))) {
        entry.put("verdict", overall.getString("verdict")).put("agree", overall.getValue("agree"))
            .put("median", overall.getValue("median"));
      } else if ("ranking".equals(item.getString("type"))) {
        entry.put("kendallW", overall.getValue("kendallW"));
      }
      items.add(entry);
    }
    return new JsonObject().put("study", round.study()).put("round", round.number())
        .put("status", round.open() ? "open" : "closed").put("closesAt", round.closesAt())
        .put("provisional", results.getBoolean("provisional", false)).put("counted", results.getValue("counted"))
        .put("participation", results.getJsonObject("participation")).put("items", items)
        .put("advice", results.getJsonObject("advice"));
  }
}
