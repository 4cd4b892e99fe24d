package org.kenes.web.api;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.services.Services;
import org.kenes.study.ItemSheet;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Responses;
import org.kenes.web.StudyCopies;
import org.kenes.web.Views;

/**
 * The API of building a study, besides replacing its whole definition: the definition as a study file, a copy under
 * a new id, when the next round opens by itself, its items as a spreadsheet, imported or downloaded, and the
 * questionnaire as a panelist would get it.
 *
 * <pre>
 * route                                   role needed, declared with each route ({@link Access})
 * GET  /api/studies/{id}/study.yaml       reader
 * POST /api/studies/{id}/copy             facilitator of {id}; the account becomes the copy's owner
 * PUT  /api/studies/{id}/opens-at         facilitator
 * POST /api/studies/{id}/items/import     facilitator
 * GET  /api/studies/{id}/items.xlsx       reader
 * GET  /api/studies/{id}/items.csv        reader
 * GET  /api/studies/{id}/preview          reader
 * </pre>
 */
public final class StudyDraftApi {

  /** The media type of an XLSX workbook. */
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Vertx vertx;
  private final Services s;
  private final Audited audited;

  private StudyDraftApi(Vertx vertx, Services services, Audited audited) {
    this.vertx = vertx;
    this.s = services;
    this.audited = audited;
  }

  static void mount(Router api, Vertx vertx, Services services, Access access, Audited audited) {
    StudyDraftApi r = new StudyDraftApi(vertx, services, audited);
    access.need(READER, api.get("/studies/:id/study.yaml")).handler(r::yaml);
    access.need(FACILITATOR, api.post("/studies/:id/copy")).handler(r::copy);
    access.need(FACILITATOR, api.put("/studies/:id/opens-at")).handler(r::schedule);
    access.need(FACILITATOR, api.post("/studies/:id/items/import")).handler(r::importItems);
    access.need(READER, api.get("/studies/:id/items.xlsx")).handler(r::itemsXlsx);
    access.need(READER, api.get("/studies/:id/items.csv")).handler(r::itemsCsv);
    access.need(READER, api.get("/studies/:id/preview")).handler(r::preview);
  }

  /** The study file of a study: what {@code POST /api/studies} and {@code surveys/} take back as the same study. */
  private void yaml(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).map(StudyFormat::toYaml)
        .onSuccess(yaml -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + ".yaml\"").end(yaml))
        .onFailure(ctx::fail);
  }

  /** {@code {"id": "new-id"}} → 201 {@code {"id", "copiedFrom"}}: the definition as it stands, nothing of its run. */
  private void copy(RoutingContext ctx) {
    String from = ctx.pathParam("id");
    Object to = Bodies.jsonObject(ctx).getValue("id");
    if (!(to instanceof String newId)) {
      throw new Invalid(List.of(Problem.worded("id", to == null ? "problem.missing" : "problem.text")));
    }
    StudyCopies.copy(s, from, newId, FacilitatorAuth.actor(ctx))
        .compose(copy -> audited.on(ctx, copy.id(), "study.copied", (Study st) -> "from " + from).apply(copy))
        .compose(copy -> s.studies().stored(copy.id()))
        .onSuccess(copy -> Responses.json(ctx, 201, new JsonObject().put("id", copy.study().id())
            .put("copiedFrom", ApiJson.copiedFrom(copy.copiedFrom()))))
        .onFailure(ctx::fail);
  }

  /** {@code {"opensAt": "2026-12-01T09:00:00Z"}} schedules the next round; {@code {"opensAt": null}} unschedules it. */
  private void schedule(RoutingContext ctx) {
    Instant at = Deadline.parse(Bodies.jsonObject(ctx).getValue("opensAt"), "opensAt");
    s.studies().schedule(ctx.pathParam("id"), at)
        .compose(audited.by(ctx, at == null ? "round.unscheduled" : "round.scheduled",
            st -> at == null ? "next round" : "next round opens at " + at))
        .onSuccess(study -> Responses.json(ctx, 200, new JsonObject().put("id", study.id())
            .put("opensAt", at == null ? null : at.toString())))
        .onFailure(ctx::fail);
  }

  /** A CSV or XLSX body ({@link ItemSheet}) merged into a draft's items → 200 {@code {"added", "updated"}}. */
  private void importItems(RoutingContext ctx) {
    byte[] file = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    if (file.length == 0) {
      throw new Invalid("", "the request has no body");
    }
    s.studies().importItems(ctx.pathParam("id"), file)
        .compose(audited.by(ctx, "items.imported", ItemSheet.Imported::summary))
        .onSuccess(i -> Responses.json(ctx, 200, new JsonObject().put("added", i.added()).put("updated", i.updated())))
        .onFailure(ctx::fail);
  }

  /**
   * The study's items as a workbook in the import's format, with a sheet saying how to fill it in ({@code ?lang=}): the
   * template to start from, or the items to edit and import again.
   */
  private void itemsXlsx(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String lang = SheetHelp.language(ctx.queryParams().get("lang"));
    s.studies().get(id).compose(study -> vertx.executeBlocking(() -> ItemSheet.xlsx(study,
            Views.text(lang, "builder.sheet.items"), Views.text(lang, "builder.sheet.help"),
            SheetHelp.lines(study, lang)), false))
        .onSuccess(bytes -> ctx.response().putHeader("Content-Type", XLSX)
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-items.xlsx\"")
            .end(Buffer.buffer(bytes)))
        .onFailure(ctx::fail);
  }

  private void itemsCsv(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).map(ItemSheet::csv)
        .onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-items.csv\"").end(csv))
        .onFailure(ctx::fail);
  }

  /**
   * {@code ?panel=&lang=}: the questionnaire JSON a panelist of that panel would get in that language for the open
   * round or the next one, with the feedback of the rounds before; nothing is read of any panelist, nothing stored.
   */
  private void preview(RoutingContext ctx) {
    s.answers().preview(ctx.pathParam("id"), ctx.queryParams().get("panel"), ctx.queryParams().get("lang"))
        .onSuccess(q -> Responses.json(ctx, 200, q))
        .onFailure(ctx::fail);
  }
}
