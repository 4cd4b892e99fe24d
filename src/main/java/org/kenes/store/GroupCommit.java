package org.kenes.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Durability for the embedded store: H2 commits on its own only about once a second, so every writer asks for a
 * commit, and the writers of a few milliseconds share one commit on a worker thread.
 */
final class GroupCommit implements Durability {

  private static final long WINDOW_MS = 2;

  private final Vertx vertx;
  private final H2Backend backend;
  private Future<Void> next;

  GroupCommit(Vertx vertx, H2Backend backend) {
    this.vertx = vertx;
    this.backend = backend;
  }

  @Override
  public synchronized Future<Void> sync() {
    if (next == null) {
      next = vertx.timer(WINDOW_MS).compose(t -> vertx.executeBlocking(this::commit, false));
    }
    return next;
  }

  private Void commit() {
    // Writers arriving from here on are not covered by this commit, so they must start the next one.
    synchronized (this) {
      next = null;
    }
    backend.commit();
    return null;
  }
}
