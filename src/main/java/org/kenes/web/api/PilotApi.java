package org.kenes.web.api;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerSet;
import org.kenes.pilot.Pilots;
import org.kenes.round.ResultsJson;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.ParticipantStatus;
import org.kenes.web.Responses;

/**
 * The pilot participants' answers, for facilitators: {@code GET /api/studies/{id}/pilot}, and {@code DELETE
 * /api/studies/{id}/pilot/answers} to clear them (audited).
 */
public final class PilotApi {

  private final Services s;
  private final Audited audited;

  private PilotApi(Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
  }

  static void mount(Router api, Services services, Access access, Audited audited) {
    PilotApi r = new PilotApi(services, audited);
    access.need(FACILITATOR, api.get("/studies/:id/pilot")).handler(r::view);
    access.need(FACILITATOR, api.delete("/studies/:id/pilot/answers")).handler(r::clear);
  }

  private void view(RoutingContext ctx) {
    s.pilots().view(ctx.pathParam("id"))
        .onSuccess(view -> Responses.json(ctx, 200, json(s, view)))
        .onFailure(ctx::fail);
  }

  private void clear(RoutingContext ctx) {
    s.pilots().clear(ctx.pathParam("id"))
        .compose(audited.by(ctx, "pilot.cleared", n -> n + " pilot answer set(s)"))
        .onSuccess(n -> Responses.json(ctx, 200, new JsonObject().put("cleared", n)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code {"study", "pilots": [{"id", "name", "email", "panel", "language", "withdrawnAt", "link"}], "rounds":
   * [{"round", "held", "items", "sets": [{"participant", "panel", "submitted", "updatedAt", "answers"}], "results"}]}}
   */
  public static JsonObject json(Services s, Pilots.View view) {
    JsonArray pilots = new JsonArray(view.pilots().stream().map(p -> new JsonObject().put("id", p.id())
        .put("name", p.name()).put("email", p.email()).put("panel", p.panel()).put("language", p.language())
        .put("withdrawnAt", p.withdrawnAt()).put("link", ParticipantStatus.link(s, p))).toList());
    JsonArray rounds = new JsonArray(view.rounds().stream().map(r -> new JsonObject().put("round", r.round())
        .put("held", r.held()).put("items", new JsonArray(r.items()))
        .put("sets", new JsonArray(r.sets().stream().map(PilotApi::set).toList())).put("results", ResultsJson.toJson(r.results())))
        .toList());
    return new JsonObject().put("study", view.study().id()).put("pilots", pilots).put("rounds", rounds);
  }

  private static JsonObject set(AnswerSet set) {
    JsonObject answers = new JsonObject();
    set.answers().forEach((item, answer) -> answers.put(item, AnswerJson.toJson(answer)));
    return new JsonObject().put("participant", set.participant()).put("panel", set.panel())
        .put("submitted", set.submitted()).put("updatedAt", set.updatedAt()).put("answers", answers);
  }
}
