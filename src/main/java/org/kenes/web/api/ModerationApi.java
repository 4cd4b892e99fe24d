package org.kenes.web.api;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.discussion.Moderation;
import org.kenes.discussion.Post;
import org.kenes.discussion.Thread;
import org.kenes.report.DiscussionsCsv;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.Responses;

/**
 * The discussion's moderation through the API, as the console's discussion page does it; every change audited.
 *
 * <pre>
 * GET  /api/studies/:id/discussion                                 facilitator  every thread, held posts too
 * POST /api/studies/:id/discussion/:item/posts/:post/:action       facilitator  hide ({"reason"}), show, pin, unpin
 * POST /api/studies/:id/discussion/:item/:action                   facilitator  close, open
 * PUT  /api/studies/:id/discussion-words/:language                 facilitator  {"words": ["..."]}
 * GET  /api/studies/:id/discussions.csv                            reader       every shown post, one a row
 * </pre>
 */
public final class ModerationApi {

  private final Vertx vertx;
  private final Services s;
  private final Audited audited;

  private ModerationApi(Vertx vertx, Services services, Audited audited) {
    this.vertx = vertx;
    this.s = services;
    this.audited = audited;
  }

  public static void mount(Router api, Vertx vertx, Services services, Access access, Audited audited) {
    ModerationApi r = new ModerationApi(vertx, services, audited);
    access.need(FACILITATOR, api.get("/studies/:id/discussion")).handler(r::threads);
    access.need(FACILITATOR, api.post("/studies/:id/discussion/:item/posts/:post/:action")).handler(r::post);
    access.need(FACILITATOR, api.post("/studies/:id/discussion/:item/:action")).handler(r::thread);
    access.need(FACILITATOR, api.put("/studies/:id/discussion-words/:language")).handler(r::words);
    access.need(READER, api.get("/studies/:id/discussions.csv")).handler(r::export);
  }

  private void export(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> s.moderation().threads(study))
        .compose(threads -> vertx.executeBlocking(() -> {
          StringWriter out = new StringWriter();
          DiscussionsCsv.write(threads, out);
          return out.toString();
        }, false))
        .compose(audited.by(ctx, "discussions.exported", csv -> "discussions.csv"))
        .onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-discussions.csv\"").end(csv))
        .onFailure(ctx::fail);
  }

  private void threads(RoutingContext ctx) {
    s.studies().get(ctx.pathParam("id"))
        .compose(study -> s.moderation().threads(study).map(threads -> new JsonObject()
            .put("study", study.id()).put("discussion", study.discussion().key())
            .put("threads", new JsonArray(threads.stream().map(ModerationApi::thread).toList()))))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void post(RoutingContext ctx) {
    String item = ctx.pathParam("item");
    String post = ctx.pathParam("post");
    String action = ctx.pathParam("action");
    s.studies().get(ctx.pathParam("id")).compose(study -> switch (action) {
      case "hide" -> s.moderation().hide(study, item, post, Bodies.jsonObject(ctx).getValue("reason")
          instanceof String r ? r : null);
      case "show" -> s.moderation().show(study, item, post);
      case "pin", "unpin" -> s.moderation().pin(study, item, post, "pin".equals(action));
      default -> Future.<Post>failedFuture(Invalid.worded("action", "problem.discussion.action"));
    }).compose(audited.by(ctx, "discussion.post." + action, p -> "item " + item + ", post " + post))
        .onSuccess(p -> Responses.json(ctx, 200, new JsonObject().put("id", p.id()).put("state", p.state().key())
            .put("reason", p.reason()).put("pinned", p.pinned())))
        .onFailure(ctx::fail);
  }

  private void thread(RoutingContext ctx) {
    String item = ctx.pathParam("item");
    String action = ctx.pathParam("action");
    s.studies().get(ctx.pathParam("id")).compose(study -> "close".equals(action) || "open".equals(action)
            ? s.moderation().close(study, item, "close".equals(action))
            : Future.<Void>failedFuture(Invalid.worded("action", "problem.discussion.action")))
        .map(item).compose(audited.by(ctx, "discussion.thread." + action, i -> "item " + i))
        .onSuccess(i -> Responses.json(ctx, 200, new JsonObject().put("item", i).put("closed", "close".equals(action))))
        .onFailure(ctx::fail);
  }

  private void words(RoutingContext ctx) {
    String language = ctx.pathParam("language");
    JsonObject body = Bodies.jsonObject(ctx);
    if (!(body.getValue("words") instanceof JsonArray list) || !list.stream().allMatch(w -> w instanceof String)) {
      ctx.fail(Invalid.worded("words", "problem.discussion.wordsList"));
      return;
    }
    String typed = String.join("\n", list.stream().map(String::valueOf).toList());
    s.studies().get(ctx.pathParam("id")).compose(study -> s.moderation().words(study, language, typed))
        .compose(audited.by(ctx, "discussion.words", w -> "word list " + language + ", " + w.size() + " entries"))
        .onSuccess(w -> Responses.json(ctx, 200, new JsonObject().put("language", language)
            .put("words", new JsonArray(w))))
        .onFailure(ctx::fail);
  }

  private static JsonObject thread(Moderation.ItemThread t) {
    return new JsonObject().put("item", t.item().id()).put("closed", t.closed()).put("held", t.held())
        .put("posts", entries(t.entries()));
  }

  private static JsonArray entries(List<Thread.Entry> entries) {
    JsonArray list = new JsonArray();
    for (Thread.Entry e : entries) {
      Post p = e.post();
      list.add(new JsonObject().put("id", p.id()).put("parent", p.parent()).put("author", e.author().key())
          .put("panel", e.panel()).put("tag", p.tag() == null ? null : p.tag().key()).put("text", p.text())
          .put("state", p.state().key()).put("reason", p.reason()).put("pinned", p.pinned())
          .put("agreements", e.agreements()).put("replies", entries(e.replies())));
    }
    return list;
  }
}
