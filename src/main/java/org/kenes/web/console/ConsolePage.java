package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.kenes.account.Actor;
import org.kenes.common.Invalid;
import org.kenes.study.Study;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Views;

/**
 * What every console page shares: who is signed in, the CSRF token its forms carry, the study it is about, a notice
 * after a form succeeded, and the problems (by path) when one did not; forms post, then redirect with 303.
 */
final class ConsolePage {

  /** What a page says after a form succeeded ({@code ?done=KEY&n=N}); only these texts, never one from the URL. */
  private static final Map<String, String> NOTICES = Map.ofEntries(
      Map.entry("created", "The study is stored."),
      Map.entry("edited", "The study's definition is replaced."),
      Map.entry("added", "Participants added: {0}."),
      Map.entry("invited", "Invitations queued: {0}."),
      Map.entry("reminded", "Reminders queued: {0}."),
      Map.entry("text-saved", "The message text is saved."),
      Map.entry("opened", "Round {0} is open."),
      Map.entry("closed", "Round {0} is closed; its results are stored."),
      Map.entry("item-added", "The item is added; the next round asks it."),
      Map.entry("item-changed", "The item is changed."),
      Map.entry("account-created", "The account is created."));

  private final Views views;

  ConsolePage(Views views) {
    this.views = views;
  }

  /** The base model of a page of the signed-in console. */
  static JsonObject model(RoutingContext ctx, String title) {
    Actor actor = FacilitatorAuth.actor(ctx);
    return new JsonObject().put("lang", "en").put("title", title).put("actor", actor.name()).put("admin", actor.admin())
        .put("csrf", FacilitatorAuth.session(ctx).map(org.kenes.account.Session::csrf).orElse(""))
        .put("notice", notice(ctx));
  }

  /** The base model of a study's page, with the study's menu. */
  static JsonObject model(RoutingContext ctx, Study study, String title, String section) {
    return model(ctx, title).put("study", new JsonObject().put("id", study.id())
            .put("title", study.text(study.title(), study.firstLanguage())))
        .put("section", section).put("section_" + section, true);
  }

  Future<Void> render(RoutingContext ctx, int status, String template, JsonObject model) {
    return views.respond(ctx, status, "console-" + template, model);
  }

  /** A form's text given as an uploaded file ({@code file}, when one was chosen) or pasted into {@code field}. */
  static Future<String> uploadedOrPasted(io.vertx.core.Vertx vertx, RoutingContext ctx, String field) {
    String pasted = ctx.request().getFormAttribute(field);
    return ctx.fileUploads().stream().filter(f -> f.size() > 0).findFirst()
        .map(f -> vertx.fileSystem().readFile(f.uploadedFileName())
            .map(b -> b.toString(java.nio.charset.StandardCharsets.UTF_8)))
        .orElse(Future.succeededFuture(pasted == null ? "" : pasted));
  }

  static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /**
   * Runs a form's action: success → 303 to {@code location} with a notice; {@link Invalid} (or 409) → the page again
   * (rebuilt by {@code page} with the problems listed) with 400/409; anything else → the failure handler.
   */
  <T> void submit(RoutingContext ctx, Future<T> action, java.util.function.Function<T, String> location,
      java.util.function.Function<JsonObject, Future<Void>> page) {
    action.onSuccess(result -> redirect(ctx, location.apply(result))).onFailure(e -> {
      if (e instanceof Invalid || e instanceof org.kenes.common.Conflict) {
        page.apply(problems(e)).onFailure(ctx::fail);
      } else {
        ctx.fail(e);
      }
    });
  }

  /** The problems of a refused form, for its page: {@code {"status", "message", "problems": [{"path", "message"}]}}. */
  static JsonObject problems(Throwable e) {
    JsonArray list = new JsonArray();
    if (e instanceof Invalid invalid) {
      invalid.problems().forEach(p -> list.add(new JsonObject().put("path", p.path()).put("message", p.message())));
    }
    int status = e instanceof org.kenes.common.KenesException k ? k.status() : 500;
    return new JsonObject().put("status", status).put("message", e.getMessage()).put("problems", list);
  }

  private static String notice(RoutingContext ctx) {
    String key = ctx.queryParams().get("done");
    if (key == null || !key.matches("[a-z-]{1,40}")) {
      return null;
    }
    String n = ctx.queryParams().get("n");
    // Notices of the bundles (notice.KEY) in the console's language; the others are still written here.
    String text = NOTICES.containsKey(key) ? NOTICES.get(key) : Views.textOrNull("en", "notice." + key);
    return text == null ? null : text.replace("{0}", n != null && n.matches("\\d{1,9}") ? n : "0");
  }
}
