package org.kenes.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.store.Durability;

/** The {@code outbox} collection: every message, written before it is sent and kept after. */
final class OutboxRepository {

  static final String COLLECTION = "outbox";
  static final int MAX_ATTEMPTS = 5;
  /** A message claimed longer ago than this was claimed by an instance that stopped; it is sent again. */
  private static final long STALE_CLAIM_MS = 5 * 60_000;

  private final MongoClient mongo;
  private final Durability durability;

  OutboxRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Adds the messages whose ids are new, leaving any existing one as it is; answers how many were new. */
  Future<Integer> queue(List<Message> messages) {
    if (messages.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<String> ids = messages.stream().map(Message::id).toList();
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(ids))),
            new FindOptions().setFields(new JsonObject().put("_id", 1)))
        .compose(existing -> {
          Set<String> known = existing.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
          List<BulkOperation> ops = messages.stream().filter(m -> !known.contains(m.id()))
              .map(m -> BulkOperation.createUpdate(new JsonObject().put("_id", m.id()),
                  new JsonObject().put("$setOnInsert", document(m)), true, false))
              .toList();
          if (ops.isEmpty()) {
            return Future.succeededFuture(0);
          }
          return mongo.bulkWrite(COLLECTION, ops).compose(r -> durability.sync()).map(ops.size());
        });
  }

  /**
   * A study's messages in no particular order: the embedded store sorts 20,000 of them slowly and answers nobody else
   * meanwhile (not even /health), so the caller sorts them, on a worker.
   */
  Future<List<Message>> list(String study) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study))
        .map(docs -> docs.stream().map(OutboxRepository::message).toList());
  }

  /** Ids of a study's messages of a kind, to tell who was invited. */
  Future<List<Message>> ofKind(String study, String kind) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study).put("kind", kind))
        .map(docs -> docs.stream().map(OutboxRepository::message).toList());
  }

  /** The messages to one participant, oldest first. */
  Future<List<Message>> to(String study, String participant) {
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("study", study).put("participant", participant),
            new FindOptions().setSort(new JsonObject().put("at", 1).put("_id", 1)))
        .map(docs -> docs.stream().map(OutboxRepository::message).toList());
  }

  /** Takes back the messages to a participant not sent yet (queued, or kept unsent without SMTP). */
  Future<Void> cancel(String study, String participant) {
    JsonObject query = new JsonObject().put("study", study).put("participant", participant)
        .put("status", new JsonObject().put("$in", new JsonArray().add("queued").add("unsent")));
    return mongo.removeDocuments(COLLECTION, query).compose(r -> durability.sync());
  }

  /** Deletes every message to a participant: their address, their name and link in the bodies. */
  Future<Void> forget(String study, String participant) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("study", study).put("participant", participant))
        .compose(r -> durability.sync());
  }

  /** Deletes every message of a study. */
  Future<Void> forgetAll(String study) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("study", study)).compose(r -> durability.sync());
  }

  /** Messages waiting to be sent, and those whose sender stopped halfway. */
  Future<List<Message>> due(int limit) {
    long stale = System.currentTimeMillis() - STALE_CLAIM_MS;
    JsonObject query = new JsonObject().put("$or", new JsonArray()
        .add(new JsonObject().put("status", "queued"))
        .add(new JsonObject().put("status", "sending").put("claimedAt", new JsonObject().put("$lt", stale))));
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setLimit(limit).setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(OutboxRepository::message).toList());
  }

  /** Takes a message for sending; false when another sender (another instance) took it first. */
  Future<Boolean> claim(Message m) {
    JsonObject query = new JsonObject().put("_id", m.id()).put("status", m.status());
    JsonObject update = new JsonObject().put("$set", new JsonObject().put("status", "sending")
        .put("claimedAt", System.currentTimeMillis()));
    return mongo.updateCollection(COLLECTION, query, update).map(r -> r.getDocModified() == 1);
  }

  Future<Void> sent(String id) {
    return set(id, new JsonObject().put("status", "sent").put("sentAt", Instant.now().toString()).putNull("error"));
  }

  /** Back to the queue for another try, or failed for good after a few. */
  Future<Void> failed(String id, String error) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null).compose(doc -> {
      int attempts = doc == null ? MAX_ATTEMPTS : doc.getInteger("attempts", 0) + 1;
      return set(id, new JsonObject().put("status", attempts >= MAX_ATTEMPTS ? "failed" : "queued")
          .put("attempts", attempts).put("error", error));
    });
  }

  private Future<Void> set(String id, JsonObject fields) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", id), new JsonObject().put("$set", fields))
        .compose(r -> durability.sync());
  }

  private static JsonObject document(Message m) {
    return new JsonObject().put("study", m.study()).put("participant", m.participant()).put("to", m.to())
        .put("kind", m.kind()).put("round", m.round()).put("language", m.language()).put("subject", m.subject())
        .put("body", m.body()).put("status", m.status()).put("at", m.at()).put("attempts", 0);
  }

  private static Message message(JsonObject d) {
    return new Message(d.getString("_id"), d.getString("study"), d.getString("participant"), d.getString("to"),
        d.getString("kind"), d.getInteger("round"), d.getString("language"), d.getString("subject"),
        d.getString("body"), d.getString("status"), d.getString("at"), d.getString("sentAt"), d.getString("error"));
  }
}
