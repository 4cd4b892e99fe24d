package org.kenes.store;

import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.Map;
import org.kenes.config.KenesConfig;

/** An embedded store in a folder of a test's own, with the Vert.x it runs on: for tests of what lies on the store. */
public final class TestStore implements AutoCloseable {

  private final Vertx vertx;
  private final Store store;

  private TestStore(Vertx vertx, Store store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** Opens the store kept in {@code dir}: a new one, or the one a closed TestStore left there. */
  public static TestStore open(Path dir) {
    Vertx vertx = Vertx.vertx();
    return new TestStore(vertx, Store.open(vertx, KenesConfig.from(Map.of(KenesConfig.DATA_DIR, dir.toString())))
        .await());
  }

  public Vertx vertx() {
    return vertx;
  }

  public Store store() {
    return store;
  }

  public MongoClient client() {
    return store.client();
  }

  /** Closes the store (committed) and its Vert.x. */
  @Override
  public void close() {
    store.close(vertx).await();
    vertx.close().await();
  }
}
