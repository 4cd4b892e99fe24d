package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Optional;
import org.kenes.common.Sha256;
import org.kenes.store.Durability;

/**
 * The {@code sessions} collection, so that every Kenes instance behind a load balancer knows every session. Keyed by
 * a hash of the session's secret: reading the store does not give anyone a live session.
 */
final class SessionRepository {

  static final String COLLECTION = "sessions";

  private final MongoClient mongo;
  private final Durability durability;
  private final String adminKey;

  /**
   * @param adminKey what the admin's sessions are marked with: a hash of the admin token they were opened under, so
   *     that a new token ends them
   */
  SessionRepository(MongoClient mongo, Durability durability, String adminKey) {
    this.mongo = mongo;
    this.durability = durability;
    this.adminKey = adminKey;
  }

  Future<Void> save(Session session) {
    JsonObject doc = new JsonObject().put("_id", key(session.secret())).put("actor", session.actor().name())
        .put("admin", session.actor().admin()).put("csrf", session.csrf()).put("expiresAt", session.expiresAtMs())
        .put("language", session.preferences().language()).put("timeZone", session.preferences().timeZone());
    if (session.actor().admin()) {
      doc.put("adminKey", adminKey);
    }
    return mongo.save(COLLECTION, doc).compose(id -> durability.sync());
  }

  /**
   * The session, unless unknown, expired, or the admin's opened under another admin token (the token was rotated);
   * such a session is removed on the way.
   */
  Future<Optional<Session>> find(String secret, long nowMs) {
    String key = key(secret);
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", key), null).compose(doc -> {
      if (doc == null) {
        return Future.succeededFuture(Optional.empty());
      }
      boolean oldToken = doc.getBoolean("admin", false) && !adminKey.equals(doc.getString("adminKey"));
      if (doc.getLong("expiresAt", 0L) <= nowMs || oldToken) {
        return delete(secret).map(Optional.empty());
      }
      return Future.succeededFuture(Optional.of(new Session(secret,
          new Actor(doc.getString("actor"), doc.getBoolean("admin", false)), doc.getString("csrf"),
          doc.getLong("expiresAt"), new Preferences(doc.getString("language"), doc.getString("timeZone")))));
    });
  }

  /** Every session of an actor takes its new preferences at once. */
  Future<Void> update(Actor actor, Preferences preferences) {
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("actor", actor.name())
            .put("admin", actor.admin()), new JsonObject().put("$set", new JsonObject()
            .put("language", preferences.language()).put("timeZone", preferences.timeZone())),
        new UpdateOptions().setMulti(true)).compose(r -> durability.sync());
  }

  /** Ends every session of an actor but the one of {@code keep} (null: every one); answers how many ended. */
  Future<Long> deleteOf(Actor actor, String keep) {
    JsonObject query = new JsonObject().put("actor", actor.name()).put("admin", actor.admin());
    if (keep != null) {
      query.put("_id", new JsonObject().put("$ne", key(keep)));
    }
    return mongo.removeDocuments(COLLECTION, query)
        .compose(r -> durability.sync().map(r == null ? 0L : r.getRemovedCount()));
  }

  Future<Void> delete(String secret) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key(secret))).compose(r -> durability.sync());
  }

  /** Removes expired sessions; the embedded store ignores TTL indexes, so this runs now and then. */
  Future<Void> deleteExpired(long nowMs) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("expiresAt", new JsonObject().put("$lte", nowMs)))
        .mapEmpty();
  }

  private static String key(String secret) {
    return Sha256.hex(secret);
  }
}
