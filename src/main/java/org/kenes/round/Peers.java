package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.UUID;
import org.kenes.store.Dump;

/**
 * Whether other instances of Kenes may be saving answers into the same store, which a close must then wait out
 * ({@link SaveFence}). An instance on a MongoDB server assumes so. The instance that runs the embedded store knows
 * better: a second instance on its data (through its connection string) says it is there, every second, in the
 * {@code instances} collection, from before it takes a request; the owner looks for one seen in the last
 * {@link #FRESH_MS}. The collection is never dumped: it says nothing about any study.
 */
public final class Peers {

  static final String COLLECTION = Dump.INSTANCES;
  static final long BEAT_MS = 1_000;
  /** How long a second instance counts as there after it last said so: many beats, and clocks a few seconds apart. */
  static final long FRESH_MS = 10_000;

  private final MongoClient mongo;
  private final boolean owner;
  private final String id = UUID.randomUUID().toString();
  private long timer = -1;

  /** @param owner this instance runs the embedded store the others connect to */
  public Peers(MongoClient mongo, boolean owner) {
    this.mongo = mongo;
    this.owner = owner;
  }

  /** Says this instance is there, now and every second after, unless it owns the store; answers once said. */
  public Future<Void> start(Vertx vertx) {
    if (owner) {
      return Future.succeededFuture();
    }
    timer = vertx.setPeriodic(BEAT_MS, t -> beat());
    return beat();
  }

  private Future<Void> beat() {
    return mongo.save(COLLECTION, new JsonObject().put("_id", id).put("at", System.currentTimeMillis())).mapEmpty();
  }

  /** Stops saying so, and takes back what it said. */
  public Future<Void> stop(Vertx vertx) {
    if (owner) {
      return Future.succeededFuture();
    }
    vertx.cancelTimer(timer);
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", id)).mapEmpty();
  }

  /** Whether another instance may be saving into this store. */
  Future<Boolean> others() {
    if (!owner) {
      return Future.succeededFuture(true);
    }
    JsonObject fresh = new JsonObject().put("at", new JsonObject().put("$gt", System.currentTimeMillis() - FRESH_MS));
    return mongo.count(COLLECTION, fresh).map(n -> n > 0);
  }
}
