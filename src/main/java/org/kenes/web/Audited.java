package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.kenes.audit.AuditLog;

/**
 * Records a facilitator's action in the audit once it has succeeded, before it is answered, for the API and the
 * console alike: {@code service.act(...).compose(audited.by(ctx, "round.opened", r -> "round " + r.number()))}.
 */
public final class Audited {

  private final AuditLog log;

  public Audited(AuditLog log) {
    this.log = log;
  }

  /** On the study of the route's {@code :id}. */
  public <T> Function<T, Future<T>> by(RoutingContext ctx, String action, Function<T, String> target) {
    return on(ctx, ctx.pathParam("id"), action, target);
  }

  /** On a given study, or on none (null) for actions on the server itself. */
  public <T> Function<T, Future<T>> on(RoutingContext ctx, String study, String action, Function<T, String> target) {
    return result -> log.record(FacilitatorAuth.actor(ctx), action, target.apply(result), study, null).map(result);
  }
}
