package org.kenes.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kenes.common.Invalid;

/** Request bodies read once, with a 400 naming the problem instead of an exception from deep inside a codec. */
public final class Bodies {

  private Bodies() {}

  public static String text(RoutingContext ctx) {
    String body = ctx.body().asString();
    if (body == null || body.isBlank()) {
      throw new Invalid("", "the request has no body");
    }
    return body;
  }

  public static JsonObject jsonObject(RoutingContext ctx) {
    String body = text(ctx);
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new Invalid("", "the body must be a JSON object");
    }
  }
}
