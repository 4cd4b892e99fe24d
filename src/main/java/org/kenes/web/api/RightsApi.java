package org.kenes.web.api;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.OWNER;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.participant.Participant;
import org.kenes.privacy.PersonalData;
import org.kenes.privacy.Retention;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Responses;

/**
 * The facilitator's API for panelists' rights: withdrawing or erasing a participant at their request, publishing the
 * results to the panelists and thanking them, the study's retention period, and deleting the whole study. Behind the
 * facilitator token of {@code /api/studies*} ({@link ApiRoutes}).
 *
 * <p>The role each route needs, declared with each route ({@link Access}):
 * <pre>
 * POST   /api/studies/:id/participants/:pid/withdraw   facilitator
 * DELETE /api/studies/:id/participants/:pid            owner
 * GET    /api/studies/:id/publication                  reader
 * POST   /api/studies/:id/publication                  facilitator
 * POST   /api/studies/:id/results-mail                 facilitator
 * GET    /api/studies/:id/retention                    reader
 * DELETE /api/studies/:id?confirm=ID                   owner
 * </pre>
 */
public final class RightsApi {

  private final Services s;
  private final Audited audited;

  private RightsApi(Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
  }

  public static void mount(Router api, Services services, Access access, Audited audited) {
    RightsApi r = new RightsApi(services, audited);
    access.need(FACILITATOR, api.post("/studies/:id/participants/:pid/withdraw")).handler(r::withdraw);
    access.need(OWNER, api.delete("/studies/:id/participants/:pid")).handler(r::erase);
    access.need(READER, api.get("/studies/:id/publication")).handler(r::publication);
    access.need(FACILITATOR, api.post("/studies/:id/publication")).handler(r::publish);
    access.need(FACILITATOR, api.post("/studies/:id/results-mail")).handler(r::thank);
    access.need(READER, api.get("/studies/:id/retention")).handler(r::retention);
    access.need(OWNER, api.delete("/studies/:id")).handler(r::deleteStudy);
  }

  private Future<Participant> participant(RoutingContext ctx) {
    String study = ctx.pathParam("id");
    return s.studies().get(study).compose(st -> s.personalData().participant(study, ctx.pathParam("pid")));
  }

  private void withdraw(RoutingContext ctx) {
    participant(ctx).compose(p -> s.personalData().withdraw(p, FacilitatorAuth.actor(ctx)))
        .onSuccess(done -> Responses.json(ctx, 200, done(done).put("withdrawn", true)))
        .onFailure(ctx::fail);
  }

  private void erase(RoutingContext ctx) {
    participant(ctx).compose(p -> s.personalData().erase(p, FacilitatorAuth.actor(ctx)))
        .onSuccess(done -> Responses.json(ctx, 200, done(done).put("erased", true)))
        .onFailure(ctx::fail);
  }

  private static JsonObject done(PersonalData.Done done) {
    return new JsonObject().put("round", done.round().orElse(null));
  }

  private void publication(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(st -> s.publications().find(id))
        .onSuccess(at -> Responses.json(ctx, 200, new JsonObject().put("published", at.isPresent())
            .put("publishedAt", at.orElse(null))))
        .onFailure(ctx::fail);
  }

  private void publish(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(st -> s.publications().publish(id, FacilitatorAuth.actor(ctx).name()))
        .compose(audited.by(ctx, "results.published", at -> "the results, for the panelists"))
        .onSuccess(at -> Responses.json(ctx, 200, new JsonObject().put("published", true).put("publishedAt", at)))
        .onFailure(ctx::fail);
  }

  private void thank(RoutingContext ctx) {
    s.mail().thank(ctx.pathParam("id"))
        .compose(audited.by(ctx, "results-mail.queued", q -> q.queued() + " message(s)"))
        .onSuccess(q -> Responses.json(ctx, 200, new JsonObject().put("queued", q.queued())
            .put("withoutEmail", q.withoutEmail())))
        .onFailure(ctx::fail);
  }

  /** {@code {"days", "endedAt", "purgeAt", "daysLeft", "purgedAt"}}: nulls while the study runs. */
  private void retention(RoutingContext ctx) {
    s.retention().schedule(ctx.pathParam("id"))
        .onSuccess(r -> Responses.json(ctx, 200, json(r, s.retention())))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(Retention.Schedule r, Retention retention) {
    return new JsonObject().put("days", r.days()).put("endedAt", r.endedAt()).put("purgeAt", r.purgeAt())
        .put("daysLeft", r.daysLeft(retention.now())).put("purgedAt", r.purgedAt());
  }

  private void deleteStudy(RoutingContext ctx) {
    s.deletion().delete(ctx.pathParam("id"), ctx.queryParams().get("confirm"), FacilitatorAuth.actor(ctx))
        .onSuccess(id -> Responses.json(ctx, 200, new JsonObject().put("deleted", id)))
        .onFailure(ctx::fail);
  }
}
