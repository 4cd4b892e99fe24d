package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.kenes.account.Actor;
import org.kenes.account.Role;
import org.kenes.account.Session;
import org.kenes.common.Invalid;
import org.kenes.common.KenesException;
import org.kenes.common.Problem;
import org.kenes.study.Discussion;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * What every console page shares: who is signed in, the CSRF token its forms carry, the study it is about, a notice
 * after a form succeeded, and the problems (by path) when one did not; forms post, then redirect with 303.
 */
final class ConsolePage {

  /** What a page may say after a form succeeded ({@code ?done=KEY&n=N}): {@code console.notice.KEY} of the bundles. */
  private static final Set<String> NOTICES = Set.of("created", "edited", "added", "invited", "reminded", "text-saved",
      "opened", "closed", "item-added", "item-changed", "account-created", "account-email", "role-granted",
      "role-removed", "link-revoked", "preferences-saved", "saved", "built", "imported", "copied", "scheduled",
      "unscheduled", "withdrawn", "erased", "published", "thanked", "deleted", "pilot-cleared", "account-disabled",
      "account-enabled", "password-reset", "sessions-ended", "password-changed", "moderated");

  private final Views views;

  ConsolePage(Views views) {
    this.views = views;
  }

  /** The language of the console's texts for this request: the reader's ({@link Viewer}). */
  static String language(RoutingContext ctx) {
    return Viewer.of(ctx).language();
  }

  /** The CSRF token the forms of this request's session carry ("" for a bearer token, which needs none). */
  static String csrf(RoutingContext ctx) {
    return FacilitatorAuth.session(ctx).map(Session::csrf).orElse("");
  }

  /**
   * The base model of a page of the signed-in console, in the reader's language: {@code title} as shown, the switch
   * to the other languages of the console, and the time zone its dates are in.
   */
  static JsonObject model(RoutingContext ctx, String title) {
    Actor actor = FacilitatorAuth.actor(ctx);
    Viewer viewer = Viewer.of(ctx);
    return new JsonObject().put("lang", viewer.language()).put("title", title).put("actor", actor.name())
        .put("admin", actor.admin())
        .put("csrf", csrf(ctx))
        .put("notice", notice(ctx, viewer)).put("zone", viewer.zoneName())
        .put("switchLanguages", languages(viewer.language()))
        .put("here", ctx.request().method() == HttpMethod.GET ? ctx.request().path() : "/console");
  }

  /**
   * The base model of a study's page, with the study's menu: only what the reader's role on the study allows
   * ({@code canRun}: a facilitator's pages, {@code canOwn}: the owner's).
   */
  static JsonObject model(RoutingContext ctx, Study study, String title, String section) {
    JsonObject model = model(ctx, title);
    if (ctx.request().method() != HttpMethod.GET) {
      // A form refused: the language switch goes back to the page of the form, not to where it was posted.
      model.put("here", "/console/studies/" + study.id() + ("overview".equals(section) ? "" : "/" + section));
    }
    return model.put("study", new JsonObject().put("id", study.id())
            .put("title", study.text(study.title(), Viewer.of(ctx).language()))
            .put("attributes", !study.attributes().isEmpty())
            .put("discussion", study.discussion() != Discussion.OFF).put("realTime", study.realTime()))
        .put("section", section).put("section_" + section, true)
        .put("canRun", Access.allows(ctx, Role.FACILITATOR)).put("canOwn", Access.allows(ctx, Role.OWNER));
  }

  /** The languages of the console, for a switch: each named in itself, the current one marked. */
  static JsonArray languages(String current) {
    return new JsonArray(Views.languages().stream().map(l -> new JsonObject().put("code", l)
        .put("name", Views.languageName(l)).put("current", l.equals(current))).toList());
  }

  Future<Void> render(RoutingContext ctx, int status, String template, JsonObject model) {
    return views.respondOffLoop(ctx, status, "console-" + template, model);
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
        page.apply(problems(e, Viewer.of(ctx))).onFailure(ctx::fail);
      } else {
        ctx.fail(e);
      }
    });
  }

  /**
   * The problems of a refused form, for its page, in the reader's language where they are worded by the bundles:
   * {@code {"status", "message", "problems": [{"path", "message"}]}}.
   */
  static JsonObject problems(Throwable e, Viewer viewer) {
    JsonArray list = new JsonArray();
    String message;
    String language = viewer.language();
    KenesException known = e instanceof KenesException k ? k : null;
    if (known != null) {
      known.problems().forEach(p -> list.add(new JsonObject().put("path", p.path()).put("message", p.message(language))));
    }
    if (e instanceof Invalid) {
      message = viewer.text("console.problems.invalid");
    } else {
      message = known == null ? e.getMessage() : known.wording().map(p -> p.message(language)).orElse(e.getMessage());
    }
    int status = known == null ? 500 : known.status();
    return new JsonObject().put("status", status).put("message", message).put("problems", list);
  }

  /** The message of a refused form's problem at a path ({@link #problems}), or null. */
  static String problemAt(JsonObject refused, String path) {
    return refused.getJsonArray("problems", new JsonArray()).stream().map(JsonObject.class::cast)
        .filter(p -> path.equals(p.getString("path"))).map(p -> p.getString("message")).findFirst().orElse(null);
  }

  private static String notice(RoutingContext ctx, Viewer viewer) {
    String key = ctx.queryParams().get("done");
    if (key == null || !NOTICES.contains(key)) {
      return null;
    }
    String n = ctx.queryParams().get("n");
    return viewer.text("console.notice." + key, n != null && n.matches("\\d{1,9}") ? Integer.parseInt(n) : 0);
  }
}
