package org.kenes.web.report;

import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import org.kenes.report.AttritionService;
import org.kenes.report.CharacteristicsService;
import org.kenes.report.ChecklistJson;
import org.kenes.report.FilteredResults;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.PathParams;
import org.kenes.web.Responses;

/**
 * What a journal asks of the report, as JSON on the API router: attrition, who the panel was, results by attribute
 * and the checklists. The report page shows the same ({@link ReportPages}).
 */
final class JournalApi {

  private final Services s;
  private final AttritionService attrition;
  private final CharacteristicsService characteristics;
  private final FilteredResults filtered;

  JournalApi(Vertx vertx, Services services) {
    this.s = services;
    this.attrition = new AttritionService(vertx, services.studies(), services.rounds(), services.answerSets(),
        services.participants());
    this.filtered = new FilteredResults(vertx, services.studies(), services.rounds(), services.attributes());
    this.characteristics = new CharacteristicsService(services.studies(), services.rounds(), services.answerSets(),
        services.attributes());
  }

  AttritionService attrition() {
    return attrition;
  }

  CharacteristicsService characteristics() {
    return characteristics;
  }

  void mount(Router api, Access access) {
    access.need(READER, api.get("/studies/:id/attrition")).handler(this::attrition);
    access.need(READER, api.get("/studies/:id/characteristics")).handler(this::characteristics);
    access.need(READER, api.get("/studies/:id/rounds/:n/filtered")).handler(this::filtered);
    access.need(READER, api.get("/studies/:id/checklist")).handler(this::checklist);
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

  /** Where the report answers each item of ACCORD and DELPHISTAR: generated, given, missing or outside. */
  private void checklist(RoutingContext ctx) {
    s.studies().get(ctx.pathParam("id")).map(ChecklistJson::of).onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }
}
