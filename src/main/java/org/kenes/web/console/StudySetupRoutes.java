package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.CopiedFrom;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.StudyCopies;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * On a study's overview: what round 1 still waits for, where a copied study came from, the next round scheduled to
 * open by itself, and the study copied under a new id to start the next dialogue from it.
 *
 * <pre>
 * route                                          role needed, declared with each route ({@link Access})
 * POST /console/studies/{id}/rounds/schedule     facilitator
 * POST /console/studies/{id}/copy                facilitator of {id}; the account becomes the copy's owner
 * </pre>
 */
final class StudySetupRoutes {

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;
  private final OverviewPage overview;

  /** Draws the overview again, with a refused form's problems. */
  interface OverviewPage {
    Future<Void> show(RoutingContext ctx, int status, JsonObject form);
  }

  private StudySetupRoutes(Services services, ConsolePage page, Audited audited, OverviewPage overview) {
    this.s = services;
    this.page = page;
    this.audited = audited;
    this.overview = overview;
  }

  static void mount(Router router, Services services, ConsolePage page,
      Audited audited, OverviewPage overview, Access access) {
    StudySetupRoutes r = new StudySetupRoutes(services, page, audited, overview);
    access.need(FACILITATOR, router.post("/console/studies/:id/rounds/schedule")).handler(r::schedule);
    access.need(FACILITATOR, router.post("/console/studies/:id/copy")).handler(r::copy);
  }

  /** What the overview adds for a study: its draft's state, where it came from, its schedule. */
  static JsonObject model(StudyRepository.Stored stored, List<Round> rounds, Viewer viewer) {
    String lang = viewer.language();
    Study study = stored.study();
    JsonObject model = new JsonObject();
    if (stored.copiedFrom() != null) {
      CopiedFrom from = stored.copiedFrom();
      model.put("copiedFrom", from.afterRound() == 0
              ? Views.text(lang, "builder.overview.copiedFromDraft", from.study(), viewer.when(from.at()))
              : Views.text(lang, "builder.overview.copiedFrom", from.study(), from.afterRound(),
                  viewer.when(from.at())))
          .put("copiedFromId", stored.copiedFrom().study());
    }
    if (rounds.isEmpty() && !stored.missing().isEmpty()) {
      BuilderFields labels = new BuilderFields(StudyFormat.toJson(study).copy(), List.of(), lang,
          study.id());
      JsonArray missing = new JsonArray();
      stored.missing().stream().limit(12).forEach(p -> missing.add(new JsonObject().put("label", labels.label(p.path()))
          .put("message", p.message(lang))));
      model.put("missing", new JsonObject().put("count", stored.missing().size()).put("list", missing)
          .put("more", Math.max(0, stored.missing().size() - 12)));
    }
    Instant at = study.rounds().opensAt();
    boolean pending = at != null && rounds.stream().noneMatch(r -> !Instant.parse(r.openedAt()).isBefore(at));
    if (pending && rounds.size() < study.rounds().max()) {
      model.put("scheduled", viewer.when(at.toString()));
    }
    return model;
  }

  /** {@code opensAt} (a date and time in the reader's time zone) schedules the next round; empty, it unschedules it. */
  private void schedule(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<Study> scheduled;
    Instant at;
    try {
      at = Deadline.parse(ctx.request().getFormAttribute("opensAt"), "opensAt", Viewer.of(ctx).zone());
      scheduled = s.studies().schedule(id, at);
    } catch (Invalid e) {
      at = null;
      scheduled = Future.failedFuture(e);
    }
    Instant when = at;
    page.submit(ctx, scheduled.compose(audited.by(ctx, when == null ? "round.unscheduled" : "round.scheduled",
            st -> when == null ? "next round" : "next round opens at " + when)),
        st -> "/console/studies/" + id + "?done=" + (when == null ? "unscheduled" : "scheduled"),
        problems -> overview.show(ctx, problems.getInteger("status"), problems));
  }

  /** A copy under the id given ({@code newId}), opened in the builder. */
  private void copy(RoutingContext ctx) {
    String from = ctx.pathParam("id");
    String to = ctx.request().getFormAttribute("newId") == null ? "" : ctx.request().getFormAttribute("newId").strip();
    page.submit(ctx, StudyCopies.copy(s, from, to, FacilitatorAuth.actor(ctx))
            .compose(copy -> audited.on(ctx, copy.id(), "study.copied", (Study st) -> "from " + from).apply(copy)),
        copy -> BuilderPage.href(copy.id(), "general") + "?done=copied",
        problems -> overview.show(ctx, problems.getInteger("status"), problems.put("newId", to)));
  }
}
