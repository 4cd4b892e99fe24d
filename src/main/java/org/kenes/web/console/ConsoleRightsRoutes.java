package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.OWNER;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kenes.account.Account;
import org.kenes.common.Invalid;
import org.kenes.consent.Consents;
import org.kenes.participant.Participant;
import org.kenes.privacy.Retention;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Views;

/**
 * The console's side of panelists' rights: a participant's page with withdrawing and erasing them at their request,
 * publishing the results to the panelists with the thank-you message, the retention period on the study's page, and
 * deleting the whole study. Every text comes from the bundles, in the console's language.
 *
 * <p>The role each route needs, declared with each route ({@link Access}):
 * <pre>
 * GET  /console/studies/:id/participants/:pid           facilitator
 * POST /console/studies/:id/participants/:pid/withdraw  facilitator
 * POST /console/studies/:id/participants/:pid/erase     owner
 * POST /console/studies/:id/publication                 facilitator
 * POST /console/studies/:id/results-mail                facilitator
 * GET  /console/studies/:id/delete                      owner
 * POST /console/studies/:id/delete                      owner
 * </pre>
 */
final class ConsoleRightsRoutes {

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsoleRightsRoutes(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ConsoleRightsRoutes r = new ConsoleRightsRoutes(services, page, audited);
    access.need(FACILITATOR, router.get("/console/studies/:id/participants/:pid")).handler(r::participant);
    access.need(FACILITATOR, router.post("/console/studies/:id/participants/:pid/withdraw")).handler(r::withdraw);
    access.need(OWNER, router.post("/console/studies/:id/participants/:pid/erase")).handler(r::erase);
    access.need(FACILITATOR, router.post("/console/studies/:id/publication")).handler(r::publish);
    access.need(FACILITATOR, router.post("/console/studies/:id/results-mail")).handler(r::thank);
    access.need(OWNER, router.get("/console/studies/:id/delete")).handler(r::deletePage);
    access.need(OWNER, router.post("/console/studies/:id/delete")).handler(r::delete);
  }

  /**
   * What the study's page shows of its retention period and its publication. The warning from 30 days before, and who
   * is warned by mail, are for its owners (and the admin), who answer for the data: {@code owns}.
   */
  static Future<JsonObject> overview(Services s, Study study, String lang, boolean owns) {
    return Future.all(s.retention().schedule(study.id()), s.publications().find(study.id()),
        owns ? s.roles().owners(study.id()) : Future.succeededFuture(List.<Account>of())).map(all -> {
          Retention.Schedule schedule = all.resultAt(0);
          java.util.Optional<String> published = all.resultAt(1);
          Long left = schedule.daysLeft(s.retention().now());
          JsonObject retention = new JsonObject()
              .put("text", schedule.purgedAt() != null
                  ? Views.text(lang, "retention.purged", Views.date(schedule.purgedAt(), lang), schedule.days())
                  : Views.text(lang, "retention.running", schedule.days()))
              .put("until", left == null ? null : Views.text(lang, "retention.until",
                  Views.date(schedule.purgeAt(), lang), left))
              .put("warning", owns ? warning(schedule, s.retention().now(), lang) : null)
              .put("recipients", owns && schedule.purgedAt() == null ? recipients(study, all.resultAt(2), lang) : null);
          return new JsonObject().put("retention", retention)
              .put("publication", new JsonObject().put("published", published.isPresent())
                  .put("done", published.map(at -> Views.text(lang, "publish.done", Views.date(at, lang)))
                      .orElse(null)));
        });
  }

  /** Who the retention warnings go to by mail, and which owners they miss for want of an address. */
  private static JsonArray recipients(Study study, List<Account> owners, String lang) {
    List<String> warned = new ArrayList<>();
    owners.stream().filter(a -> a.email() != null)
        .forEach(a -> warned.add(Views.text(lang, "retention.recipient.owner", a.name())));
    String contact = study.privacy().contact();
    if (contact != null) {
      warned.add(Views.text(lang, "retention.recipient.contact", contact));
    }
    JsonArray lines = new JsonArray().add(warned.isEmpty() ? Views.text(lang, "retention.noRecipient")
        : Views.text(lang, "retention.recipients", String.join(", ", warned)));
    List<String> without = owners.stream().filter(a -> a.email() == null).map(Account::name).toList();
    if (!without.isEmpty()) {
      lines.add(Views.text(lang, "retention.ownersWithout", String.join(", ", without)));
    }
    return lines;
  }

  /**
   * The warning the studies' list and the study's page show its owners (and the admin) from 30 days before its
   * personal data goes; null before, and for other roles.
   */
  static Future<String> warning(Services s, Study study, String lang, boolean owns) {
    return owns ? s.retention().schedule(study.id()).map(schedule -> warning(schedule, s.retention().now(), lang))
        : Future.succeededFuture();
  }

  private static String warning(Retention.Schedule schedule, Instant now, String lang) {
    Long left = schedule.daysLeft(now);
    return left == null || left > 30 ? null
        : Views.text(lang, "retention.warning", left, Views.date(schedule.purgeAt(), lang));
  }

  private void participant(RoutingContext ctx) {
    participantPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> participantPage(RoutingContext ctx, int status, JsonObject form) {
    return Future.all(s.studies().get(ctx.pathParam("id")), find(ctx)).compose(found -> {
      Study study = found.resultAt(0);
      Participant p = found.resultAt(1);
      return s.consents().statuses(study).compose(consents -> {
        JsonObject model = ConsolePage.model(ctx, study, "", "participants");
        String lang = model.getString("lang");
        JsonObject person = new JsonObject().put("id", p.id()).put("name", p.name()).put("email", p.email())
            .put("panel", study.panel(p.panel()).map(x -> study.text(x.name(), lang)).orElse(p.panel()))
            .put("consent", Views.text(lang, "privacy.consent." + Consents.status(study, consents, p.id()).key()))
            .put("status", Views.text(lang, p.withdrawn() ? "privacy.withdrawn" : "privacy.active"))
            .put("withdrawn", p.withdrawn()).put("pilot", p.pilot());
        return page.render(ctx, status, "participant", model.put("title", Views.text(lang, "privacy.participant",
            p.id())).put("form", form).put("person", person));
      });
    });
  }

  private Future<Participant> find(RoutingContext ctx) {
    return s.personalData().participant(ctx.pathParam("id"), ctx.pathParam("pid"));
  }

  private void withdraw(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, confirmed(ctx).compose(v -> find(ctx))
            .compose(p -> s.personalData().withdraw(p, FacilitatorAuth.actor(ctx))),
        done -> "/console/studies/" + id + "/participants/" + ctx.pathParam("pid") + "?done=withdrawn",
        problems -> participantPage(ctx, problems.getInteger("status"), problems));
  }

  private void erase(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, confirmed(ctx).compose(v -> find(ctx))
            .compose(p -> s.personalData().erase(p, FacilitatorAuth.actor(ctx))),
        done -> "/console/studies/" + id + "/participants?done=erased",
        problems -> participantPage(ctx, problems.getInteger("status"), problems));
  }

  private static Future<Void> confirmed(RoutingContext ctx) {
    return "yes".equals(ctx.request().getFormAttribute("confirm")) ? Future.succeededFuture()
        : Future.failedFuture(new Invalid("confirm", "tick the box to confirm"));
  }

  private void publish(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.publications().publish(id, FacilitatorAuth.actor(ctx).name())
            .compose(audited.by(ctx, "results.published", at -> "the results, for the panelists")),
        at -> "/console/studies/" + id + "?done=published",
        problems -> ConsoleRoutes.studyPage(s, page, ctx, problems.getInteger("status"), problems));
  }

  private void thank(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.mail().thank(id)
            .compose(audited.by(ctx, "results-mail.queued", q -> q.queued() + " message(s)")),
        q -> "/console/studies/" + id + "?done=thanked&n=" + q.queued(),
        problems -> ConsoleRoutes.studyPage(s, page, ctx, problems.getInteger("status"), problems));
  }

  private void deletePage(RoutingContext ctx) {
    deleteForm(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> deleteForm(RoutingContext ctx, int status, JsonObject form) {
    return s.studies().get(ctx.pathParam("id")).compose(study -> {
      JsonObject model = ConsolePage.model(ctx, study, "", "overview");
      return page.render(ctx, status, "delete", model.put("title", Views.text(model.getString("lang"), "delete.title"))
          .put("form", form));
    });
  }

  private void delete(RoutingContext ctx) {
    page.submit(ctx, s.deletion().delete(ctx.pathParam("id"), ctx.request().getFormAttribute("confirm"),
            FacilitatorAuth.actor(ctx)),
        id -> "/console?done=deleted",
        problems -> deleteForm(ctx, problems.getInteger("status"), problems));
  }
}
