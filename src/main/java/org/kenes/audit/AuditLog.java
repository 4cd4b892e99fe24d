package org.kenes.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import org.kenes.account.Actor;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;

/**
 * The {@code audit} collection: every facilitator action, appended and never changed. Unlike the other collections,
 * an entry records that something was done (twice, if it was done twice), so its id is the time and a random part:
 * sorting by id is sorting by time.
 */
public final class AuditLog {

  static final String COLLECTION = "audit";

  /** The action of an edit of a study's definition (which the report counts after round 1 opened). */
  public static final String STUDY_EDITED = "study.edited";

  private final MongoClient mongo;
  private final Durability durability;

  public AuditLog(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Records an action once it is done; answered once durable. */
  public Future<Void> record(Actor actor, String action, String target, String study, String detail) {
    Instant now = Instant.now();
    JsonObject doc = new JsonObject().put("_id", String.format(java.util.Locale.ROOT, "%015d-%s", now.toEpochMilli(), Tokens.token()))
        .put("at", now.toString()).put("actor", actor.name()).put("action", action).put("target", target)
        .put("study", study).put("detail", detail);
    return mongo.insert(COLLECTION, doc).compose(id -> durability.sync());
  }

  /** A study's entries, oldest first. */
  public Future<List<AuditEntry>> forStudy(String study) {
    return find(new JsonObject().put("study", study));
  }

  /** Every entry, oldest first. */
  public Future<List<AuditEntry>> all() {
    return find(new JsonObject());
  }

  private Future<List<AuditEntry>> find(JsonObject query) {
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(d -> new AuditEntry(d.getString("at"), d.getString("actor"),
            d.getString("action"), d.getString("target"), d.getString("study"), d.getString("detail"))).toList());
  }
}
