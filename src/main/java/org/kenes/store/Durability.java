package org.kenes.store;

import io.vertx.core.Future;

/** Makes acknowledged writes survive a crash: a write is answered only once {@link #sync()} has completed after it. */
public interface Durability {

  /** Completes once every write that completed before this call is on disk. */
  Future<Void> sync();

  /** For a real MongoDB the write concern of the connection string already decides durability. */
  static Durability byWriteConcern() {
    return Future::succeededFuture;
  }
}
