package org.kenes.web;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** JSON answers, written one way. */
public final class Responses {

  /** The header that tells how many entries of a list matched, when only a page of them is sent. */
  public static final String TOTAL = "X-Total-Count";

  private Responses() {}

  public static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Json.encode(body));
  }

  /**
   * A list the API may page ({@link Listing}): a JSON array as ever, with {@value #TOTAL}; each entry made by
   * {@code as} and the whole written out on a worker, as the whole list of 20,000 messages is megabytes of JSON.
   */
  public static <T> void page(RoutingContext ctx, Listing.Page<T> page, Function<T, Object> as) {
    ctx.vertx().executeBlocking(() -> new JsonArray(page.items().stream().map(as).toList()).toBuffer(), false)
        .onSuccess(json -> ctx.response().setStatusCode(200).putHeader(TOTAL, String.valueOf(page.total()))
            .putHeader("Content-Type", "application/json; charset=utf-8").end(json))
        .onFailure(ctx::fail);
  }
}
