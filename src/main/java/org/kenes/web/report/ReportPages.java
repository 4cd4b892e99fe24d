package org.kenes.web.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.Services;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Views;

/** The consensus report as a page and as a PDF, for strategy writers; facilitator access. */
public final class ReportPages {

  private final Services s;
  private final Views views;
  private final ReportPdf pdf;

  private ReportPages(Vertx vertx, Services services, Views views) {
    this.s = services;
    this.views = views;
    this.pdf = new ReportPdf(vertx, views);
  }

  /**
   * The page on the main router, the PDF on the API router (whose facilitator check it shares); answers the pages,
   * whose PDF a panelist's link also gives once the results are published.
   */
  public static ReportPages mount(Router router, Router api, Vertx vertx, Services services, Views views,
      FacilitatorAuth auth) {
    ReportPages r = new ReportPages(vertx, services, views);
    router.get("/studies/:id/report").handler(auth).handler(r::page);
    api.get("/studies/:id/report.pdf").handler(r::pdf);
    return r;
  }

  private void page(RoutingContext ctx) {
    model(ctx.pathParam("id"), ctx.queryParams().get("lang")).compose(model -> views.respond(ctx, 200, "report", model))
        .onFailure(ctx::fail);
  }

  private void pdf(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    pdf(id, ctx.queryParams().get("lang"))
        .onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "inline; filename=\"" + id + "-report.pdf\"").end(bytes))
        .onFailure(ctx::fail);
  }

  /** The report of a study as a PDF, in {@code lang} if the study has it. */
  public Future<Buffer> pdf(String id, String lang) {
    return model(id, lang).compose(pdf::render);
  }

  /** The report in the language asked for, if the study has it, else the study's first language. */
  private Future<JsonObject> model(String id, String requested) {
    return s.studies().get(id).compose(study -> s.reports().report(id).compose(report -> {
      String lang = requested != null && study.languages().contains(requested) ? requested : study.firstLanguage();
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
