package org.kenes.web.api;

import static org.kenes.web.Access.Need.ACCOUNT;
import static org.kenes.web.Access.Need.ADMIN;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.account.Account;
import org.kenes.account.Actor;
import org.kenes.common.Invalid;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Responses;

/**
 * Accounts and API sessions: {@code POST /api/session} signs in for a bearer token, {@code DELETE /api/session}
 * signs out; {@code /api/accounts} (accounts with their email addresses, disabling them, new passwords, ending their
 * sessions) is the admin's alone; {@code /api/me} is the caller's own password and sessions.
 */
final class AccountRoutes {

  private final Services s;
  private final Audited audited;

  private AccountRoutes(Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
  }

  static void mount(Router api, Services services, FacilitatorAuth auth, Access access, Audited audited) {
    AccountRoutes r = new AccountRoutes(services, audited);
    api.post("/session").handler(r::login);
    access.need(ACCOUNT, api.delete("/session").handler(auth)).handler(r::logout);
    api.route("/accounts*").handler(auth);
    access.need(ADMIN, api.post("/accounts")).handler(r::createAccount);
    access.need(ADMIN, api.get("/accounts")).handler(r::listAccounts);
    access.need(ADMIN, api.put("/accounts/:username/email")).handler(r::setEmail);
    access.need(ADMIN, api.put("/accounts/:username/disabled")).handler(r::setDisabled);
    access.need(ADMIN, api.put("/accounts/:username/password")).handler(r::resetPassword);
    access.need(ADMIN, api.delete("/accounts/:username/sessions")).handler(r::endSessions);
    access.need(ACCOUNT, api.put("/me/password").handler(auth)).handler(r::changePassword);
    access.need(ACCOUNT, api.delete("/me/sessions").handler(auth)).handler(r::endOwnSessions);
  }

  /** {@code {"username", "password"}}, or the admin token alone as the password → a token for {@code Bearer}. */
  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.accounts().login(body.getValue("username") instanceof String u ? u : null,
            body.getValue("password") instanceof String p ? p : null, null, FacilitatorAuth.address(ctx))
        .compose(session -> s.audit().record(session.actor(), "login", session.actor().name(), null, "api")
            .map(session))
        .onSuccess(session -> Responses.json(ctx, 200, new JsonObject().put("token", session.secret())
            .put("actor", session.actor().name()).put("admin", session.actor().admin())
            .put("expiresAt", java.time.Instant.ofEpochMilli(session.expiresAtMs()).toString())))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String secret = FacilitatorAuth.session(ctx).map(org.kenes.account.Session::secret)
        .orElse(header == null ? "" : header.substring(Math.min(7, header.length())).trim());
    s.accounts().logout(secret)
        .compose(v -> audited.on(ctx, null, "logout", x -> FacilitatorAuth.actor(ctx).name()).apply(v))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void createAccount(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.accounts().create(body.getValue("username") instanceof String u ? u : null,
            body.getValue("name") instanceof String n ? n : null,
            body.getValue("password") instanceof String p ? p : null,
            body.getValue("email") instanceof String e ? e : null, FacilitatorAuth.actor(ctx))
        .compose(audited.on(ctx, null, "account.created", Account::username))
        .onSuccess(a -> Responses.json(ctx, 201, account(a)))
        .onFailure(ctx::fail);
  }

  private void listAccounts(RoutingContext ctx) {
    s.accounts().list()
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(AccountRoutes::account).toList())))
        .onFailure(ctx::fail);
  }

  /** {@code {"email": "..."}} sets an account's email address, {@code {"email": null}} removes it. */
  private void setEmail(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    String username = ctx.pathParam("username");
    Object typed = body.getValue("email");
    String email = typed instanceof String e ? e : null;
    // Only an address or an explicit null: anything else would remove the address by mistake.
    Future<Void> set = !body.containsKey("email") || typed != null && email == null
        ? Future.failedFuture(Invalid.worded("email", "problem.account.email"))
        : s.accounts().setEmail(username, email);
    set.compose(v -> s.accounts().find(username))
        .compose(audited.on(ctx, null, "account.email", a -> username + (email == null || email.isBlank()
            ? ": removed" : ": set")))
        .onSuccess(a -> Responses.json(ctx, 200, account(a.orElseThrow())))
        .onFailure(ctx::fail);
  }

  /** {@code {"disabled": true}} disables an account (its sessions end), {@code {"disabled": false}} enables it. */
  private void setDisabled(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    Object typed = Bodies.jsonObject(ctx).getValue("disabled");
    Future<Void> set = typed instanceof Boolean disabled ? s.accounts().control().setDisabled(username, disabled)
        : Future.failedFuture(Invalid.worded("disabled", "problem.account.disabled"));
    set.compose(v -> s.accounts().find(username))
        .compose(audited.on(ctx, null, Boolean.TRUE.equals(typed) ? "account.disabled" : "account.enabled",
            a -> username))
        .onSuccess(a -> Responses.json(ctx, 200, account(a.orElseThrow())))
        .onFailure(ctx::fail);
  }

  /** {@code {"password"}}: the admin gives an account a new password; its sessions end. */
  private void resetPassword(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    Object typed = Bodies.jsonObject(ctx).getValue("password");
    s.accounts().control().resetPassword(username, typed instanceof String p ? p : null)
        .compose(audited.on(ctx, null, "account.password.reset", v -> username))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Ends every session of an account → {@code {"ended": n}}. */
  private void endSessions(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    s.accounts().control().endSessions(username)
        .compose(audited.on(ctx, null, "sessions.ended", n -> username + ": " + n))
        .onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("ended", n)))
        .onFailure(ctx::fail);
  }

  /** {@code {"current", "password"}}: an account changes its own password; its other sessions end. */
  private void changePassword(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    Actor actor = FacilitatorAuth.actor(ctx);
    s.accounts().control().changePassword(actor, body.getValue("current") instanceof String c ? c : null,
            body.getValue("password") instanceof String p ? p : null, FacilitatorAuth.sessionSecret(ctx).orElse(null),
            FacilitatorAuth.address(ctx))
        .compose(audited.on(ctx, null, "account.password.changed", v -> actor.name()))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Signs the caller out everywhere: every session of theirs ends, this one too → {@code {"ended": n}}. */
  private void endOwnSessions(RoutingContext ctx) {
    Actor actor = FacilitatorAuth.actor(ctx);
    s.accounts().control().endSessions(actor, null)
        .compose(audited.on(ctx, null, "sessions.ended", n -> actor.name() + ": " + n))
        .onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("ended", n)))
        .onFailure(ctx::fail);
  }

  private static JsonObject account(Account a) {
    return new JsonObject().put("username", a.username()).put("name", a.name()).put("email", a.email())
        .put("createdAt", a.createdAt()).put("createdBy", a.createdBy()).put("disabled", a.disabled());
  }
}
