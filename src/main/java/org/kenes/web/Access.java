package org.kenes.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.kenes.account.Actor;
import org.kenes.account.Role;
import org.kenes.account.Roles;
import org.kenes.common.Forbidden;
import org.kenes.common.Unauthorized;

/**
 * Who may call a facilitator route, said where the route is declared and checked here alone:
 * {@code access.need(FACILITATOR, api.post("/studies/:id/rounds")).handler(r::openRound)}. The need is kept in the
 * route's metadata, so that a test can enumerate the router and try every route with every role. It runs after
 * {@link FacilitatorAuth} (which answers 401) and answers 403 when the caller's role on the route's study ({@code :id})
 * does not allow it.
 */
public final class Access {

  /** What a route needs of its caller. */
  public enum Need {
    /** Any signed-in account, whatever its roles (the list of its own studies, creating a study, its preferences). */
    ACCOUNT(null),
    /** At least this role on the study of the route's {@code :id}. */
    READER(Role.READER), FACILITATOR(Role.FACILITATOR), OWNER(Role.OWNER),
    /** The admin (accounts, the whole server's audit). */
    ADMIN(null);

    private final Role role;

    Need(Role role) {
      this.role = role;
    }

    /** The role it takes on the route's study; null for a route not about one study. */
    public Role role() {
      return role;
    }
  }

  static final String METADATA = "kenes.need";
  private static final String ROLE = "kenes.role";

  private final Roles roles;

  public Access(Roles roles) {
    this.roles = roles;
  }

  /** Declares what {@code route} needs and checks it before the route's own handlers; returns the route. */
  public Route need(Need need, Route route) {
    if (need.role() != null && (route.getPath() == null || !route.getPath().contains(":id"))) {
      throw new IllegalArgumentException("a route that needs a role on a study names the study as :id: "
          + route.getPath());
    }
    return route.putMetadata(METADATA, need).handler(ctx -> check(ctx, need));
  }

  /** What a route declared it needs; empty for a route nobody declared (one that needs no facilitator). */
  public static Optional<Need> declared(Route route) {
    return Optional.ofNullable(route.getMetadata(METADATA));
  }

  /** The caller's role on the route's study, once checked (every role for the admin); null on other routes. */
  public static Role role(RoutingContext ctx) {
    return ctx.get(ROLE);
  }

  /** Whether the caller may do what {@code role} may on the route's study. */
  public static boolean allows(RoutingContext ctx, Role role) {
    Role held = role(ctx);
    return held != null && held.includes(role);
  }

  private void check(RoutingContext ctx, Need need) {
    Actor actor = FacilitatorAuth.actor(ctx);
    if (actor == null) {
      ctx.fail(new Unauthorized("a facilitator token or session is required"));
      return;
    }
    if (need == Need.ACCOUNT) {
      ctx.next();
      return;
    }
    if (need == Need.ADMIN) {
      if (actor.admin()) {
        ctx.next();
      } else {
        ctx.fail(new Forbidden("only the admin may do this (accounts, the whole server's audit)"));
      }
      return;
    }
    String study = ctx.pathParam("id");
    roles.of(actor, study).onSuccess(held -> {
      if (held.isPresent() && held.get().includes(need.role())) {
        ctx.put(ROLE, held.get());
        ctx.next();
      } else {
        ctx.fail(new Forbidden(held.map(r -> "your role on study '" + study + "' (" + r.key() + ") does not allow "
            + "this; it needs " + need.role().key()).orElse("you have no role on study '" + study + "'")));
      }
    }).onFailure(ctx::fail);
  }
}
