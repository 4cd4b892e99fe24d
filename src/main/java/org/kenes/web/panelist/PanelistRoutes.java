package org.kenes.web.panelist;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.panelist.AnswerService;
import org.kenes.services.Services;
import org.kenes.study.Discussion;
import org.kenes.web.Bodies;
import org.kenes.web.Responses;
import org.kenes.web.Views;
import org.kenes.web.report.ReportPages;

/**
 * The panelist's personal link: the questionnaire as JSON and as a plain HTML form that works without JavaScript. The
 * link's page is the study's consent text until the panelist agreed to it, the results once they are published, and
 * the panelist's own page once they withdrew ({@link PanelistRightsRoutes}); the study's questions about the panelist
 * come once, after the consent ({@link AttributeRoutes}).
 */
public final class PanelistRoutes {

  private final Services s;
  private final Views views;
  private final PanelistRightsRoutes rights;
  private final AttributeRoutes attributes;

  private PanelistRoutes(Services services, Views views, PanelistRightsRoutes rights, AttributeRoutes attributes) {
    this.s = services;
    this.views = views;
    this.rights = rights;
    this.attributes = attributes;
  }

  public static void mount(Router router, Router api, Vertx vertx, Services services, Views views,
      ReportPages reports) {
    PanelistRoutes r = new PanelistRoutes(services, views,
        PanelistRightsRoutes.mount(router, api, services, views, reports),
        AttributeRoutes.mount(router, api, services, views));
    api.get("/p/:token").handler(r::questionnaireJson);
    api.put("/p/:token/answers").handler(r::saveJson);
    router.get("/p/:token").handler(r::page);
    router.post("/p/:token").handler(r::postForm);
    DiscussionRoutes.mount(router, api, vertx, services, views);
  }

  private void questionnaireJson(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    s.answers().panelist(token)
        .compose(who -> s.answers().questionnaire(who, ctx.queryParams().get("lang"))
            .compose(q -> discussion(who, q, token, false)))
        .onSuccess(q -> Responses.json(ctx, 200, q))
        .onFailure(ctx::fail);
  }

  /**
   * The questionnaire with the study's discussion: its setting, and for each item how many posts its thread shows
   * (and on a page where it is); between rounds, on a page, the items of the last round to discuss.
   */
  private Future<JsonObject> discussion(AnswerService.Panelist who, JsonObject q, String token, boolean page) {
    Discussion setting = who.study().discussion();
    q.put("discussion", setting.key());
    if (setting == Discussion.OFF) {
      return Future.succeededFuture(q);
    }
    Future<JsonArray> between = !page || who.round().isPresent() ? Future.succeededFuture(null)
        : s.rounds().list(who.study().id()).map(held -> {
          JsonArray items = new JsonArray();
          String lang = q.getString("language");
          held.stream().reduce((a, b) -> b).ifPresent(last -> last.items().forEach(id -> who.study().item(id)
              .ifPresent(i -> items.add(new JsonObject().put("id", id)
                  .put("text", who.study().text(i.text(), lang))))));
          return items;
        });
    return Future.all(s.discussions().counts(who), between, s.discussions().topArguments(who.study())).map(all -> {
      ThreadView.counts(q, all.resultAt(0), token, page);
      ArgumentsView.add(q, all.resultAt(2));
      JsonArray items = all.resultAt(1);
      if (items != null) {
        ThreadView.counts(new JsonObject().put("items", items).put("language", q.getString("language")),
            all.resultAt(0), token, true);
        q.put("discussionItems", items);
      }
      return q;
    });
  }

  private void saveJson(RoutingContext ctx) {
    s.answers().save(ctx.pathParam("token"), Bodies.jsonObject(ctx))
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(ctx::fail);
  }

  private void page(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    String asked = ctx.queryParams().get("lang");
    s.answers().panelist(token).compose(who -> {
      String lang = PanelistRightsRoutes.language(who, asked);
      if (who.participant().withdrawn()) {
        return ctx.response().setStatusCode(303).putHeader("Location", "/p/" + token + "/me?lang=" + lang).end();
      }
      // Results are published only once no round is open, and no round opens after: a round's pages need not ask.
      Future<Boolean> published = who.round().isPresent() ? Future.succeededFuture(false)
          : s.publications().published(who.study().id());
      return published.compose(done -> done ? rights.resultsPage(ctx, who, lang)
          : s.consents().given(who.study(), who.participant().id()).compose(given -> !given
              ? rights.consentPage(ctx, who, lang, 200, null)
              // After the consent, once: the questions about the panelist, if the study asks any.
              : attributes.toAsk(who).compose(ask -> ask ? attributes.page(ctx, who, lang, 200, null, null)
                  : questionnaire(ctx, who, token, asked))));
    }).onFailure(ctx::fail);
  }

  private Future<Void> questionnaire(RoutingContext ctx, AnswerService.Panelist who, String token, String lang) {
    return s.answers().questionnaire(who, lang).compose(q -> discussion(who, q, token, true))
        .compose(q -> views.respond(ctx, 200, "questionnaire",
            QuestionnairePage.model(q, token, null, null, ctx.queryParams().get("done"))));
  }

  /** A form post: saved → 303 back to the page with a confirmation; invalid → the form again, as typed, with messages. */
  private void postForm(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    JsonObject save = QuestionnairePage.saveFromForm(ctx.request().formAttributes());
    boolean submit = save.getBoolean("submit");
    String lang = ctx.request().getFormAttribute("lang");
    List<Problem> problems = QuestionnairePage.formProblems(save);
    Future<JsonObject> saved = problems.isEmpty()
        ? s.answers().save(token, QuestionnairePage.forApi(save))
        : Future.failedFuture(new Invalid("some answers could not be accepted; nothing was saved", problems));
    saved
        .onSuccess(r -> ctx.response().setStatusCode(303)
            .putHeader("Location", "/p/" + token + "?done=" + (submit ? "submitted" : "saved")
                + (lang == null ? "" : "&lang=" + java.net.URLEncoder.encode(lang, java.nio.charset.StandardCharsets.UTF_8)))
            .end())
        .onFailure(e -> {
          if (!(e instanceof Invalid invalid)) {
            ctx.fail(e);
            return;
          }
          s.answers().panelist(token)
              .compose(who -> s.answers().questionnaire(who, lang).compose(q -> discussion(who, q, token, true)))
              .compose(q -> views.respond(ctx, 400, "questionnaire",
                  QuestionnairePage.model(q, token, save.getJsonObject("answers"), invalid, null)))
              .onFailure(ctx::fail);
        });
  }
}
