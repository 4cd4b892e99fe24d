package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.kenes.common.Conflict;
import org.kenes.store.Durability;
import org.kenes.store.Store;

/**
 * The {@code rounds} collection (one document per round, keyed {@code study:n}) and {@code results} (the statistics
 * of a closed round, written once, under the same key).
 */
public final class RoundRepository {

  static final String ROUNDS = "rounds";
  static final String RESULTS = "results";
  private static final String RESULTS_JSON = "json";

  private final MongoClient mongo;
  private final Durability durability;

  public RoundRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<List<Round>> list(String study) {
    return mongo.find(ROUNDS, new JsonObject().put("study", study))
        .map(docs -> docs.stream().map(RoundRepository::round).sorted(Comparator.comparingInt(Round::number)).toList());
  }

  public Future<Optional<Round>> find(String study, int number) {
    return mongo.findOne(ROUNDS, new JsonObject().put("_id", Round.key(study, number)), null)
        .map(doc -> Optional.ofNullable(doc).map(RoundRepository::round));
  }

  /** Opens a round; {@link Conflict} when another request opened the same round first. */
  public Future<Void> insert(Round round) {
    JsonObject doc = new JsonObject().put("_id", Round.key(round.study(), round.number())).put("study", round.study())
        .put("round", round.number()).put("status", "open").put("items", new JsonArray(round.items()))
        .put("openedAt", round.openedAt());
    if (round.closesAt() != null) {
      // Rounded up: a deadline between two milliseconds has not passed at the first of them.
      java.time.Instant deadline = java.time.Instant.parse(round.closesAt());
      long ms = deadline.toEpochMilli() + (deadline.getNano() % 1_000_000 == 0 ? 0 : 1);
      doc.put("closesAt", round.closesAt()).put("closesAtMs", ms);
    }
    return mongo.insert(ROUNDS, doc)
        .recover(e -> Future.failedFuture(Store.isDuplicateKey(e)
            ? new Conflict("round " + round.number() + " was opened already") : e))
        .compose(id -> durability.sync());
  }

  /**
   * Registers a save in flight on a round, atomically with checking that it is open: false once it is closed, so no
   * save can begin after a close. Every {@code true} must be followed by {@link #leave}.
   */
  public Future<Boolean> enter(String study, int number) {
    return mongo.updateCollection(ROUNDS, new JsonObject().put("_id", Round.key(study, number)).put("status", "open"),
            new JsonObject().put("$inc", new JsonObject().put("inflight", 1)))
        .map(r -> r.getDocMatched() == 1);
  }

  public Future<Void> leave(String study, int number) {
    return mongo.updateCollection(ROUNDS, new JsonObject().put("_id", Round.key(study, number)),
        new JsonObject().put("$inc", new JsonObject().put("inflight", -1))).mapEmpty();
  }

  /**
   * Waits until the saves that entered a round before it closed have finished, so that its results include every
   * acknowledged answer. An instance that died mid-save leaves its count behind: after {@code patience} the wait ends.
   */
  public Future<Void> drain(Vertx vertx, String study, int number, long patienceMs) {
    long deadline = System.currentTimeMillis() + patienceMs;
    return drainUntil(vertx, Round.key(study, number), deadline);
  }

  private Future<Void> drainUntil(Vertx vertx, String key, long deadline) {
    return mongo.findOne(ROUNDS, new JsonObject().put("_id", key), new JsonObject().put("inflight", 1))
        .compose(doc -> {
          long inflight = doc == null ? 0 : doc.getLong("inflight", 0L);
          if (inflight <= 0 || System.currentTimeMillis() > deadline) {
            return Future.succeededFuture();
          }
          return vertx.timer(10).compose(t -> drainUntil(vertx, key, deadline));
        });
  }

  /** Open rounds whose deadline has passed, of every study. */
  public Future<List<Round>> due(long nowMs) {
    return mongo.find(ROUNDS, new JsonObject().put("status", "open").put("closesAtMs", new JsonObject().put("$lte", nowMs)))
        .map(docs -> docs.stream().map(RoundRepository::round).toList());
  }

  /**
   * Marks a round closed, so that no answer is accepted from here on; safe to repeat. Part of a close, which
   * acknowledges once its results are stored and durable, this with them.
   */
  public Future<Void> markClosed(String study, int number, String closedAt) {
    return mongo.updateCollection(ROUNDS, new JsonObject().put("_id", Round.key(study, number)).put("status", "open"),
            new JsonObject().put("$set", new JsonObject().put("status", "closed").put("closedAt", closedAt)))
        .mapEmpty();
  }

  /**
   * Stores a closed round's results for good (an upsert: computing them again gives the same document), as one JSON
   * text: the results of a large round are hundreds of kB of nested fields, which the embedded store would serialise
   * field by field at each commit, and nothing queries inside them.
   */
  public Future<Void> saveResults(String study, int number, RoundResults results) {
    return mongo.save(RESULTS, new JsonObject().put("_id", Round.key(study, number)).put("study", study)
            .put("round", number).put(RESULTS_JSON, ResultsJson.toJson(results).encode()))
        .compose(id -> durability.sync());
  }

  public Future<Optional<RoundResults>> results(String study, int number) {
    return mongo.findOne(RESULTS, new JsonObject().put("_id", Round.key(study, number)), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> {
          if (d.getValue(RESULTS_JSON) instanceof String json) {
            return ResultsJson.fromJson(new JsonObject(json));
          }
          // Stored by Kenes before results were kept as one text: the document itself.
          return ResultsJson.fromJson(d);
        }));
  }

  private static Round round(JsonObject doc) {
    return new Round(doc.getString("study"), doc.getInteger("round"), "open".equals(doc.getString("status")),
        doc.getJsonArray("items").stream().map(String::valueOf).toList(), doc.getString("openedAt"),
        doc.getString("closedAt"), doc.getString("closesAt"));
  }
}
