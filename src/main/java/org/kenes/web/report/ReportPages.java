package org.kenes.web.report;

import static org.kenes.web.Access.Need.READER;

import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kenes.common.Conflict;
import org.kenes.common.NotFound;
import org.kenes.report.AttritionService;
import org.kenes.report.CharacteristicsService;
import org.kenes.report.FilteredResults;
import org.kenes.report.ReportLink;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.services.Services;
import org.kenes.study.Discussion;
import org.kenes.study.Study;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.PathParams;
import org.kenes.web.Responses;
import org.kenes.web.Views;

/**
 * The consensus report as a page and as a PDF, for strategy writers: to facilitators with a role on the study, and
 * through a report link ({@code /r/{secret}}) to people without an account, who reach the page and its PDF and nothing
 * else.
 */
public final class ReportPages {

  /** The largest study whose report is laid out as a PDF. */
  static final int PDF_ITEMS = 300;

  private final Services s;
  private final Views views;
  private final ReportPdf pdf;
  private final AttritionService attrition;
  private final CharacteristicsService characteristics;
  private final FilteredResults filtered;

  private ReportPages(Vertx vertx, Services services, Views views) {
    this.s = services;
    this.views = views;
    this.pdf = new ReportPdf(vertx, views);
    this.attrition = new AttritionService(vertx, services.studies(), services.rounds(), services.answerSets(),
        services.participants());
    this.filtered = new FilteredResults(vertx, services.studies(), services.rounds(), services.attributes());
    this.characteristics = new CharacteristicsService(services.studies(), services.rounds(), services.answerSets(),
        services.attributes());
  }

  /**
   * The page on the main router, the PDF on the API router (whose facilitator check it shares); the link's both.
   * Answers the pages, whose PDF a panelist's link also gives once the results are published.
   */
  public static ReportPages mount(Router router, Router api, Vertx vertx, Services services, Views views, FacilitatorAuth auth,
      Access access) {
    ReportPages r = new ReportPages(vertx, services, views);
    access.need(READER, router.get("/studies/:id/report").handler(auth)).handler(r::page);
    access.need(READER, api.get("/studies/:id/report.pdf")).handler(r::pdf);
    access.need(READER, api.get("/studies/:id/attrition")).handler(r::attrition);
    access.need(READER, api.get("/studies/:id/characteristics")).handler(r::characteristics);
    access.need(READER, api.get("/studies/:id/rounds/:n/filtered")).handler(r::filtered);
    router.get("/r/:secret").handler(r::sharedPage);
    router.get("/r/:secret/report.pdf").handler(r::sharedPdf);
    return r;
  }

  private void page(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    model(id, lang(ctx)).compose(model -> views.respond(ctx, 200, "report", model)).onFailure(ctx::fail);
  }

  private void pdf(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    pdf(id, lang(ctx)).onSuccess(bytes -> sendPdf(ctx, id, bytes)).onFailure(ctx::fail);
  }

  private void attrition(RoutingContext ctx) {
    attrition.attrition(ctx.pathParam("id")).onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  private void characteristics(RoutingContext ctx) {
    characteristics.characteristics(ctx.pathParam("id")).onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void filtered(RoutingContext ctx) {
    Map<String, String> query = new HashMap<>();
    ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
    filtered.results(ctx.pathParam("id"), PathParams.roundNumber(ctx), query)
        .onSuccess(json -> Responses.json(ctx, 200, json)).onFailure(ctx::fail);
  }

  /** The report of a link: its downloads are the PDF alone, through the same link. */
  private void sharedPage(RoutingContext ctx) {
    link(ctx).compose(l -> model(l.study(), lang(ctx)).map(model -> shared(ctx, model)))
        .compose(model -> views.respond(ctx, 200, "report", model)).onFailure(ctx::fail);
  }

  private void sharedPdf(RoutingContext ctx) {
    link(ctx).compose(l -> pdf(l.study(), lang(ctx)).onSuccess(bytes -> sendPdf(ctx, l.study(), bytes)))
        .onFailure(ctx::fail);
  }

  /** The link of the path's secret: 404 alike for a secret unknown, revoked or expired. */
  private Future<ReportLink> link(RoutingContext ctx) {
    return s.reportLinks().usable(ctx.pathParam("secret")).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFound("no such report link, or it was revoked or has expired"))));
  }

  private static JsonObject shared(RoutingContext ctx, JsonObject model) {
    return model.put("shared", true).put("pdf", "/r/" + ctx.pathParam("secret") + "/report.pdf?lang="
        + model.getString("lang"));
  }

  /**
   * The PDF, for a study of up to {@value #PDF_ITEMS} items (a larger one is read on its page or as JSON: its PDF
   * would take a worker for many seconds and hundreds of MB).
   */
  public Future<Buffer> pdf(String id, String lang) {
    return Future.all(s.studies().stored(id), s.rounds().list(id)).compose(all -> {
      StudyRepository.Stored stored = all.resultAt(0);
      int items = stored.study().items().size();
      if (items > PDF_ITEMS) {
        return Future.failedFuture(new Conflict("the report of a study of " + items + " items is too large for a "
            + "PDF (at most " + PDF_ITEMS + " items): read it on its page, /studies/" + id + "/report, or as JSON"));
      }
      return pdf.render(finalVersion(stored, all.resultAt(1), language(lang, stored.study())), () -> model(id, lang));
    });
  }

  private static void sendPdf(RoutingContext ctx, String study, Buffer bytes) {
    ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "inline; filename=\"" + study + "-report.pdf\"").end(bytes);
  }

  /**
   * What a report in a language is laid out from, while it cannot change (every round of the study closed): its study's
   * version (definition, rounds opened) and its rounds; null while a round is open or being opened.
   */
  private static String finalVersion(StudyRepository.Stored stored, List<Round> rounds, String lang) {
    boolean closed = rounds.stream().noneMatch(Round::open)
        && (stored.roundsOpened() == null || stored.roundsOpened() == rounds.size());
    return closed ? String.join(":", stored.study().id(), lang, stored.hash(), String.valueOf(rounds.size())) : null;
  }

  private static String lang(RoutingContext ctx) {
    return ctx.queryParams().get("lang");
  }

  /** The language asked for, if the study has it, else the study's first language. */
  private static String language(String requested, Study study) {
    return requested != null && study.languages().contains(requested) ? requested : study.firstLanguage();
  }

  /** The report in the language asked for. */
  private Future<JsonObject> model(String id, String requested) {
    return s.studies().get(id).compose(study -> s.reports().report(id).compose(report -> {
      String lang = language(requested, study);
      JsonObject model = ReportView.model(report, study, lang).put("reporting", ReportingView.model(study, lang));
      return Future.all(attritionAndFlow(id, study, report, model, lang),
          characteristics.characteristics(id).map(c -> model.put("characteristics",
              CharacteristicsView.model(c, study, lang))),
          s.mail().outbox(id).map(outbox -> model.put("conduct", ConductView.model(study, report.getJsonArray("rounds")
              .stream().map(r -> ((JsonObject) r).getInteger("round")).toList(), outbox, lang))),
          discussion(model, study, lang),
          opinion(id, study, report, model, lang)).map(model);
    }));
  }

  /** The attrition section and the flow diagram, which reads the rounds' results typed. */
  private Future<JsonObject> attritionAndFlow(String id, Study study, JsonObject report, JsonObject model,
      String lang) {
    return s.rounds().list(id).compose(rounds -> Future.all(attrition.attrition(id),
        Future.all(rounds.stream().map(r -> s.rounds().results(id, r.number())).toList())).map(all -> {
          JsonObject a = all.resultAt(0);
          List<RoundResults> results = all.<CompositeFuture>resultAt(1).list();
          return model.put("attrition", AttritionView.model(a, study, lang)).put("flow",
              FlowDiagram.model(FlowStages.of(rounds, results, report.getJsonArray("changes"), a), lang));
        }));
  }

  /** The Discussion section, for a study that has one. */
  private Future<JsonObject> discussion(JsonObject model, Study study, String lang) {
    return study.discussion() == Discussion.OFF ? Future.succeededFuture(model)
        : s.discussions().summary(study).map(list -> model.put("discussion", new JsonObject()
            .put("items", DiscussionView.model(list, study, lang))));
  }

  /** The opinion groups of the last round: the camps the panels do not show. */
  private Future<JsonObject> opinion(String id, Study study, JsonObject report, JsonObject model, String lang) {
    JsonArray rounds = report.getJsonArray("rounds");
    if (rounds.isEmpty()) {
      return Future.succeededFuture(model);
    }
    int last = rounds.getJsonObject(rounds.size() - 1).getInteger("round");
    return s.groups().groups(id, last).map(groups -> model.put("opinion",
        GroupsView.model(study, groups, lang).put("round", last)));
  }
}
