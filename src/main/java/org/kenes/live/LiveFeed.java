package org.kenes.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.kenes.round.ItemResult;
import org.kenes.round.ResultsJson;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
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

  /**
   * A study's current round and its results.
   *
   * @param round null, like results, before the first round opens
   */
  public record Snapshot(String study, Round round, RoundResults results) {

    /** The event's JSON: {@code {"study", "round", "status", ...}}. */
    public JsonObject toJson() {
      if (round == null) {
        return new JsonObject().put("study", study).putNull("round").put("status", "none");
      }
      JsonArray items = new JsonArray();
      for (ItemResult item : results.items()) {
        JsonObject entry = new JsonObject().put("id", item.id()).put("type", item.type().key()).put("n", item.n());
        if (item instanceof ItemResult.Rating r) {
          entry.put("verdict", r.verdict().key()).put("agree", r.overall().agree()).put("median", r.overall().median());
        } else if (item instanceof ItemResult.Ranking r) {
          entry.put("kendallW", r.overall().kendallW());
        }
        items.add(entry);
      }
      return new JsonObject().put("study", round.study()).put("round", round.number())
          .put("status", round.open() ? "open" : "closed").put("closesAt", round.closesAt())
          .put("provisional", results.provisional()).put("counted", results.counted())
          .put("participation", ResultsJson.participation(results.participation())).put("items", items)
          .put("advice", ResultsJson.advice(results.advice()));
    }
  }

  public Future<Snapshot> snapshot(String studyId) {
    return rounds.list(studyId).compose(all -> {
      Optional<Round> current = all.stream().filter(Round::open).findFirst()
          .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
      if (current.isEmpty()) {
        return Future.succeededFuture(new Snapshot(studyId, null, null));
      }
      Round round = current.get();
      return rounds.results(studyId, round.number()).map(results -> new Snapshot(studyId, round, results));
    });
  }
}
