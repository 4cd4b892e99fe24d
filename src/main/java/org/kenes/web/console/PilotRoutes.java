package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.Services;
import org.kenes.answer.AnswerSet;
import org.kenes.pilot.Pilots;
import org.kenes.study.Item;
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
    r.results().getJsonArray("items").forEach(o -> {
      JsonObject result = (JsonObject) o;
      String id = result.getString("id");
      Item item = study.item(id).orElseThrow();
      String text = study.text(item.text(), lang);
      JsonObject overall = result.getJsonObject("overall", new JsonObject());
      JsonObject model = new JsonObject().put("id", id).put("text", text).put("type", item.type().key())
          .put("n", "open".equals(result.getString("type")) ? result.getValue("responses") : overall.getValue("n"))
          .put("comments", result.getJsonArray("comments", new JsonArray()));
      if ("rating".equals(result.getString("type"))) {
        model.put("median", overall.getValue("median")).put("verdictText", overall.getString("verdict") == null
            ? null : Views.text(lang, "verdict." + overall.getString("verdict")));
        if (overall.getLong("n", 0L) > 0) {
          model.put("chart", Charts.Distribution.of("pilot-" + r.round() + "-" + id,
              viewer.text("pilot.chart", text), overall, Charts.Bands.of(study.criteria()), null));
        }
      }
      items.add(model);
    });
    return new JsonObject().put("round", r.round()).put("held", r.held()).put("submitted", submitted.size())
        .put("sets", r.sets().size()).put("pilots", view.pilots().size()).put("items", items);
  }
}
