package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.KenesConfig;

/** With KENES_MONGO_URI pointing at a store that is down, Kenes starts, says so, and recovers when it returns. */
class StoreDownTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a store that is down: the server starts, /health and requests answer 503, and it recovers")
  void storeDownThenBack() throws Exception {
    // The store's port is held by a socket bound to it without listening: connections to it are refused, as to a
    // store that is down, and no other process can take the port before the store comes back on it.
    Socket holder = new Socket();
    holder.bind(new InetSocketAddress("127.0.0.1", 0));
    int port = holder.getLocalPort();
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    Files.writeString(surveys.resolve("small.yaml"), TestKenes.resource("studies/small.yaml"));
    String uri = "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=800&connectTimeoutMS=500";
    try (holder; TestKenes kenes = TestKenes.start(dir.resolve("data"), surveys, Map.of(KenesConfig.MONGO_URI, uri))) {
      assertEquals(503, kenes.get("/health").statusCode());
      HttpResponse<Buffer> r = kenes.adminGet("/api/studies");
      assertEquals(503, r.statusCode());
      assertTrue(r.bodyAsJsonObject().getString("error").contains("store does not answer"));
      assertEquals(503, kenes.get("/p/" + "x".repeat(32)).statusCode(), "a link that could be one is looked up");
      assertEquals(404, kenes.get("/p/some-token").statusCode(), "one that cannot be one is nobody's, store or not");

      MongoServer store = new MongoServer(new MemoryBackend());
      holder.close();
      store.bind("127.0.0.1", port);
      try {
        Wait.until("the study files are loaded once the store answers",
            () -> kenes.adminGet("/api/studies").bodyAsString().contains("small"));
        assertEquals(200, kenes.get("/health").statusCode());
        assertEquals("small", kenes.adminGet("/api/studies").bodyAsJsonArray().getJsonObject(0).getString("id"),
            "the study files were loaded once the store answered");
        assertEquals(201, kenes.adminPost("/api/studies/small/rounds").statusCode());
      } finally {
        store.shutdownNow();
      }
    }
  }
}
