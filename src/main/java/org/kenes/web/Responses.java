package org.kenes.web;

import io.vertx.ext.web.RoutingContext;

/** JSON answers, written one way. */
public final class Responses {

  private Responses() {}

  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(io.vertx.core.json.Json.encode(body));
  }
}
