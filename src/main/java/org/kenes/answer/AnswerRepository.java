package org.kenes.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kenes.common.Conflict;
import org.kenes.common.Recent;
import org.kenes.store.Dates;
import org.kenes.store.Pages;

/**
 * The {@code answers} collection: one document per participant and round, keyed {@code study:round:participant}.
 * When a participant withdraws, their set of the open round is replaced by a mark that holds no answer ({@code
 * withdrawn}), which every later save of theirs runs into, on whichever instance it arrives: no answer of theirs can
 * come back to a round they left. Reads leave the marks out.
 *
 * <p>Pilot participants' sets live in a collection of their own, {@code pilot-answers} ({@link #pilot}), of the same
 * shape: nothing that reads {@code answers} (tallies, closes, results, exports, groups, the report) can meet them. No
 * close counts them, so none of them is ever late.
 */
public final class AnswerRepository {

  public static final String COLLECTION = "answers";
  public static final String PILOT_COLLECTION = "pilot-answers";
  private static final String WITHDRAWN = "withdrawn";
  private static final String FIRST = "first";
  /** The order of the sets' keys ({@code study:round:participant}), as the store's {@code _id}s sort. */
  private static final Comparator<AnswerSet> BY_KEY =
      Comparator.comparing(set -> AnswerSet.key(set.study(), set.round(), set.participant()));

  /** When the store wrote the set last, by its own clock: a set written after its round was counted is late. */
  private static final String WRITTEN_AT = "writtenAt";

  private final Vertx vertx;
  private final MongoClient mongo;
  private final String collection;
  private final Function<String, Future<Map<Integer, Instant>>> countedAt;
  /** The moment a closed round was counted, which never changes once there. */
  private final Recent<String, Optional<Instant>> counted =
      new Recent<>(60_000, 1_000, System::currentTimeMillis, Optional::isPresent);

  /**
   * @param countedAt the moments a study's rounds were counted, by number, as their closes marked them: what makes a
   *     set late
   */
  public AnswerRepository(Vertx vertx, MongoClient mongo, Function<String, Future<Map<Integer, Instant>>> countedAt) {
    this(vertx, mongo, COLLECTION, countedAt);
  }

  private AnswerRepository(Vertx vertx, MongoClient mongo, String collection,
      Function<String, Future<Map<Integer, Instant>>> countedAt) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.collection = collection;
    this.countedAt = countedAt;
  }

  /** The pilot participants' answer sets, kept apart from the ones that count (and never counted by a close). */
  public static AnswerRepository pilot(Vertx vertx, MongoClient mongo) {
    return new AnswerRepository(vertx, mongo, PILOT_COLLECTION, study -> Future.succeededFuture(Map.of()));
  }

  /** Deletes every set of a study in this collection; answers how many there were. */
  public Future<Long> deleteAll(String study) {
    JsonObject byPrefix = new JsonObject().put("_id", new JsonObject().put("$gte", study + ":")
        .put("$lt", study + ":\uffff"));
    return mongo.removeDocuments(collection, byPrefix).map(r -> r == null ? 0L : r.getRemovedCount());
  }

  /** A save's write: the set as it was before (empty for a first save), and its document, to put back if late. */
  public record Written(Optional<AnswerSet> before, JsonObject document) {}

  /**
   * Merges answers into the participant's set for the round and, with {@code submit}, marks it submitted: an atomic,
   * idempotent upsert that answers the set as it was before (empty for a first save), stamped with the store's
   * moment of writing. Part of a save, whose caller waits for durability once for all its writes.
   *
   * @param whole the answers are the round's every item, so they replace the set's answers as they stand
   */
  public Future<Written> update(String study, int round, String participant, String panel,
      Map<String, Answer> answers, boolean submit, boolean whole) {
    JsonObject set = new JsonObject().put("study", study).put("round", round).put("participant", participant)
        .put("panel", panel).put("updatedAt", Instant.now().toString());
    if (whole) {
      // One field rather than one path per item: the embedded store updates a path at several times the cost.
      JsonObject all = new JsonObject();
      answers.forEach((item, answer) -> all.put(item, AnswerJson.toJson(answer)));
      set.put("answers", all);
    } else {
      answers.forEach((item, answer) -> set.put("answers." + item, AnswerJson.toJson(answer)));
    }
    if (submit) {
      set.put("submitted", true);
    }
    JsonObject update = new JsonObject().put("$set", set)
        .put("$currentDate", new JsonObject().put(WRITTEN_AT, true));
    if (submit) {
      // The first submit's moment stays: the order in which sets came to count (RoundService#counted).
      update.put("$min", new JsonObject().put("submittedAt", System.currentTimeMillis()));
    } else {
      update.put("$setOnInsert", new JsonObject().put("submitted", false));
    }
    JsonObject id = new JsonObject().put("_id", AnswerSet.key(study, round, participant));
    return upsert(id, update).map(before -> new Written(Optional.ofNullable(before).map(AnswerRepository::answerSet),
        before));
  }

  /**
   * Puts a set back as it was before a save whose write landed after its round was counted (a write that took longer
   * than its lease on its way): what the count read is what every reader reads again. Answers whether it was late.
   */
  public Future<Boolean> undoIfLate(String study, int round, String participant, Written written) {
    JsonObject id = new JsonObject().put("_id", AnswerSet.key(study, round, participant));
    return Future.all(mongo.findOne(collection, id, new JsonObject().put(WRITTEN_AT, 1)), countedAt.apply(study))
        .compose(all -> {
          JsonObject now = all.resultAt(0);
          Instant cutoff = all.<Map<Integer, Instant>>resultAt(1).get(round);
          if (now == null || !late(Dates.instant(now.getValue(WRITTEN_AT)), cutoff)) {
            return Future.succeededFuture(false);
          }
          Future<?> undone = written.document() == null ? mongo.removeDocument(collection, id)
              : mongo.findOneAndReplace(collection, id, written.document());
          return undone.map(true);
        });
  }

  /** Whether a set written at {@code written} came after its round's count at {@code counted} (if it was counted). */
  private static boolean late(Instant written, Instant counted) {
    return counted != null && written != null && !written.isBefore(counted);
  }

  /**
   * The upsert of a save, on the set's key alone: a filter on any other field would cost the embedded store a second
   * look at every save (measured: half the saves per second). A save that finds a withdrawal's mark (which it answers
   * as the set it replaced: every save keeps the mark's {@code withdrawn}) puts the mark back as it was and fails;
   * it ran within its round's lease, so no close counted it meanwhile, and it moved no tally.
   */
  private Future<JsonObject> upsert(JsonObject id, JsonObject update) {
    return mongo.findOneAndUpdateWithOptions(collection, id, update, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(false))
        .compose(before -> before == null || !before.getBoolean(WITHDRAWN, false) ? Future.succeededFuture(before)
            : mongo.findOneAndReplaceWithOptions(collection, id, mark(before), new FindOptions(), new UpdateOptions())
                .compose(undone -> Future.failedFuture(new Conflict("you have withdrawn: answers are not taken"))));
  }

  /**
   * Keeps the first ratings of a real-time study's items in the participant's set ({@link AnswerSet#firstsIn}); a
   * withdrawal's mark and an erasure take them with the set. Part of a save, after its update, whose caller waits for
   * durability.
   */
  public Future<Void> keepFirst(String study, int round, String participant, Map<String, Answer.Rating> firsts) {
    if (firsts.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject set = new JsonObject();
    firsts.forEach((item, rating) -> set.put(FIRST + "." + item, AnswerJson.toJson(rating)));
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", AnswerSet.key(study, round, participant)),
        new JsonObject().put("$set", set)).mapEmpty();
  }

  /** A withdrawal's mark alone, from a document that holds it: nothing a save wrote over it. */
  private static JsonObject mark(JsonObject doc) {
    JsonObject mark = new JsonObject();
    for (String field : List.of("_id", "study", "round", WITHDRAWN, "at", "panel", "submittedAt")) {
      if (doc.containsKey(field)) {
        mark.put(field, doc.getValue(field));
      }
    }
    return mark;
  }

  /** A set taken out of its round by a withdrawal: which panel it counted in, and when it was first submitted. */
  public record Withdrawal(String panel, long submittedAt, long at) {}

  /**
   * Takes a participant's set out of a round for good, leaving the mark that refuses their later saves: one atomic
   * replace, so that a save either came before (and is in the set answered) or fails. Answers the set as it was, if
   * there was one. Part of a withdrawal, whose caller moves the tallies and waits for durability.
   */
  public Future<Optional<AnswerSet>> withdraw(String study, int round, String participant, long at) {
    JsonObject id = new JsonObject().put("_id", AnswerSet.key(study, round, participant));
    JsonObject mark = id.copy().put("study", study).put("round", round).put(WITHDRAWN, true).put("at", at);
    return mongo.findOneAndReplaceWithOptions(collection, id, mark, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(false))
        .compose(before -> {
          // The mark keeps where and when the set was submitted (never what it said): the sets an open round's
          // figures count stay the same sets until its panel's next step (LiveSteps). A second withdrawal keeps the
          // first one's mark.
          boolean marked = before != null && before.getBoolean(WITHDRAWN, false);
          AnswerSet was = before == null || marked ? null : answerSet(before);
          JsonObject slot = marked ? before.copy() : new JsonObject();
          if (was != null && was.submitted()) {
            slot.put("panel", was.panel()).put("submittedAt", was.submittedAt());
          }
          slot.remove("_id");
          return (slot.isEmpty() ? Future.succeededFuture()
              : mongo.updateCollection(collection, id, new JsonObject().put("$set", slot)).mapEmpty())
              .map(Optional.ofNullable(was));
        });
  }

  /** Deletes a participant's sets of the given rounds (withdrawal marks included). */
  public Future<Void> delete(String study, List<Integer> rounds, String participant) {
    if (rounds.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonArray keys = new JsonArray(rounds.stream().map(n -> AnswerSet.key(study, n, participant)).toList());
    return mongo.removeDocuments(collection, new JsonObject().put("_id", new JsonObject().put("$in", keys)))
        .mapEmpty();
  }

  /** A participant's set of a round; none after they withdrew from it, nor when it is late. */
  public Future<Optional<AnswerSet>> find(String study, int round, String participant) {
    Future<Optional<Instant>> cutoff = counted.get(AnswerSet.key(study, round, ""),
        k -> countedAt.apply(study).map(all -> Optional.ofNullable(all.get(round))));
    return Future.all(document(study, round, participant), cutoff).map(all -> Optional.ofNullable(
        onTime(all.resultAt(0), all.<Optional<Instant>>resultAt(1).map(at -> Map.of(round, at)).orElse(Map.of()))));
  }

  /** Lets go of the moments rounds were counted (a study was deleted: one made again under its id counts anew). */
  public void forget() {
    counted.clear();
  }

  /** A participant's set of a round read open, which no count has read yet; none after they withdrew from it. */
  public Future<Optional<AnswerSet>> current(String study, int round, String participant) {
    return document(study, round, participant).map(doc -> Optional.ofNullable(doc).map(AnswerRepository::answerSet));
  }

  private Future<JsonObject> document(String study, int round, String participant) {
    return mongo.findOne(collection, new JsonObject().put("_id", AnswerSet.key(study, round, participant)), null);
  }

  /** Every answer set of a round, drafts included, late ones left out. */
  public Future<List<AnswerSet>> list(String study, int round) {
    return countedAt.apply(study).compose(cutoffs -> Pages.byKeyPrefix(vertx, mongo, collection,
        AnswerSet.key(study, round, ""), doc -> onTime(doc, cutoffs), BY_KEY));
  }

  /** The set a document holds, unless it is a withdrawal's mark or was written after its round was counted. */
  private static AnswerSet onTime(JsonObject doc, Map<Integer, Instant> cutoffs) {
    if (doc == null || late(Dates.instant(doc.getValue(WRITTEN_AT)), cutoffs.get(doc.getInteger("round")))) {
      return null;
    }
    return answerSet(doc);
  }

  /** The withdrawals from a round: the sets they took out. */
  public Future<List<Withdrawal>> withdrawals(String study, int round) {
    return Pages.byKeyPrefix(vertx, mongo, collection, AnswerSet.key(study, round, ""),
        doc -> doc.getBoolean(WITHDRAWN, false) ? new Withdrawal(doc.getString("panel"), doc.getLong("submittedAt", 0L),
            doc.getLong("at", 0L)) : null,
        Comparator.comparingLong(Withdrawal::at));
  }

  /**
   * Every answer set of a round, drafts included, in no particular order, a page at a time: each page is read into
   * answer sets and handed to {@code onPage} on a worker thread, one after the other, while the next one is read. Sets
   * written at or after {@code countedAt} (when given: the moment its close counts) are late, and left out.
   */
  public Future<Void> scan(String study, int round, Instant countedAt, Consumer<List<AnswerSet>> onPage) {
    Map<Integer, Instant> cutoffs = countedAt == null ? Map.of() : Map.of(round, countedAt);
    return Pages.scan(vertx, mongo, collection, AnswerSet.key(study, round, ""), docs -> vertx.executeBlocking(() -> {
      onPage.accept(docs.stream().map(doc -> onTime(doc, cutoffs)).filter(Objects::nonNull).toList());
      return null;
    }, false));
  }

  /** Every answer set of a study, all rounds, late ones left out. */
  public Future<List<AnswerSet>> list(String study) {
    return countedAt.apply(study).compose(cutoffs -> Pages.byKeyPrefix(vertx, mongo, collection, study + ":",
        doc -> onTime(doc, cutoffs), BY_KEY));
  }

  /** The set a document holds; null for a withdrawal's mark. */
  private static AnswerSet answerSet(JsonObject doc) {
    if (doc.getBoolean(WITHDRAWN, false)) {
      return null;
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    JsonObject stored = doc.getJsonObject("answers", new JsonObject());
    stored.fieldNames().forEach(item -> answers.put(item, AnswerJson.fromJson(stored.getJsonObject(item))));
    Map<String, Answer.Rating> first = new LinkedHashMap<>();
    JsonObject firsts = doc.getJsonObject(FIRST, new JsonObject());
    firsts.fieldNames().forEach(item -> {
      if (AnswerJson.fromJson(firsts.getJsonObject(item)) instanceof Answer.Rating r) {
        first.put(item, r);
      }
    });
    return new AnswerSet(doc.getString("study"), doc.getInteger("round"), doc.getString("participant"),
        doc.getString("panel"), answers, doc.getBoolean("submitted", false), doc.getString("updatedAt"),
        doc.getLong("submittedAt", 0L), first);
  }
}
