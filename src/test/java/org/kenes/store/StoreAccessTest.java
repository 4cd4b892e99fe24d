package org.kenes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.AdminToken;
import org.kenes.config.KenesConfig;

/** The embedded store is the running Kenes' alone: its files are owner-only and its port asks for a secret. */
class StoreAccessTest {

  @TempDir
  Path dir;

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  @DisplayName("the data folder is created owner-only (0700), the store, its connection string and the token 0600")
  void ownerOnlyFiles() throws Exception {
    Path data = dir.resolve("data");
    try (TestStore store = TestStore.open(data)) {
      AdminToken.resolve(KenesConfig.from(Map.of(KenesConfig.DATA_DIR, data.toString())));
      assertTrue(store.store().embeddedUri().contains("@127.0.0.1:"), "the connection string carries the secret");
      assertEquals("rwx------", permissions(data));
      for (String file : new String[] {"kenes.mv.db", Store.URI_FILE, "admin-token"}) {
        assertEquals("rw-------", permissions(data.resolve(file)), file);
      }
    }
  }

  @Test
  @DisplayName("a data folder left readable by an older Kenes is made owner-only at start")
  void olderFolderTightened() throws Exception {
    Path data = dir.resolve("old");
    TestStore.open(data).close();
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data.resolve("kenes.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    TestStore.open(data).close();
    assertEquals("rwx------", permissions(data));
    assertEquals("rw-------", permissions(data.resolve("kenes.mv.db")));
  }

  @Test
  @DisplayName("a client without the store's secret is refused, with a wrong one too; the data folder's string works")
  void secretRequired() throws Exception {
    try (TestStore store = TestStore.open(dir.resolve("data"))) {
      store.client().insert("studies", new JsonObject().put("_id", "kept")).await();
      String uri = Files.readString(dir.resolve("data").resolve(Store.URI_FILE)).trim();
      String address = uri.replaceAll("^mongodb://([^@/]*@)?([^/?]+).*$", "$2");
      assertTrue(address.startsWith("127.0.0.1:"), uri);
      Vertx vertx = store.vertx();
      assertFalse(works(vertx, "mongodb://" + address), "no credentials: refused");
      assertFalse(works(vertx, "mongodb://kenes:guessed@" + address + "/?authSource=%24external&authMechanism=PLAIN"),
          "a wrong secret: refused");
      assertTrue(works(vertx, uri), "the connection string in the data folder reaches the store");
    }
  }

  /** Whether a client can read the studies and write a session through {@code uri}. */
  private static boolean works(Vertx vertx, String uri) {
    MongoClient client = MongoClient.create(vertx, new JsonObject().put("connection_string", uri)
        .put("db_name", "kenes").put("serverSelectionTimeoutMS", 3000));
    try {
      return Future.all(client.find("studies", new JsonObject()),
              client.insert("sessions", new JsonObject().put("_id", "forged").put("admin", true)))
          .map(true).otherwise(false).await();
    } finally {
      client.close().await();
    }
  }
}
