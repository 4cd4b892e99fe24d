package org.kenes.web;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long a client may take to send a request, so that slow or half-sent requests cannot hold connections: a request's
 * head must arrive within {@value #HEAD_MS} ms of the connection opening or of the previous answer on it, and its body
 * within {@value #BODY_MS} ms of its head. A connection that misses a deadline is closed (after a 408 when no answer
 * has begun). A connection silent for {@value #IDLE_SECONDS} s is closed by the server's idle timeout besides; the time
 * Kenes itself takes to answer, and a live stream's answer, are not limited.
 */
public final class ClientDeadlines implements Handler<RoutingContext> {

  static final long HEAD_MS = 10_000;
  static final long BODY_MS = 20_000;
  public static final int IDLE_SECONDS = 30;

  private final Vertx vertx;
  /** The head deadline's timer of each connection awaiting a request. */
  private final Map<HttpConnection, Long> awaiting = new ConcurrentHashMap<>();

  public ClientDeadlines(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A new connection: its first request's head is due. */
  public void connected(HttpConnection connection) {
    awaitRequest(connection);
    connection.closeHandler(v -> {
      Long timer = awaiting.remove(connection);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
    });
  }

  /** A request's head has arrived: its body is due, and the next request's head once this one is answered. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    Long timer = awaiting.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
    long body = request.isEnded() ? -1 : vertx.setTimer(BODY_MS, t -> {
      if (!request.isEnded()) {
        tooSlow(ctx);
      }
    });
    ctx.addEndHandler(r -> {
      vertx.cancelTimer(body);
      if (r.succeeded() && !ctx.response().closed()) {
        awaitRequest(connection);
      }
    });
    ctx.next();
  }

  private void awaitRequest(HttpConnection connection) {
    long timer = vertx.setTimer(HEAD_MS, t -> {
      if (awaiting.remove(connection) != null) {
        connection.close();
      }
    });
    Long before = awaiting.put(connection, timer);
    if (before != null) {
      vertx.cancelTimer(before);
    }
  }

  private static void tooSlow(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.request().connection().close();
      return;
    }
    BodyGate.closeAfterAnswer(ctx);
    ctx.fail(408);
  }
}
