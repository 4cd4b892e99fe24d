package org.kenes.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kenes.common.PrivateFiles;
import org.kenes.config.KenesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB the repositories talk to: a real one through {@code KENES_MONGO_URI}, or the embedded server (H2 file
 * backend) on a loopback port, reached through the same driver either way.
 */
public final class Store {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final String DATABASE = "kenes";
  /** In the data directory while an embedded store runs: its connection string. */
  public static final String URI_FILE = "store-uri";

  private final MongoClient client;
  private final Durability durability;
  private final MongoServer embedded;
  private final String embeddedUri;
  private final H2Backend backend;
  private final Path dataDir;

  private Store(MongoClient client, Durability durability, MongoServer embedded, String embeddedUri, H2Backend backend,
      Path dataDir) {
    this.client = client;
    this.durability = durability;
    this.embedded = embedded;
    this.embeddedUri = embeddedUri;
    this.backend = backend;
    this.dataDir = dataDir;
  }

  public static Future<Store> open(Vertx vertx, KenesConfig config) {
    if (!config.embeddedStore()) {
      LOG.info("Store: MongoDB at {}", redact(config.mongoUri()));
      return Future.succeededFuture(
          new Store(client(vertx, config.mongoUri()), Durability.byWriteConcern(), null, null, null, null));
    }
    return vertx.executeBlocking(() -> startEmbedded(vertx, config));
  }

  private static Store startEmbedded(Vertx vertx, KenesConfig config) throws IOException {
    PrivateFiles.folder(config.dataDir());
    Path file = config.dataDir().resolve("kenes.mv.db").toAbsolutePath();
    StoreSecret secret = StoreSecret.random();
    // Background compaction was seen to free chunks still being read under load ("Chunk … not found"): the file is
    // left to reuse dead chunks' space instead.
    H2Backend backend = new EmbeddedBackend(new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0)
        .cacheSize(cacheMb(Runtime.getRuntime().maxMemory())).open(), secret);
    PrivateFiles.restrict(file);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    String uri = secret.uri(address.getHostString() + ":" + address.getPort());
    // Tools such as kenes backup, and a second instance, reach a running embedded store through this file.
    PrivateFiles.write(config.dataDir().resolve(URI_FILE), uri);
    LOG.info("Store: embedded MongoDB-compatible server on {} with data in {}", redact(uri), file);
    return new Store(client(vertx, uri), new GroupCommit(vertx, backend), server, uri, backend, config.dataDir());
  }

  /**
   * The embedded store's cache of pages in memory, in MB: a quarter of the heap, between H2's default of 16 and 1,024.
   * The store runs inside Kenes, so its cache is Kenes' database memory; a page not in it is read and decoded again
   * (documents are counted at their size in memory: {@link DocumentType}).
   */
  static int cacheMb(long maxHeapBytes) {
    return (int) Math.max(16, Math.min(1_024, maxHeapBytes / 4 / (1024 * 1024)));
  }

  private static MongoClient client(Vertx vertx, String uri) {
    JsonObject options = new JsonObject().put("connection_string", uri).put("db_name", DATABASE);
    // A store that is down must answer a request within seconds (the driver would wait 30), unless the URI says.
    if (!uri.contains("serverSelectionTimeoutMS")) {
      options.put("serverSelectionTimeoutMS", 5000);
    }
    if (!uri.contains("connectTimeoutMS")) {
      options.put("connectTimeoutMS", 5000);
    }
    return MongoClient.createShared(vertx, options, "kenes-" + uri);
  }

  public MongoClient client() {
    return client;
  }

  /** Whether the store answers, within a few seconds. */
  public Future<Void> ping() {
    return client.runCommand("ping", new JsonObject().put("ping", 1)).timeout(3, java.util.concurrent.TimeUnit.SECONDS)
        .mapEmpty();
  }

  public Durability durability() {
    return durability;
  }

  /**
   * The connection string of the embedded server, with its secret, for tools and a second instance on the same data;
   * null otherwise.
   */
  public String embeddedUri() {
    return embeddedUri;
  }

  public Future<Void> close(Vertx vertx) {
    return client.close().compose(v -> vertx.executeBlocking(() -> {
      if (embedded != null) {
        backend.commit();
        embedded.shutdownNow();
        Files.deleteIfExists(dataDir.resolve(URI_FILE));
      }
      return null;
    }));
  }

  /** Whether a failure means the store cannot be reached now (rather than a bad request or a bug). */
  public static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.mongodb.MongoTimeoutException || t instanceof com.mongodb.MongoSocketException
          || t instanceof com.mongodb.MongoNotPrimaryException || t instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Whether a write failed on a unique index (error 11000), on a real MongoDB and on the embedded server alike. */
  public static boolean isDuplicateKey(Throwable e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("E11000") || m.contains("duplicate key");
  }

  private static String redact(String uri) {
    return uri.replaceAll("//[^@/]*@", "//***@");
  }
}
