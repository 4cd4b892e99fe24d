package org.kenes.web.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.kenes.Services;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.Deadline;
import org.kenes.web.Responses;

/**
 * The API of building a study, besides replacing its whole definition: the definition as a study file, a copy under
 * a new id, and when the next round opens by itself.
 *
 * <pre>
 * route                                   role needed (DESIGN.md, "Who may do what")
 * GET  /api/studies/{id}/study.yaml       reader
 * POST /api/studies/{id}/copy             reader of {id}; the account becomes the copy's owner
 * PUT  /api/studies/{id}/opens-at         facilitator
 * </pre>
 */
final class StudyDraftApi {

  private final Services s;
  private final Audited audited;

  private StudyDraftApi(Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
  }

  static void mount(Router api, Vertx vertx, Services services, Audited audited) {
    StudyDraftApi r = new StudyDraftApi(services, audited);
    api.get("/studies/:id/study.yaml").handler(r::yaml);
    api.post("/studies/:id/copy").handler(r::copy);
    api.put("/studies/:id/opens-at").handler(r::schedule);
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
      throw new Invalid(java.util.List.of(Problem.of("id", to == null ? "missing" : "text")));
    }
    s.rounds().list(from).compose(rounds -> s.studies().copy(from, newId, rounds.size()))
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
}
