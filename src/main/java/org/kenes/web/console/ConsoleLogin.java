package org.kenes.web.console;

import static org.kenes.web.Access.Need.ACCOUNT;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.kenes.account.AccountService;
import org.kenes.account.LoginGuard;
import org.kenes.common.Forbidden;
import org.kenes.common.TooMany;
import org.kenes.common.Unauthorized;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * Signing in to the console (an account's username and password, or the admin token alone in the password field) and
 * out. The session cookie is HttpOnly, SameSite=Lax, and Secure when the base URL is https.
 */
final class ConsoleLogin {

  private static final String LOGIN_COOKIE = "kenes_login";

  private final Services s;
  private final ConsolePage page;
  private final boolean https;

  private ConsoleLogin(Services services, ConsolePage page) {
    this.s = services;
    this.page = page;
    this.https = services.config().baseUrl().startsWith("https:");
  }

  /** The login form needs no session; logging out is behind the console's guard, mounted after this. */
  static void mount(Router router, Services services, ConsolePage page, Access access) {
    ConsoleLogin r = new ConsoleLogin(services, page);
    router.get("/console/login").handler(r::loginPage);
    router.post("/console/login").handler(r::login);
    access.need(ACCOUNT, router.post("/console/logout").handler(FacilitatorAuth.pages(services.accounts())))
        .handler(r::logout);
  }

  private void loginPage(RoutingContext ctx) {
    loginForm(ctx, 200, Viewer.browser(ctx), null);
  }

  /**
   * Before a session exists, the login form is protected by a token the server issued and signed, sent back both as a
   * cookie and as a field. It speaks the browser's language, or the one chosen with its switch ({@code ?lang=}, kept
   * by the form). {@code refused}: why the last attempt was refused ({@code wrong}, {@code wait}, {@code busy}).
   */
  private void loginForm(RoutingContext ctx, int status, String lang, String refused) {
    String token = s.accounts().loginFormToken();
    String next = safeNext(ctx.request().getParam("next") != null ? ctx.request().getParam("next")
        : ctx.request().getFormAttribute("next"));
    ctx.response().addCookie(cookie(LOGIN_COOKIE, token, AccountService.LOGIN_FORM_LENGTH.toSeconds())
        .setPath("/console/login"));
    page.render(ctx, status, "login", new JsonObject().put("lang", lang).put("title", Views.text(lang, "console.login"))
            .put("csrf", token).put("next", next).put("refused", refused != null)
            .put("refusedKey", refused == null ? null : "wrong".equals(refused) ? "console.login.refused"
                : "console.login.refused." + refused)
            .put("switchLanguages", new JsonArray(ConsolePage.languages(lang).stream().map(o -> ((JsonObject) o)
                .put("href", "/console/login?lang=" + ((JsonObject) o).getString("code") + "&next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8))).toList())))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(LOGIN_COOKIE);
    String given = ctx.request().getFormAttribute(FacilitatorAuth.CSRF_FIELD);
    if (cookie == null || given == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
        given.getBytes(StandardCharsets.UTF_8)) || !s.accounts().isLoginFormToken(given)) {
      ctx.fail(new Forbidden("the sign-in form has expired; reload it and try again"));
      return;
    }
    String chosen = Views.spoken(ctx.request().getFormAttribute("lang"));
    String lang = chosen != null ? chosen : Viewer.browser(ctx);
    s.accounts().login(ctx.request().getFormAttribute("username"), ctx.request().getFormAttribute("password"), lang,
            FacilitatorAuth.address(ctx))
        .compose(session -> s.audit().record(session.actor(), "login", session.actor().name(), null, "console")
            .map(session))
        .onSuccess(session -> {
          ctx.response().addCookie(cookie(FacilitatorAuth.COOKIE, session.secret(),
              AccountService.SESSION_LENGTH.toSeconds()));
          ConsolePage.redirect(ctx, safeNext(ctx.request().getFormAttribute("next")));
        })
        .onFailure(e -> {
          if (e instanceof Unauthorized) {
            loginForm(ctx, 401, lang, "wrong");
          } else if (e instanceof TooMany tooMany) {
            ctx.response().putHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
            loginForm(ctx, 429, lang, LoginGuard.BUSY.equals(tooMany.getMessage()) ? "busy" : "wait");
          } else {
            ctx.fail(e);
          }
        });
  }

  private void logout(RoutingContext ctx) {
    FacilitatorAuth.session(ctx).map(session -> s.accounts().logout(session.secret()))
        .orElse(Future.succeededFuture())
        .compose(v -> s.audit().record(FacilitatorAuth.actor(ctx), "logout", FacilitatorAuth.actor(ctx).name(), null,
            "console"))
        .onSuccess(v -> {
          ctx.response().addCookie(cookie(FacilitatorAuth.COOKIE, "", 0));
          ConsolePage.redirect(ctx, "/console/login");
        })
        .onFailure(ctx::fail);
  }

  private Cookie cookie(String name, String value, long maxAgeSeconds) {
    return Cookie.cookie(name, value).setHttpOnly(true).setSameSite(CookieSameSite.LAX).setSecure(https)
        .setPath("/").setMaxAge(maxAgeSeconds);
  }

  /** Only a path of this server's console or reports: never another site. */
  static String safeNext(String next) {
    return next != null && next.matches("/(console|studies)[A-Za-z0-9/_?=&%.~-]*") && !next.startsWith("//")
        ? next : "/console";
  }
}
