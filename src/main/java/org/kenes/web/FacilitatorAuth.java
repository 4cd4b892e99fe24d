package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.kenes.account.AccountService;
import org.kenes.account.Actor;
import org.kenes.account.Session;
import org.kenes.common.Forbidden;
import org.kenes.common.Unauthorized;

/**
 * Lets a facilitator through: {@code Authorization: Bearer} with the admin token or a session token from
 * {@code POST /api/session}, or the console's session cookie. A request that changes something on the strength of
 * the cookie must also carry the session's CSRF token (form field {@code csrf} or header {@code X-CSRF-Token}):
 * 403 otherwise. Nobody else gets through: 401, or for a browser asking for a page, the login page. What the caller
 * may do once known is {@link Access}'s.
 */
public final class FacilitatorAuth implements Handler<RoutingContext> {

  public static final String COOKIE = "kenes_session";
  public static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String ACTOR = "kenes.actor";
  private static final String SESSION = "kenes.session";
  private static final String SECRET = "kenes.sessionSecret";

  private final AccountService accounts;
  private final boolean pages;

  private FacilitatorAuth(AccountService accounts, boolean pages) {
    this.accounts = accounts;
    this.pages = pages;
  }

  /** For the JSON API: 401 without a token or session. */
  public static FacilitatorAuth api(AccountService accounts) {
    return new FacilitatorAuth(accounts, false);
  }

  /** For pages: a browser without a session is sent to the login page. */
  public static FacilitatorAuth pages(AccountService accounts) {
    return new FacilitatorAuth(accounts, true);
  }

  /** Who is calling; set by this handler on every route it guards. */
  public static Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  /** The secret of the session the request came with, cookie or bearer token; empty for the admin token. */
  public static Optional<String> sessionSecret(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(SECRET));
  }

  /** The address a request comes from, as the connection has it: what sign-in delays are counted by. */
  public static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
  }

  /** The cookie session of the request, if it came with one (a bearer token has none). */
  public static Optional<Session> session(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(SESSION));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Future<Boolean> known = actor(ctx) != null ? Future.succeededFuture(true) : identify(ctx);
    known.onSuccess(found -> {
      if (!found) {
        refuse(ctx);
        return;
      }
      Session session = ctx.get(SESSION);
      if (session != null && unsafe(ctx.request().method()) && !csrfMatches(ctx, session)) {
        ctx.fail(new Forbidden("this form has expired or did not come from Kenes (no valid CSRF token); "
            + "reload the page and try again"));
        return;
      }
      ctx.next();
    }).onFailure(ctx::fail);
  }

  /**
   * Who the request's token or session cookie names, put on the context; false when they name nobody. The CSRF token
   * of a form is checked later, by {@link #handle}, once the form is read.
   */
  Future<Boolean> identify(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    String secret;
    if (bearer) {
      secret = header.substring(7).trim();
      if (accounts.isAdminToken(secret)) {
        ctx.put(ACTOR, Actor.ADMIN);
        return Future.succeededFuture(true);
      }
    } else {
      Cookie cookie = ctx.request().getCookie(COOKIE);
      if (cookie == null) {
        return Future.succeededFuture(false);
      }
      secret = cookie.getValue();
    }
    return accounts.session(secret).map(found -> found.map(session -> {
      ctx.put(ACTOR, session.actor()).put(SECRET, secret);
      if (!bearer) {
        ctx.put(SESSION, session);
      }
      return true;
    }).orElse(false));
  }

  /** 401, or for a browser asking for a page, the login page. */
  void refuse(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (pages && ctx.request().method() == HttpMethod.GET && accept != null && accept.contains("text/html")) {
      String next = ctx.request().uri();
      ctx.response().setStatusCode(303).putHeader("Location", "/console/login?next="
          + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)).end();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"kenes\"");
    ctx.fail(new Unauthorized("a facilitator token or session is required (Authorization: Bearer …, or sign in at /console)"));
  }

  private static boolean unsafe(HttpMethod method) {
    return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
  }

  static boolean csrfMatches(RoutingContext ctx, Session session) {
    String given = ctx.request().getHeader(CSRF_HEADER);
    if (given == null) {
      given = ctx.request().getFormAttribute(CSRF_FIELD);
    }
    return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8));
  }
}
