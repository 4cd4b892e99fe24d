package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kenes.common.Conflict;
import org.kenes.store.Dates;
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
  private static final String COUNTED_AT = "countedAt";

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
   * Marks the moment a closed round is counted, by the store's clock, unless it was marked before (a count repeated
   * after a crash keeps the first): an answer set written from then on is late, and left out by every reader
   * ({@link org.kenes.answer.AnswerRepository}). Answers the moment.
   */
  public Future<Instant> markCounted(String study, int number) {
    JsonObject id = new JsonObject().put("_id", Round.key(study, number));
    return mongo.updateCollection(ROUNDS, id.copy().put(COUNTED_AT, new JsonObject().put("$exists", false)),
            new JsonObject().put("$currentDate", new JsonObject().put(COUNTED_AT, true)))
        .compose(r -> mongo.findOne(ROUNDS, id, new JsonObject().put(COUNTED_AT, 1)))
        .map(doc -> Dates.instant(doc.getValue(COUNTED_AT)));
  }

  /** The moments a study's rounds were counted, by number; a round not counted yet has none. */
  public Future<Map<Integer, Instant>> countedAt(String study) {
    return mongo.findWithOptions(ROUNDS, new JsonObject().put("study", study).put(COUNTED_AT,
            new JsonObject().put("$exists", true)),
        new FindOptions().setFields(new JsonObject().put("round", 1).put(COUNTED_AT, 1)))
        .map(docs -> {
          Map<Integer, Instant> counted = new HashMap<>();
          docs.forEach(doc -> counted.put(doc.getInteger("round"), Dates.instant(doc.getValue(COUNTED_AT))));
          return counted;
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
