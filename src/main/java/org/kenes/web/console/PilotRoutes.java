package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.answer.AnswerSet;
import org.kenes.pilot.Pilots;
import org.kenes.round.ItemResult;
import org.kenes.round.ResultsJson;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Charts;
import org.kenes.web.ParticipantStatus;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * The console's pilot page: the pilot participants with their links, and for each round they answered what the
 * feedback would show from their answers alone, with their comments; and clearing their answers. A facilitator's.
 */
final class PilotRoutes {

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private PilotRoutes(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    PilotRoutes r = new PilotRoutes(services, page, audited);
    access.need(FACILITATOR, router.get("/console/studies/:id/pilot")).handler(r::pilot);
    access.need(FACILITATOR, router.post("/console/studies/:id/pilot/clear")).handler(r::clear);
  }

  private void pilot(RoutingContext ctx) {
    pilotPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private void clear(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.pilots().clear(id).compose(audited.by(ctx, "pilot.cleared", n -> n + " pilot answer set(s)")),
        n -> "/console/studies/" + id + "/pilot?done=pilot-cleared&n=" + n,
        problems -> pilotPage(ctx, problems.getInteger("status"), problems));
  }

  private Future<Void> pilotPage(RoutingContext ctx, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    return s.pilots().view(ctx.pathParam("id")).compose(view -> page.render(ctx, status, "pilot",
        ConsolePage.model(ctx, view.study(), viewer.text("pilot.title"), "pilot").put("form", form)
            .put("pilots", new JsonArray(view.pilots().stream().map(p -> new JsonObject().put("id", p.id())
                .put("name", p.name()).put("panel", view.study().panel(p.panel())
                    .map(x -> view.study().text(x.name(), viewer.language())).orElse(p.panel()))
                .put("withdrawn", p.withdrawn()).put("link", ParticipantStatus.link(s, p))).toList()))
            .put("rounds", new JsonArray(view.rounds().stream().map(r -> round(view.study(), r, view, viewer))
                .toList()))));
  }

  private static JsonObject round(Study study, Pilots.PilotRound r, Pilots.View view, Viewer viewer) {
    String lang = viewer.language();
    Set<String> submitted = r.sets().stream().filter(AnswerSet::submitted).map(AnswerSet::participant)
        .collect(Collectors.toSet());
    JsonArray items = new JsonArray();
    for (ItemResult result : r.results().items()) {
      String text = study.text(study.item(result.id()).orElseThrow().text(), lang);
      JsonObject model = new JsonObject().put("id", result.id()).put("text", text).put("type", result.type().key())
          .put("n", result.n()).put("comments", new JsonArray(comments(result)));
      if (result instanceof ItemResult.Rating rating) {
        model.put("median", rating.overall().median()).put("verdictText", rating.verdict() == null
            ? null : Views.text(lang, "verdict." + rating.verdict().key()));
        if (rating.n() > 0) {
          model.put("chart", Charts.Distribution.of("pilot-" + r.round() + "-" + result.id(),
              viewer.text("pilot.chart", text), ResultsJson.stats(rating.overall()), Charts.Bands.of(study.criteria()),
              null));
        }
      }
      items.add(model);
    }
    return new JsonObject().put("round", r.round()).put("held", r.held()).put("submitted", submitted.size())
        .put("sets", r.sets().size()).put("pilots", view.pilots().size()).put("items", items);
  }

  private static List<String> comments(ItemResult result) {
    List<String> comments = result instanceof ItemResult.Rating rating ? rating.comments()
        : result instanceof ItemResult.Ranking ranking ? ranking.comments() : null;
    return comments == null ? List.of() : comments;
  }
}
