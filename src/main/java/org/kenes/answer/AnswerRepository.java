package org.kenes.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.kenes.store.Pages;

/** The {@code answers} collection: one document per participant and round, keyed {@code study:round:participant}. */
public final class AnswerRepository {

  static final String COLLECTION = "answers";
  /** The order of the sets' keys ({@code study:round:participant}), as the store's {@code _id}s sort. */
  private static final Comparator<AnswerSet> BY_KEY =
      Comparator.comparing(set -> AnswerSet.key(set.study(), set.round(), set.participant()));

  private final Vertx vertx;
  private final MongoClient mongo;

  public AnswerRepository(Vertx vertx, MongoClient mongo) {
    this.vertx = vertx;
    this.mongo = mongo;
  }

  /**
   * Merges answers into the participant's set for the round and, with {@code submit}, marks it submitted: an atomic,
   * idempotent upsert that answers the set as it was before (empty for a first save). Part of a save, whose caller
   * waits for durability once for all its writes.
   *
   * @param whole the answers are the round's every item, so they replace the set's answers as they stand
   */
  public Future<Optional<AnswerSet>> update(String study, int round, String participant, String panel,
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
    JsonObject update = new JsonObject().put("$set", set);
    if (submit) {
      // The first submit's moment stays: the order in which sets came to count (RoundService#counted).
      update.put("$min", new JsonObject().put("submittedAt", System.currentTimeMillis()));
    } else {
      update.put("$setOnInsert", new JsonObject().put("submitted", false));
    }
    return mongo.findOneAndUpdateWithOptions(COLLECTION,
            new JsonObject().put("_id", AnswerSet.key(study, round, participant)), update, new FindOptions(),
            new UpdateOptions().setUpsert(true).setReturningNewDocument(false))
        .map(before -> Optional.ofNullable(before).map(AnswerRepository::answerSet));
  }

  public Future<Optional<AnswerSet>> find(String study, int round, String participant) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", AnswerSet.key(study, round, participant)), null)
        .map(doc -> Optional.ofNullable(doc).map(AnswerRepository::answerSet));
  }

  /** Every answer set of a round, drafts included. */
  public Future<List<AnswerSet>> list(String study, int round) {
    return Pages.byKeyPrefix(vertx, mongo, COLLECTION, AnswerSet.key(study, round, ""), AnswerRepository::answerSet,
        BY_KEY);
  }

  /**
   * Every answer set of a round, drafts included, in no particular order, a page at a time: each page is read into
   * answer sets and handed to {@code onPage} on a worker thread, one after the other, while the next one is read.
   */
  public Future<Void> scan(String study, int round, Consumer<List<AnswerSet>> onPage) {
    return Pages.scan(vertx, mongo, COLLECTION, AnswerSet.key(study, round, ""), docs -> vertx.executeBlocking(() -> {
      onPage.accept(docs.stream().map(AnswerRepository::answerSet).toList());
      return null;
    }, false));
  }

  /** Every answer set of a study, all rounds. */
  public Future<List<AnswerSet>> list(String study) {
    return Pages.byKeyPrefix(vertx, mongo, COLLECTION, study + ":", AnswerRepository::answerSet, BY_KEY);
  }

  private static AnswerSet answerSet(JsonObject doc) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    JsonObject stored = doc.getJsonObject("answers", new JsonObject());
    stored.fieldNames().forEach(item -> answers.put(item, AnswerJson.fromJson(stored.getJsonObject(item))));
    return new AnswerSet(doc.getString("study"), doc.getInteger("round"), doc.getString("participant"),
        doc.getString("panel"), answers, doc.getBoolean("submitted", false), doc.getString("updatedAt"),
        doc.getLong("submittedAt", 0L));
  }
}
