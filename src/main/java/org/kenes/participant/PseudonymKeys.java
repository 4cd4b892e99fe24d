package org.kenes.participant;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Base64;
import org.kenes.common.Recent;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;
import org.kenes.store.Store;

/**
 * The {@code pseudonym-keys} collection: each study's secret for its {@link Pseudonyms}, 256 random bits made the
 * first time they are needed and kept for good with the study's data (a backup carries them, so that an export after
 * a restore names people as before). Several instances on one store agree: the secret is written by an upsert that
 * only ever inserts, so the first write decides and every other reads what it wrote, and it is durable before any
 * pseudonym made from it leaves the server.
 */
public final class PseudonymKeys {

  static final String COLLECTION = "pseudonym-keys";

  private final MongoClient mongo;
  private final Durability durability;
  /** A study's secret never changes once written: read once an hour. */
  private final Recent<String, Pseudonyms> known = new Recent<>(3_600_000, 10_000, System::currentTimeMillis);

  public PseudonymKeys(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** The pseudonyms of a study, its secret made if it has none yet. */
  public Future<Pseudonyms> of(String study) {
    return known.get(study, this::load);
  }

  /** Lets go of a deleted study's secret, so that a new study of the same id gets a secret of its own. */
  public void forget(String study) {
    known.forget(study);
  }

  private Future<Pseudonyms> load(String study) {
    JsonObject id = new JsonObject().put("_id", study);
    JsonObject secret = new JsonObject().put("secret", Base64.getEncoder().encodeToString(Tokens.secret()))
        .put("createdAt", Instant.now().toString());
    return mongo.findOneAndUpdateWithOptions(COLLECTION, id, new JsonObject().put("$setOnInsert", secret),
            new FindOptions(), new UpdateOptions().setUpsert(true).setReturningNewDocument(true))
        // Two first upserts at once on a real MongoDB: one of them may fail on the key the other wrote.
        .recover(e -> Store.isDuplicateKey(e) ? mongo.findOne(COLLECTION, id, null) : Future.failedFuture(e))
        .compose(doc -> durability.sync().map(doc))
        .map(doc -> new Pseudonyms(Base64.getDecoder().decode(doc.getString("secret"))));
  }
}
