package org.kenes.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.kenes.common.Unauthorized;

/** Lets a facilitator call through: {@code Authorization: Bearer <admin token>}. Anyone else gets 401. */
final class FacilitatorAuth implements Handler<RoutingContext> {

  private final byte[] token;

  FacilitatorAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && matches(header.substring(7).trim())) {
      ctx.next();
    } else {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"kenes\"");
      ctx.fail(new Unauthorized("a facilitator token is required (Authorization: Bearer …)"));
    }
  }

  boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }
}
