package org.kenes.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Headers on every answer: no inline script, no framing, no sniffing, and no referrer that could leak a personal link. */
public final class SecurityHeaders {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  public static void handle(RoutingContext ctx) {
    set(ctx.response().headers());
    ctx.next();
  }

  static void set(MultiMap h) {
    h.set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY")
        .set("Cache-Control", "no-store");
  }
}
