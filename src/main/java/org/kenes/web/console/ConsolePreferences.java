package org.kenes.web.console;

import static org.kenes.web.Access.Need.ACCOUNT;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.kenes.account.Account;
import org.kenes.account.AccountService;
import org.kenes.account.Actor;
import org.kenes.account.Preferences;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * The signed-in person's own settings: the console's language (also switched from every page's header) and the time
 * zone its dates are shown in, kept with the account (for the admin, in the store) and taken by its sessions at once;
 * an account's email address, for the retention warnings of the studies it owns; its password; and signing out
 * everywhere.
 */
final class ConsolePreferences {

  private static final String REGION_ZONE =
      "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+";
  /** The zones a person can choose: UTC and the named zones of regions ({@code Asia/Almaty}), sorted. */
  private static final List<String> ZONES = zones();

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsolePreferences(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ConsolePreferences r = new ConsolePreferences(services, page, audited);
    access.need(ACCOUNT, router.get("/console/preferences")).handler(r::preferences);
    access.need(ACCOUNT, router.post("/console/preferences")).handler(r::save);
    access.need(ACCOUNT, router.post("/console/language")).handler(r::switchLanguage);
    access.need(ACCOUNT, router.post("/console/password")).handler(r::changePassword);
    access.need(ACCOUNT, router.post("/console/sessions/end")).handler(r::signOutEverywhere);
  }

  /**
   * An account's new password ({@code current}, {@code password}): its other sessions end, this one goes on. A
   * refused form comes back with the problem at its field, never with what was typed.
   */
  private void changePassword(RoutingContext ctx) {
    MultiMap f = ctx.request().formAttributes();
    Actor actor = FacilitatorAuth.actor(ctx);
    page.submit(ctx, s.accounts().control().changePassword(actor, f.get("current"), f.get("password"),
                FacilitatorAuth.sessionSecret(ctx).orElse(null), FacilitatorAuth.address(ctx))
            .compose(audited.on(ctx, null, "account.password.changed", v -> actor.name())),
        v -> "/console/preferences?done=password-changed",
        refused -> preferencesPage(ctx, refused.getInteger("status"), refused
            .put("currentError", ConsolePage.problemAt(refused, "current"))
            .put("passwordError", ConsolePage.problemAt(refused, "password"))));
  }

  /** Ends every session of the signed-in account (or of the admin), this one too: back to the sign-in page. */
  private void signOutEverywhere(RoutingContext ctx) {
    Actor actor = FacilitatorAuth.actor(ctx);
    s.accounts().control().endSessions(actor, null)
        .compose(audited.on(ctx, null, "sessions.ended", n -> actor.name() + ": " + n))
        .onSuccess(n -> {
          ctx.response().addCookie(Cookie.cookie(FacilitatorAuth.COOKIE, "").setPath("/").setMaxAge(0));
          ConsolePage.redirect(ctx, "/console/login");
        })
        .onFailure(ctx::fail);
  }


  private void preferences(RoutingContext ctx) {
    preferencesPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> preferencesPage(RoutingContext ctx, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    Actor actor = FacilitatorAuth.actor(ctx);
    String zone = form.getString("timeZone", viewer.zoneName());
    // The admin has no account, and so no address: the console's list of studies warns the admin.
    Future<Optional<Account>> account = actor.admin() ? Future.succeededFuture(Optional.empty())
        : s.accounts().find(actor.name());
    return account.compose(found -> page.render(ctx, status, "preferences",
        ConsolePage.model(ctx, viewer.text("console.preferences")).put("form", form)
            .put("account", found.isPresent())
            .put("email", form.containsKey("email") ? form.getString("email")
                : found.map(Account::email).orElse(null))
            .put("zones", new JsonArray(ZONES.stream()
                .map(z -> new JsonObject().put("id", z).put("selected", z.equals(zone))).toList()))));
  }

  /**
   * The language, the time zone and, for an account, its email address ({@code language}, {@code timeZone},
   * {@code email}): all checked before any is stored.
   */
  private void save(RoutingContext ctx) {
    MultiMap f = ctx.request().formAttributes();
    Actor actor = FacilitatorAuth.actor(ctx);
    List<Problem> problems = actor.admin() ? List.of() : AccountService.emailProblems(f.get("email"));
    page.submit(ctx, chosen(f.get("language"), f.get("timeZone"), problems)
            .compose(p -> s.accounts().setPreferences(actor, p))
            .compose(v -> actor.admin() ? Future.<Void>succeededFuture()
                : s.accounts().setEmail(actor.name(), f.get("email"))),
        v -> "/console/preferences?done=preferences-saved",
        refused -> preferencesPage(ctx, refused.getInteger("status"), refused.put("timeZone", f.get("timeZone"))
            .put("email", f.get("email"))));
  }

  /** The header's switch: another language ({@code language}), then back to the page it was on ({@code back}). */
  private void switchLanguage(RoutingContext ctx) {
    MultiMap f = ctx.request().formAttributes();
    String zone = FacilitatorAuth.session(ctx).map(x -> x.preferences().timeZone()).orElse(null);
    chosen(f.get("language"), zone == null ? "UTC" : zone, List.of())
        .compose(p -> s.accounts().setPreferences(FacilitatorAuth.actor(ctx), p))
        .onSuccess(v -> ConsolePage.redirect(ctx, ConsoleLogin.safeNext(f.get("back"))))
        .onFailure(ctx::fail);
  }

  /** What a form chose, checked: a language of the console, and a zone of {@link #ZONES}; with the form's others. */
  private static Future<Preferences> chosen(String language, String zone, List<Problem> others) {
    List<Problem> problems = new ArrayList<>(others);
    if (language == null || !Views.languages().contains(language)) {
      problems.add(Problem.worded("language", "problem.language"));
    }
    if (zone == null || !ZONES.contains(zone)) {
      problems.add(Problem.worded("timeZone", "problem.timeZone"));
    }
    return problems.isEmpty() ? Future.succeededFuture(new Preferences(language, "UTC".equals(zone) ? null : zone))
        : Future.failedFuture(new Invalid("the preferences cannot be saved", problems));
  }

  private static List<String> zones() {
    TreeSet<String> named = new TreeSet<>();
    ZoneId.getAvailableZoneIds().stream()
        .filter(z -> z.matches(REGION_ZONE))
        .forEach(named::add);
    List<String> zones = new ArrayList<>();
    zones.add("UTC");
    zones.addAll(named);
    return List.copyOf(zones);
  }
}
