package org.kenes.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Durability for the embedded store: H2 commits on its own only about once a second, so every writer asks for a
 * commit, and the writers of a few milliseconds share one commit on a worker thread.
 */
final class GroupCommit implements Durability {

  private static final long WINDOW_MS = 2;

  private final Vertx vertx;
  private final H2Backend backend;
  /** One thread: commits follow each other, never overlap. */
  private final WorkerExecutor committer;
  private Future<Void> next;

  GroupCommit(Vertx vertx, H2Backend backend) {
    this.vertx = vertx;
    this.backend = backend;
    this.committer = vertx.createSharedWorkerExecutor("kenes-group-commit", 1);
  }

  @Override
  public synchronized Future<Void> sync() {
    if (next == null) {
      next = vertx.timer(WINDOW_MS).compose(t -> committer.executeBlocking(this::commit));
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
