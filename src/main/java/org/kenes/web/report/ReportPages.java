package org.kenes.web.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.Services;
import org.kenes.common.Conflict;
import org.kenes.round.Round;
import org.kenes.study.Study;
import org.kenes.study.StudyRepository;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Views;

/** The consensus report as a page and as a PDF, for strategy writers; facilitator access. */
public final class ReportPages {

  /** The largest study whose report is laid out as a PDF. */
  static final int PDF_ITEMS = 300;

  private final Services s;
  private final Views views;
  private final ReportPdf pdf;

  private ReportPages(Vertx vertx, Services services, Views views) {
    this.s = services;
    this.views = views;
    this.pdf = new ReportPdf(vertx, views);
  }

  /** The page on the main router, the PDF on the API router (whose facilitator check it shares). */
  public static void mount(Router router, Router api, Vertx vertx, Services services, Views views, FacilitatorAuth auth) {
    ReportPages r = new ReportPages(vertx, services, views);
    router.get("/studies/:id/report").handler(auth).handler(r::page);
    api.get("/studies/:id/report.pdf").handler(r::pdf);
  }

  private void page(RoutingContext ctx) {
    model(ctx).compose(model -> views.respond(ctx, 200, "report", model)).onFailure(ctx::fail);
  }

  /**
   * The PDF, for a study of up to {@value #PDF_ITEMS} items (a larger one is read on its page or as JSON: its PDF
   * would take a worker for many seconds and hundreds of MB).
   */
  private void pdf(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future.all(s.studies().stored(id), s.rounds().list(id)).compose(all -> {
          StudyRepository.Stored stored = all.resultAt(0);
          int items = stored.study().items().size();
          if (items > PDF_ITEMS) {
            return Future.failedFuture(new Conflict("the report of a study of " + items + " items is too large for a "
                + "PDF (at most " + PDF_ITEMS + " items): read it on its page, /studies/" + id + "/report, "
                + "or as JSON"));
          }
          return pdf.render(finalVersion(stored, all.resultAt(1), language(ctx, stored.study())), () -> model(ctx));
        })
        .onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"" + id + "-report.pdf\"").end(bytes))
        .onFailure(ctx::fail);
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

  /** The language asked for with ?lang=, if the study has it, else the study's first language. */
  private static String language(RoutingContext ctx, Study study) {
    String requested = ctx.queryParams().get("lang");
    return requested != null && study.languages().contains(requested) ? requested : study.firstLanguage();
  }

  /** The report in the language asked for. */
  private Future<JsonObject> model(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return s.studies().get(id).compose(study -> s.reports().report(id).compose(report -> {
      String lang = language(ctx, study);
      JsonObject model = ReportView.model(report, study, lang);
      JsonArray rounds = report.getJsonArray("rounds");
      if (rounds.isEmpty()) {
        return Future.succeededFuture(model);
      }
      // The opinion groups of the last round: the camps the panels do not show.
      int last = rounds.getJsonObject(rounds.size() - 1).getInteger("round");
      return s.groups().groups(id, last).map(groups -> model.put("opinion",
          GroupsView.model(study, groups, lang).put("round", last)));
    }));
  }
}
