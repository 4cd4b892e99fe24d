package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kenes.common.NotFound;

/**
 * The failure handler alone, on a router of two failing routes: it answers JSON or a page by what the client accepts.
 */
@ExtendWith(VertxExtension.class)
class FailuresTest {

  private WebClient client;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext test) {
    Failures failures = new Failures(new Views(Path.of("webroot")));
    Router router = Router.router(vertx);
    router.get("/api/thing").handler(ctx -> ctx.fail(new NotFound("no such thing")));
    router.get("/page").handler(ctx -> ctx.fail(new NotFound("no such thing")));
    router.route().failureHandler(failures::handle);
    vertx.createHttpServer().requestHandler(router).listen(0).onComplete(test.succeeding(server -> {
      client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
          .setDefaultPort(server.actualPort()));
      test.completeNow();
    }));
  }

  private Future<HttpResponse<Buffer>> get(String path, String accept) {
    var request = client.get(path);
    return (accept == null ? request : request.putHeader("Accept", accept)).send();
  }

  @Test
  @DisplayName("a client that accepts JSON gets the error as JSON, on a page's address too")
  void json(VertxTestContext test) {
    get("/page", "application/json").onComplete(test.succeeding(r -> test.verify(() -> {
      assertEquals(404, r.statusCode());
      assertEquals("application/json", r.getHeader("Content-Type"));
      assertEquals("no such thing", r.bodyAsJsonObject().getString("error"));
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("a browser that asks for HTML gets an error page, on the API's address too")
  void html(VertxTestContext test) {
    get("/api/thing", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .onComplete(test.succeeding(r -> test.verify(() -> {
          assertEquals(404, r.statusCode());
          assertTrue(r.getHeader("Content-Type").startsWith("text/html"), r.getHeader("Content-Type"));
          test.completeNow();
        })));
  }

  @Test
  @DisplayName("a client that accepts anything gets JSON under /api and a page elsewhere")
  void byAddress(VertxTestContext test) {
    get("/api/thing", "*/*").compose(api -> get("/page", null).map(page -> {
      test.verify(() -> {
        assertEquals("application/json", api.getHeader("Content-Type"));
        assertTrue(page.getHeader("Content-Type").startsWith("text/html"), page.getHeader("Content-Type"));
      });
      return page;
    })).onComplete(test.succeedingThenComplete());
  }
}
