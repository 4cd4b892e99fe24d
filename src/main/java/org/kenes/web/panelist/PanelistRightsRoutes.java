package org.kenes.web.panelist;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.kenes.account.Actor;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.common.NotFound;
import org.kenes.panelist.AnswerService.Panelist;
import org.kenes.privacy.PersonalData;
import org.kenes.services.Services;
import org.kenes.web.Bodies;
import org.kenes.web.Responses;
import org.kenes.web.Views;
import org.kenes.web.report.ReportPages;

/**
 * A panelist's rights through their personal link: the study's consent, their own page of what Kenes holds about
 * them (as a page and as JSON), withdrawing, erasing their data, and the published results with the report's PDF.
 * The forms work without JavaScript; a withdrawal or an erasure needs its box ticked, after its consequences are
 * stated.
 */
final class PanelistRightsRoutes {

  private final Services s;
  private final Views views;
  private final ReportPages reports;

  private PanelistRightsRoutes(Services services, Views views, ReportPages reports) {
    this.s = services;
    this.views = views;
    this.reports = reports;
  }

  static PanelistRightsRoutes mount(Router router, Router api, Services services, Views views, ReportPages reports) {
    PanelistRightsRoutes r = new PanelistRightsRoutes(services, views, reports);
    router.post("/p/:token/consent").handler(r::agreeForm);
    router.get("/p/:token/me").handler(r::mePage);
    router.post("/p/:token/withdraw").handler(r::withdrawForm);
    router.post("/p/:token/erase").handler(r::eraseForm);
    router.get("/p/:token/report.pdf").handler(r::reportPdf);
    router.get("/erased").handler(r::erasedPage);
    api.post("/p/:token/consent").handler(r::agreeJson);
    api.get("/p/:token/me").handler(r::meJson);
    api.post("/p/:token/withdraw").handler(r::withdrawJson);
    api.delete("/p/:token").handler(r::eraseJson);
    api.get("/p/:token/results").handler(r::resultsJson);
    return r;
  }

  /** The language of a panelist's page: the one asked for if the study has it, else their own. */
  static String language(Panelist who, String asked) {
    return asked != null && who.study().languages().contains(asked) ? asked : who.participant().language();
  }

  private static String langQuery(String lang) {
    return "lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8);
  }

  // --- consent ---

  /** The consent page, asking again when the panelist agreed to an earlier text. */
  Future<Void> consentPage(RoutingContext ctx, Panelist who, String lang, int status, String problem) {
    return s.consents().of(who.study().id(), who.participant().id()).compose(earlier -> views.respond(ctx, status,
        "consent", RightsPages.consent(who.study(), lang, ctx.pathParam("token"), !earlier.isEmpty(), problem)));
  }

  private void agreeForm(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    s.answers().panelist(token).compose(who -> {
      String lang = language(who, ctx.request().getFormAttribute("lang"));
      if (!"yes".equals(ctx.request().getFormAttribute("agree"))) {
        return consentPage(ctx, who, lang, 400, Views.text(lang, "consent.required"));
      }
      return s.consents().agree(who.study(), who.participant().id(), lang, ctx.request().getFormAttribute("version"))
          .compose(v -> redirect(ctx, "/p/" + token + "?" + langQuery(lang)))
          .recover(e -> e instanceof Conflict ? consentPage(ctx, who, lang, 409, Views.text(lang, "consent.changed"))
              : Future.failedFuture(e));
    }).onFailure(ctx::fail);
  }

  /** {@code POST /api/p/{token}/consent} with {@code {"version", "language"}}: the version of the text shown. */
  private void agreeJson(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.consents().agree(who.study(), who.participant().id(),
            language(who, body.getValue("language") instanceof String l ? l : null),
            body.getValue("version") instanceof String v ? v : null))
        .onSuccess(v -> Responses.json(ctx, 200, new JsonObject().put("agreed", true)))
        .onFailure(ctx::fail);
  }

  // --- the panelist's own page ---

  private void mePage(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> me(ctx, who, language(who, ctx.queryParams().get("lang")), 200, null))
        .onFailure(ctx::fail);
  }

  private Future<Void> me(RoutingContext ctx, Panelist who, String lang, int status, String problem) {
    return Future.all(s.personalData().of(who.study(), who.participant()), s.retention().schedule(who.study().id()))
        .compose(all -> views.respond(ctx, status, "me", RightsPages.me(who.study(), all.resultAt(0), lang,
            ctx.pathParam("token"), all.<org.kenes.privacy.Retention.Schedule>resultAt(1).purgeAt(),
            ctx.queryParams().get("done"), problem)));
  }

  /** What Kenes holds about the panelist, as JSON; with {@code ?download}, as a file to keep. */
  private void meJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.personalData().of(who.study(), who.participant()))
        .onSuccess(data -> {
          if (ctx.queryParams().contains("download")) {
            ctx.response().putHeader("Content-Disposition", "attachment; filename=\"kenes-" + data.getString("study")
                + "-my-data.json\"");
          }
          ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8")
              .end(data.encodePrettily());
        })
        .onFailure(ctx::fail);
  }

  private void withdrawForm(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    s.answers().panelist(token).compose(who -> {
      String lang = language(who, ctx.request().getFormAttribute("lang"));
      if (!"yes".equals(ctx.request().getFormAttribute("confirm"))) {
        return me(ctx, who, lang, 400, Views.text(lang, "me.confirm.required"));
      }
      return s.personalData().withdraw(who.participant(), Actor.PANELIST)
          .compose(done -> redirect(ctx, "/p/" + token + "/me?done=withdrawn&" + langQuery(lang)));
    }).onFailure(ctx::fail);
  }

  private void eraseForm(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token")).compose(who -> {
      String lang = language(who, ctx.request().getFormAttribute("lang"));
      if (!"yes".equals(ctx.request().getFormAttribute("confirm"))) {
        return me(ctx, who, lang, 400, Views.text(lang, "me.confirm.required"));
      }
      return s.personalData().erase(who.participant(), Actor.PANELIST)
          .compose(done -> redirect(ctx, "/erased?" + langQuery(lang)));
    }).onFailure(ctx::fail);
  }

  /** After an erasure the link is gone: this page says what happened, in the language the panelist used. */
  private void erasedPage(RoutingContext ctx) {
    String lang = Views.spoken(ctx.queryParams().get("lang"));
    views.respond(ctx, 200, "erased", new JsonObject().put("lang", lang == null ? "en" : lang)
        .put("title", Views.text(lang == null ? "en" : lang, "me.erased.title"))).onFailure(ctx::fail);
  }

  private void withdrawJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.personalData().withdraw(who.participant(), Actor.PANELIST))
        .onSuccess(done -> Responses.json(ctx, 200, done(done).put("withdrawn", true)))
        .onFailure(ctx::fail);
  }

  private void eraseJson(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.personalData().erase(who.participant(), Actor.PANELIST))
        .onSuccess(done -> Responses.json(ctx, 200, done(done).put("erased", true)))
        .onFailure(ctx::fail);
  }

  static JsonObject done(PersonalData.Done done) {
    return new JsonObject().put("round", done.round().orElse(null));
  }

  // --- the published results ---

  /** The results JSON of a published study for this panelist; {@link NotFound} before publication. */
  Future<JsonObject> results(Panelist who, String lang, String token) {
    String study = who.study().id();
    return s.publications().find(study).compose(published -> published.isEmpty()
        ? Future.failedFuture(new NotFound("the results of this study are not published yet"))
        : s.rounds().list(who.study()).compose(held -> Future.all(s.reports().report(study),
                Future.all(held.stream()
                    .map(r -> s.setsOf(who.participant()).find(study, r.number(), who.participant().id()))
                    .toList()))
            .map(all -> {
              Map<Integer, AnswerSet> mine = new HashMap<>();
              all.<io.vertx.core.CompositeFuture>resultAt(1).<java.util.Optional<AnswerSet>>list()
                  .forEach(set -> set.ifPresent(a -> mine.put(a.round(), a)));
              return ResultsView.json(who.study(), all.resultAt(0), mine, lang, token, published.get());
            })));
  }

  /** The results page, which a panelist's link shows once the results are published. */
  Future<Void> resultsPage(RoutingContext ctx, Panelist who, String lang) {
    String token = ctx.pathParam("token");
    return results(who, lang, token).compose(json -> views.respond(ctx, 200, "results",
        ResultsView.model(who.study(), json, token)));
  }

  private void resultsJson(RoutingContext ctx) {
    String token = ctx.pathParam("token");
    s.answers().panelist(token).compose(who -> who.participant().withdrawn()
            ? Future.failedFuture(new NotFound("you withdrew from this study"))
            : results(who, language(who, ctx.queryParams().get("lang")), token))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  /** The report as a PDF, in the panelist's language, once the results are published. */
  private void reportPdf(RoutingContext ctx) {
    s.answers().panelist(ctx.pathParam("token")).compose(who -> {
      String study = who.study().id();
      String lang = language(who, ctx.queryParams().get("lang"));
      return s.publications().published(study).compose(published -> published && !who.participant().withdrawn()
          ? reports.pdf(study, lang)
          : Future.failedFuture(new NotFound("the results of this study are not published yet")));
    }).onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"report.pdf\"").end(bytes))
        .onFailure(ctx::fail);
  }

  private static Future<Void> redirect(RoutingContext ctx, String location) {
    return ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }
}
