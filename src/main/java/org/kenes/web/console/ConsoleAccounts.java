package org.kenes.web.console;

import static org.kenes.web.Access.Need.ADMIN;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.services.Services;
import org.kenes.account.Account;
import org.kenes.audit.AuditEntry;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;
import org.kenes.web.api.ApiJson;

/**
 * The admin's page of accounts: each with its email address, whether it is disabled, a new password for it and its
 * sessions to end; a new account; and the whole server's audit. The forms make the same changes as the API, audited
 * the same way.
 */
final class ConsoleAccounts {

  private static final String PAGE = "/console/accounts";

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsoleAccounts(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ConsoleAccounts r = new ConsoleAccounts(services, page, audited);
    access.need(ADMIN, router.get(PAGE)).handler(r::accounts);
    access.need(ADMIN, router.post(PAGE)).handler(r::createAccount);
    access.need(ADMIN, router.post(PAGE + "/:username/email")).handler(r::accountEmail);
    access.need(ADMIN, router.post(PAGE + "/:username/disabled")).handler(r::disabled);
    access.need(ADMIN, router.post(PAGE + "/:username/password")).handler(r::resetPassword);
    access.need(ADMIN, router.post(PAGE + "/:username/sessions/end")).handler(r::endSessions);
  }

  private void accounts(RoutingContext ctx) {
    accountsPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  /**
   * The accounts and the server's audit; {@code form}: a refused form ({@code emailOf}, {@code passwordOf}: the
   * account whose address or password it set).
   */
  private Future<Void> accountsPage(RoutingContext ctx, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    return Future.all(s.accounts().list(), s.audit().all()).compose(all -> page.render(ctx, status, "accounts",
        ConsolePage.model(ctx, viewer.text("console.accounts")).put("form", form)
            .put("accounts", new JsonArray(all.<List<Account>>resultAt(0).stream()
                .map(a -> account(a, form, viewer)).toList()))
            .put("audit", new JsonArray(all.<List<AuditEntry>>resultAt(1).stream()
                .map(e -> ApiJson.audit(e).put("at", viewer.when(e.at()))).toList()))));
  }

  private static JsonObject account(Account a, JsonObject form, Viewer viewer) {
    boolean emailRefused = a.username().equals(form.getString("emailOf"));
    boolean passwordRefused = a.username().equals(form.getString("passwordOf"));
    return new JsonObject().put("username", a.username()).put("name", a.name())
        .put("email", emailRefused ? form.getString("typedEmail") : a.email())
        .put("emailError", emailRefused ? ConsolePage.problemAt(form, "email") : null)
        .put("passwordError", passwordRefused ? ConsolePage.problemAt(form, "password") : null)
        .put("disabled", a.disabled())
        .put("state", viewer.text(a.disabled() ? "console.accounts.disabled" : "console.accounts.active"))
        .put("createdAt", viewer.when(a.createdAt())).put("createdBy", a.createdBy());
  }


  private void createAccount(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    page.submit(ctx, s.accounts().create(form.get("username"), form.get("name"), form.get("password"),
            form.get("email"), FacilitatorAuth.actor(ctx))
            .compose(audited.on(ctx, null, "account.created", Account::username)),
        a -> PAGE + "?done=account-created",
        problems -> accountsPage(ctx, problems.getInteger("status"), problems.put("username", form.get("username"))
            .put("name", form.get("name")).put("email", form.get("email"))));
  }

  /** The admin sets or removes an account's email address; the audit says which account, never the address. */
  private void accountEmail(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    String email = ctx.request().getFormAttribute("email");
    page.submit(ctx, s.accounts().setEmail(username, email).compose(audited.on(ctx, null, "account.email",
            v -> username + (email == null || email.isBlank() ? ": removed" : ": set"))),
        v -> PAGE + "?done=account-email",
        problems -> accountsPage(ctx, problems.getInteger("status"), problems.put("emailOf", username)
            .put("typedEmail", email)));
  }

  /** {@code disabled=true} disables the account (its sessions end), {@code disabled=false} enables it again. */
  private void disabled(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    boolean disabled = "true".equals(ctx.request().getFormAttribute("disabled"));
    page.submit(ctx, s.accounts().control().setDisabled(username, disabled)
            .compose(audited.on(ctx, null, disabled ? "account.disabled" : "account.enabled", v -> username)),
        v -> PAGE + "?done=" + (disabled ? "account-disabled" : "account-enabled"),
        problems -> accountsPage(ctx, problems.getInteger("status"), problems));
  }

  /** A new password for the account ({@code password}); its sessions end. */
  private void resetPassword(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    page.submit(ctx, s.accounts().control().resetPassword(username, ctx.request().getFormAttribute("password"))
            .compose(audited.on(ctx, null, "account.password.reset", v -> username)),
        v -> PAGE + "?done=password-reset",
        problems -> accountsPage(ctx, problems.getInteger("status"), problems.put("passwordOf", username)));
  }

  private void endSessions(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    page.submit(ctx, s.accounts().control().endSessions(username)
            .compose(audited.on(ctx, null, "sessions.ended", n -> username + ": " + n)),
        n -> PAGE + "?done=sessions-ended&n=" + n,
        problems -> accountsPage(ctx, problems.getInteger("status"), problems));
  }
}
