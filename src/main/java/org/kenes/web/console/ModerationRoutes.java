package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.kenes.common.Invalid;
import org.kenes.discussion.Moderation;
import org.kenes.discussion.Post;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * The discussion's moderation in the console: every item's thread with each post's forms (hide with a reason, show
 * again or release a held post, pin or unpin a summary), a thread's close and reopen, and the word lists per language.
 * Each action is audited, never with who wrote the post.
 *
 * <pre>
 * GET  /console/studies/{id}/discussion                      facilitator
 * POST /console/studies/{id}/discussion/{item}/posts/{post}  facilitator  action=hide|show|pin|unpin, reason
 * POST /console/studies/{id}/discussion/{item}               facilitator  action=close|open
 * POST /console/studies/{id}/discussion-words                facilitator  language, words
 * </pre>
 */
final class ModerationRoutes {

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ModerationRoutes(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ModerationRoutes r = new ModerationRoutes(services, page, audited);
    access.need(FACILITATOR, router.get("/console/studies/:id/discussion")).handler(r::threads);
    access.need(FACILITATOR, router.post("/console/studies/:id/discussion/:item/posts/:post")).handler(r::post);
    access.need(FACILITATOR, router.post("/console/studies/:id/discussion/:item")).handler(r::thread);
    access.need(FACILITATOR, router.post("/console/studies/:id/discussion-words")).handler(r::words);
  }

  private void threads(RoutingContext ctx) {
    s.studies().get(ctx.pathParam("id")).compose(study -> render(ctx, study, 200, new JsonObject()))
        .onFailure(ctx::fail);
  }

  private Future<Void> render(RoutingContext ctx, Study study, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    return Future.all(s.moderation().threads(study), s.discussions().words().of(study)).compose(all -> {
      List<Moderation.ItemThread> threads = all.resultAt(0);
      Map<String, List<String>> words = all.resultAt(1);
      JsonArray lists = new JsonArray();
      words.forEach((lang, list) -> lists.add(new JsonObject().put("language", lang)
          .put("languageName", Views.languageName(lang))
          .put("words", form.getString("words." + lang, String.join("\n", list)))));
      return page.render(ctx, status, "discussion", ConsolePage.model(ctx, study, viewer.text("console.discussion"),
              "discussion")
          .put("setting", viewer.text("builder.discussion." + study.discussion().key()))
          .put("threads", new JsonArray(threads.stream().map(t -> ModerationView.thread(t, study, viewer)).toList()))
          .put("wordLists", lists).put("form", form));
    });
  }

  private void post(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String action = String.valueOf(form.get("action"));
    String item = ctx.pathParam("item");
    String post = ctx.pathParam("post");
    s.studies().get(ctx.pathParam("id")).onFailure(ctx::fail).onSuccess(study -> {
      Future<Post> done = switch (action) {
        case "hide" -> s.moderation().hide(study, item, post, form.get("reason"));
        case "show" -> s.moderation().show(study, item, post);
        case "pin", "unpin" -> s.moderation().pin(study, item, post, "pin".equals(action));
        default -> Future.failedFuture(Invalid.worded("action", "problem.discussion.action"));
      };
      page.submit(ctx, done.compose(audited.by(ctx, "discussion.post." + action,
              p -> "item " + item + ", post " + post)),
          p -> href(study, "moderated") + "#thread-" + item,
          problems -> render(ctx, study, problems.getInteger("status"), new JsonObject().put("problems", problems)
              .put("post", post).put("reason", form.get("reason"))));
    });
  }

  private void thread(RoutingContext ctx) {
    String action = String.valueOf(ctx.request().getFormAttribute("action"));
    String item = ctx.pathParam("item");
    s.studies().get(ctx.pathParam("id")).onFailure(ctx::fail).onSuccess(study -> {
      Future<Void> done = "close".equals(action) || "open".equals(action)
          ? s.moderation().close(study, item, "close".equals(action))
          : Future.failedFuture(Invalid.worded("action", "problem.discussion.action"));
      page.submit(ctx, done.map(item).compose(audited.by(ctx, "discussion.thread." + action, i -> "item " + i)),
          i -> href(study, "moderated") + "#thread-" + item,
          problems -> render(ctx, study, problems.getInteger("status"), new JsonObject().put("problems", problems)));
    });
  }

  private void words(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String language = String.valueOf(form.get("language"));
    s.studies().get(ctx.pathParam("id")).onFailure(ctx::fail).onSuccess(study -> page.submit(ctx,
        s.moderation().words(study, language, form.get("words"))
            .compose(audited.by(ctx, "discussion.words", w -> "word list " + language + ", " + w.size() + " entries")),
        w -> href(study, "saved") + "#words",
        problems -> render(ctx, study, problems.getInteger("status"), new JsonObject().put("problems", problems)
            .put("words." + language, form.get("words")))));
  }

  private static String href(Study study, String done) {
    return "/console/studies/" + study.id() + "/discussion?done=" + done;
  }
}
