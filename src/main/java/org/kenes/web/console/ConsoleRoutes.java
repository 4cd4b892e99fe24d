package org.kenes.web.console;

import static org.kenes.web.Access.Need.ACCOUNT;
import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.account.Actor;
import org.kenes.account.Role;
import org.kenes.audit.AuditLog;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.PathParams;
import org.kenes.web.Viewer;
import org.kenes.web.Views;
import org.kenes.web.Visible;

/**
 * The facilitator's console ({@code /console}): the studies, a study's overview and rounds, and accounts. Signing in
 * and out is {@link ConsoleLogin}'s, a running study's other pages {@link ConsoleStudyRoutes}'s. Every form carries
 * the session's CSRF token.
 */
public final class ConsoleRoutes {

  public static final String UPLOAD = "/console/studies";

  private final Vertx vertx;
  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsoleRoutes(Vertx vertx, Services services, ConsolePage page, Audited audited) {
    this.vertx = vertx;
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  public static void mount(Router router, Vertx vertx, Services services, Views views, FacilitatorAuth auth,
      Access access, Audited audited) {
    ConsolePage page = new ConsolePage(views);
    ConsoleRoutes r = new ConsoleRoutes(vertx, services, page, audited);
    ConsoleLogin.mount(router, services, page, access);
    router.route("/console*").handler(auth);
    access.need(ACCOUNT, router.get("/console")).handler(r::studies);
    access.need(ACCOUNT, router.post(UPLOAD)).handler(r::createStudy);
    access.need(READER, router.get("/console/studies/:id")).handler(r::study);
    access.need(FACILITATOR, router.get("/console/studies/:id/edit")).handler(r::editPage);
    access.need(FACILITATOR, router.post("/console/studies/:id/edit")).handler(r::edit);
    access.need(FACILITATOR, router.post("/console/studies/:id/rounds")).handler(r::openRound);
    access.need(FACILITATOR, router.post("/console/studies/:id/rounds/:n/close")).handler(r::closeRound);
    ConsoleStudyRoutes.mount(router, vertx, services, page, access, audited);
    ConsoleAccessRoutes.mount(router, services, page, access, audited);
    ConsolePreferences.mount(router, services, page, access, audited);
    ConsoleAccounts.mount(router, services, page, access, audited);
    BuilderRoutes.mount(router, services, page, audited, access);
    StudySetupRoutes.mount(router, services, page, audited, r::studyPage, access);
    PreviewRoutes.mount(router, services, views, access);
    ConsoleRightsRoutes.mount(router, services, page, access, audited);
  }

  private void studies(RoutingContext ctx) {
    studiesPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  /** The studies the reader has a role in (every study for the admin), with that role. */
  private Future<Void> studiesPage(RoutingContext ctx, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    Actor actor = FacilitatorAuth.actor(ctx);
    return Visible.studies(s, actor).compose(all -> Future.all(all.stream().map(v -> {
          Study study = v.stored().study();
          return Future.all(s.rounds().list(study.id()), s.participants().list(study.id()),
                  ConsoleRightsRoutes.warning(s, study, viewer.language(), actor.admin() || v.role() == Role.OWNER))
              .map(both -> new JsonObject().put("id", study.id())
                  .put("title", study.text(study.title(), viewer.language()))
                  .put("status", StudyStatus.describe(study, both.resultAt(0), viewer))
                  .put("role", viewer.text("console.role." + (actor.admin() ? "admin" : v.role().key())))
                  .put("participants", both.<List<?>>resultAt(1).size()).put("warning", both.resultAt(2)));
        }).toList()))
        .compose(rows -> page.render(ctx, status, "studies", ConsolePage.model(ctx, viewer.text("console.studies"))
            .put("studies", new JsonArray(rows.list())).put("form", form)));
  }

  /** A study file pasted or uploaded ({@code definition} or the file {@code file}); its creator becomes its owner. */
  private void createStudy(RoutingContext ctx) {
    String pasted = ctx.request().getFormAttribute("definition");
    page.submit(ctx, ConsolePage.uploadedOrPasted(vertx, ctx, "definition").compose(t -> s.studies().create(t))
            .compose(study -> s.roles().creator(study.id(), FacilitatorAuth.actor(ctx)).map(study))
            .compose(study -> audited.on(ctx, study.id(), "study.created", Study::id).apply(study)),
        study -> "/console/studies/" + study.id() + "?done=created",
        problems -> studiesPage(ctx, problems.getInteger("status"), problems.put("definition", pasted)));
  }

  private void study(RoutingContext ctx) {
    studyPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> studyPage(RoutingContext ctx, int status, JsonObject form) {
    return studyPage(s, page, ctx, status, form);
  }

  /**
   * The study's page: its overview, what its draft still misses, where it came from, its schedule ({@link
   * StudySetupRoutes}), and its retention period and publication ({@link ConsoleRightsRoutes}).
   */
  static Future<Void> studyPage(Services s, ConsolePage page, RoutingContext ctx, int status, JsonObject form) {
    Viewer viewer = Viewer.of(ctx);
    String id = ctx.pathParam("id");
    return Future.all(s.studies().stored(id), s.rounds().list(id)).compose(all -> {
      StudyRepository.Stored stored = all.resultAt(0);
      Study study = stored.study();
      return Future.all(StudyOverview.model(s, study, viewer),
              ConsoleRightsRoutes.overview(s, study, viewer.language(), Access.allows(ctx, Role.OWNER)))
          .compose(parts -> page.render(ctx, status, "study",
              ConsolePage.model(ctx, study, study.text(study.title(), viewer.language()), "overview")
                  .mergeIn(parts.resultAt(0)).mergeIn(parts.resultAt(1)).put("form", form)
                  .put("setup", StudySetupRoutes.model(stored, all.resultAt(1), viewer))));
    });
  }

  private void editPage(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> editForm(ctx, 200, study, StudyFormat.toJson(study).encodePrettily(), new JsonObject()))
        .onFailure(ctx::fail);
  }

  private Future<Void> editForm(RoutingContext ctx, int status, Study study, String text, JsonObject form) {
    return s.rounds().list(study.id()).compose(rounds -> page.render(ctx, status, "edit",
        ConsolePage.model(ctx, study, Viewer.of(ctx).text("console.edit.title", study.id()), "edit")
            .put("definition", text).put("begun", !rounds.isEmpty()).put("form", form)));
  }

  private void edit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String text = ctx.request().getFormAttribute("definition");
    page.submit(ctx, s.studies().editDraft(id, text == null ? "" : text)
            .compose(audited.by(ctx, AuditLog.STUDY_EDITED, st -> st.id())),
        study -> "/console/studies/" + id + "?done=edited",
        problems -> s.studies().get(id).compose(study -> editForm(ctx, problems.getInteger("status"), study, text, problems)));
  }

  private void openRound(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<Round> opened;
    try {
      opened = s.rounds().open(id, Deadline.parse(ctx.request().getFormAttribute("closesAt"), "closesAt",
          Viewer.of(ctx).zone()));
    } catch (org.kenes.common.Invalid e) {
      opened = Future.failedFuture(e);
    }
    page.submit(ctx, opened.compose(audited.by(ctx, "round.opened", r -> "round " + r.number()
            + (r.closesAt() == null ? "" : ", closes at " + r.closesAt()))),
        r -> "/console/studies/" + id + "?done=opened&n=" + r.number(),
        problems -> studyWithProblems(ctx, id, problems));
  }

  private void closeRound(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    int n = PathParams.roundNumber(ctx);
    page.submit(ctx, s.rounds().close(id, n).compose(audited.by(ctx, "round.closed", r -> "round " + n)),
        r -> "/console/studies/" + id + "?done=closed&n=" + n,
        problems -> studyWithProblems(ctx, id, problems));
  }

  private Future<Void> studyWithProblems(RoutingContext ctx, String id, JsonObject problems) {
    return studyPage(ctx, problems.getInteger("status"), problems);
  }
}
