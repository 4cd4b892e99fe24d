package org.kenes.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bench's outside load client against a server that answers as told: it counts what it was answered. */
class HttpLoadTest {

  @Test
  @DisplayName("each load is warmed up, then measured; answers other than 2xx count as errors, bodies by their size")
  void countsAnswersAndErrors() {
    Vertx vertx = Vertx.vertx();
    AtomicInteger puts = new AtomicInteger();
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
        if (request.method().name().equals("PUT") && body.toString().equals("{\"a\":1}")) {
          puts.incrementAndGet();
        }
        request.response().setStatusCode(request.path().equals("/bad") ? 500 : 200).end("12345");
      })).listen(0).await();
      String base = "http://127.0.0.1:" + server.actualPort();
      List<JsonObject> results = HttpLoad.measure(new JsonObject().put("connections", 4).put("warmUpSeconds", 1)
          .put("seconds", 1).put("loads", new JsonArray()
              .add(new JsonObject().put("name", "ok").put("method", "PUT").put("body", "{\"a\":1}")
                  .put("urls", new JsonArray().add(base + "/ok").add(base + "/ok?again")))
              .add(new JsonObject().put("name", "bad").put("urls", new JsonArray().add(base + "/bad")))));
      JsonObject ok = results.get(0);
      JsonObject bad = results.get(1);
      assertEquals("ok", ok.getString("name"));
      assertTrue(ok.getInteger("requests") > 0 && ok.getDouble("perSecond") > 0, ok.encode());
      assertEquals(0, ok.getInteger("errors"));
      assertEquals(5, ok.getLong("meanBytes"));
      assertTrue(ok.getDouble("p99Ms") >= ok.getDouble("p50Ms"), ok.encode());
      assertTrue(puts.get() >= ok.getInteger("requests"), "warm-up and measure both sent the body");
      assertEquals(bad.getInteger("requests"), bad.getInteger("errors"), bad.encode());
    } finally {
      vertx.close().await();
    }
  }
}
