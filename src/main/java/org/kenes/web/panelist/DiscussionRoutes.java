package org.kenes.web.panelist;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.KenesException;
import org.kenes.common.TooMany;
import org.kenes.panelist.AnswerService.Panelist;
import org.kenes.services.Services;
import org.kenes.study.Discussion;
import org.kenes.web.Bodies;
import org.kenes.web.Responses;
import org.kenes.web.Views;

/**
 * An item's discussion for the panelist: the thread as JSON and as a page of plain forms (post, reply, agree; each
 * answered by a 303 back to the thread), which JavaScript only keeps current.
 *
 * <pre>
 * GET  /api/p/{token}/items/{item}/thread              the thread
 * POST /api/p/{token}/items/{item}/thread              {"text", "tag", "parent"} → 201 the post
 * PUT  /api/p/{token}/items/{item}/thread/{post}/agree  agree with a post → 204
 * GET  /api/p/{token}/items/{item}/thread/live         server-sent events: the thread changed ({@link ThreadStream})
 * GET  /p/{token}/items/{item}/thread                  the page
 * POST /p/{token}/items/{item}/thread                  form: text, tag, parent, lang
 * POST /p/{token}/items/{item}/thread/agree            form: post, lang
 * PUT  /api/p/{token}/discussion/notify                {"replies": true|false}: the daily digest of replies
 * POST /p/{token}/items/{item}/thread/notify           form: replies (true|false), lang
 * </pre>
 */
final class DiscussionRoutes {

  private final Services s;
  private final Views views;

  private DiscussionRoutes(Services services, Views views) {
    this.s = services;
    this.views = views;
  }

  static void mount(Router router, Router api, Vertx vertx, Services services, Views views) {
    DiscussionRoutes r = new DiscussionRoutes(services, views);
    api.get("/p/:token/items/:item/thread/live").handler(new ThreadStream(vertx, services)::stream);
    api.get("/p/:token/items/:item/thread").handler(r::threadJson);
    api.post("/p/:token/items/:item/thread").handler(r::postJson);
    api.put("/p/:token/items/:item/thread/:post/agree").handler(r::agreeJson);
    router.get("/p/:token/items/:item/thread").handler(r::page);
    router.post("/p/:token/items/:item/thread").handler(r::postForm);
    router.post("/p/:token/items/:item/thread/agree").handler(r::agreeForm);
    api.put("/p/:token/discussion/notify").handler(r::notifyJson);
    router.post("/p/:token/items/:item/thread/notify").handler(r::notifyForm);
  }

  private void threadJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.discussions().thread(who, ctx.pathParam("item"))
            .map(t -> ThreadView.json(t, who.study(), language(who, ctx.queryParams().get("lang"))))
            .compose(json -> watching(who).map(on -> json.put("notify", on))))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void postJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.discussions().post(who, ctx.pathParam("item"), Bodies.jsonObject(ctx)))
        .onSuccess(post -> Responses.json(ctx, 201, ThreadView.json(post)))
        .onFailure(ctx::fail);
  }

  private void agreeJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.discussions().agree(who, ctx.pathParam("item"), ctx.pathParam("post")))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> render(ctx, who, 200, language(who, ctx.queryParams().get("lang")), null, null,
            ctx.queryParams().get("done")))
        .onFailure(ctx::fail);
  }

  private void postForm(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    JsonObject typed = new JsonObject().put("text", form.get("text")).put("tag", form.get("tag"))
        .put("parent", form.get("parent") == null || form.get("parent").isEmpty() ? null : form.get("parent"));
    s.answers().panelist(ctx.pathParam("token")).compose(who -> {
      String lang = language(who, form.get("lang"));
      return s.discussions().post(who, ctx.pathParam("item"), typed)
          .compose(post -> redirect(ctx, lang, "posted", post.id()))
          .recover(e -> refused(ctx, who, lang, typed, e));
    }).onFailure(ctx::fail);
  }

  private void agreeForm(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String post = form.get("post") == null ? "" : form.get("post");
    s.answers().panelist(ctx.pathParam("token")).compose(who -> {
      String lang = language(who, form.get("lang"));
      return s.discussions().agree(who, ctx.pathParam("item"), post)
          .compose(v -> redirect(ctx, lang, "agreed", post))
          .recover(e -> refused(ctx, who, lang, null, e));
    }).onFailure(ctx::fail);
  }

  private void notifyJson(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    if (!(body.getValue("replies") instanceof Boolean on)) {
      ctx.fail(Invalid.worded("replies", "problem.boolean"));
      return;
    }
    s.answers().panelist(ctx.pathParam("token")).compose(who -> notify(who, on))
        .onSuccess(now -> Responses.json(ctx, 200, new JsonObject().put("replies", now)))
        .onFailure(ctx::fail);
  }

  private void notifyForm(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    boolean on = "true".equals(form.get("replies"));
    s.answers().panelist(ctx.pathParam("token")).compose(who -> s.discussions().thread(who, ctx.pathParam("item"))
            .compose(t -> notify(who, on))
            .compose(now -> redirect(ctx, language(who, form.get("lang")), now ? "notify-on" : "notify-off", null)))
        .onFailure(ctx::fail);
  }

  /** Asks for the digest of replies or stops it: only in a study with a discussion, by someone still taking part. */
  private Future<Boolean> notify(Panelist who, boolean on) {
    if (who.study().discussion() == Discussion.OFF) {
      return Future.failedFuture(Conflict.worded("problem.discussion.off"));
    }
    if (who.participant().withdrawn()) {
      return Future.failedFuture(Conflict.worded("problem.discussion.withdrawn"));
    }
    return s.digests().watch(who.study().id(), who.participant().id(), on);
  }

  private Future<Boolean> watching(Panelist who) {
    return s.digests().watching(who.study().id(), who.participant().id());
  }

  /** A refused form: the page again, as typed, saying why; anything but a refusal goes to the failure handler. */
  private Future<Void> refused(RoutingContext ctx, Panelist who, String lang, JsonObject typed, Throwable e) {
    if (e instanceof Invalid || e instanceof Conflict || e instanceof TooMany) {
      KenesException k = (KenesException) e;
      if (k instanceof TooMany many) {
        ctx.response().putHeader("Retry-After", String.valueOf(many.retryAfterSeconds()));
      }
      return render(ctx, who, k.status(), lang, typed, k, null);
    }
    return Future.failedFuture(e);
  }

  private Future<Void> render(RoutingContext ctx, Panelist who, int status, String lang, JsonObject typed,
      KenesException failure, String done) {
    String token = ctx.pathParam("token");
    return s.discussions().thread(who, ctx.pathParam("item")).compose(t -> watching(who).compose(on -> views.respond(
        ctx, status, "thread", ThreadView.page(t, who.study(), lang, token, typed, failure, done).put("notify", on))));
  }

  private Future<Void> redirect(RoutingContext ctx, String lang, String done, String post) {
    String location = "/p/" + ctx.pathParam("token") + "/items/" + ctx.pathParam("item") + "/thread?lang="
        + URLEncoder.encode(lang, StandardCharsets.UTF_8) + "&done=" + done
        + (post == null ? "#notify" : "#post-" + post);
    return ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  private static String language(Panelist who, String asked) {
    return PanelistRightsRoutes.language(who, asked);
  }
}
