package org.kenes.web.api;

import static org.kenes.web.Access.Need.ACCOUNT;
import static org.kenes.web.Access.Need.ADMIN;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.account.Account;
import org.kenes.common.Invalid;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Responses;

/**
 * Accounts and API sessions: {@code POST /api/session} signs in for a bearer token, {@code DELETE /api/session}
 * signs out; {@code /api/accounts} (accounts with their email addresses) is the admin's alone.
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
  }

  /** {@code {"username", "password"}}, or the admin token alone as the password → a token for {@code Bearer}. */
  private void login(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.accounts().login(body.getValue("username") instanceof String u ? u : null,
            body.getValue("password") instanceof String p ? p : null)
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

  private static JsonObject account(Account a) {
    return new JsonObject().put("username", a.username()).put("name", a.name()).put("email", a.email())
        .put("createdAt", a.createdAt()).put("createdBy", a.createdBy());
  }
}
