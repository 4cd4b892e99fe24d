package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.Services;
import org.kenes.round.Round;
import org.kenes.study.StudyFormat;
import org.kenes.web.Audited;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.PathParams;
import org.kenes.web.Views;
import org.kenes.web.api.ApiJson;

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

  public static void mount(Router router, Vertx vertx, Services services, Views views, FacilitatorAuth auth, Audited audited) {
    ConsolePage page = new ConsolePage(views);
    ConsoleRoutes r = new ConsoleRoutes(vertx, services, page, audited);
    ConsoleLogin.mount(router, services, page);
    router.route("/console*").handler(auth);
    router.get("/console").handler(r::studies);
    router.post(UPLOAD).handler(r::createStudy);
    router.get("/console/accounts").handler(FacilitatorAuth::adminOnly).handler(r::accounts);
    router.post("/console/accounts").handler(FacilitatorAuth::adminOnly).handler(r::createAccount);
    router.get("/console/studies/:id").handler(r::study);
    router.get("/console/studies/:id/edit").handler(r::editPage);
    router.post("/console/studies/:id/edit").handler(r::edit);
    router.post("/console/studies/:id/rounds").handler(r::openRound);
    router.post("/console/studies/:id/rounds/:n/close").handler(r::closeRound);
    ConsoleStudyRoutes.mount(router, vertx, services, page, audited);
    ConsoleRightsRoutes.mount(router, services, page, audited);
  }

  private void studies(RoutingContext ctx) {
    studiesPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> studiesPage(RoutingContext ctx, int status, JsonObject form) {
    JsonObject model = ConsolePage.model(ctx, "Studies");
    return s.studies().list().compose(all -> Future.all(all.stream().map(st -> Future.all(
            s.rounds().list(st.study().id()), s.participants().list(st.study().id()),
            ConsoleRightsRoutes.warning(s, st.study(), model.getString("lang")))
        .map(found -> new JsonObject().put("id", st.study().id())
            .put("title", st.study().text(st.study().title(), st.study().firstLanguage()))
            .put("status", StudyStatus.describe(st.study(), found.resultAt(0)))
            .put("participants", found.<List<?>>resultAt(1).size()).put("warning", found.resultAt(2)))).toList()))
        .compose(rows -> page.render(ctx, status, "studies", model
            .put("studies", new JsonArray(rows.list())).put("form", form)));
  }

  /** A study file pasted or uploaded ({@code definition} or the file {@code file}). */
  private void createStudy(RoutingContext ctx) {
    String pasted = ctx.request().getFormAttribute("definition");
    page.submit(ctx, ConsolePage.uploadedOrPasted(vertx, ctx, "definition").compose(t -> s.studies().create(t))
            .compose(study -> audited.on(ctx, study.id(), "study.created", (org.kenes.study.Study st) -> st.id()).apply(study)),
        study -> "/console/studies/" + study.id() + "?done=created",
        problems -> studiesPage(ctx, problems.getInteger("status"), problems.put("definition", pasted)));
  }

  private void study(RoutingContext ctx) {
    studyPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> studyPage(RoutingContext ctx, int status, JsonObject form) {
    return studyPage(s, page, ctx, status, form);
  }

  /** The study's page, with its retention period and publication ({@link ConsoleRightsRoutes}). */
  static Future<Void> studyPage(Services s, ConsolePage page, RoutingContext ctx, int status, JsonObject form) {
    return s.studies().get(ctx.pathParam("id")).compose(study -> {
      JsonObject model = ConsolePage.model(ctx, study, study.text(study.title(), study.firstLanguage()), "overview");
      return Future.all(StudyOverview.model(s, study), ConsoleRightsRoutes.overview(s, study, model.getString("lang")))
          .compose(all -> page.render(ctx, status, "study", model.mergeIn(all.resultAt(0)).mergeIn(all.resultAt(1))
              .put("form", form)));
    });
  }

  private void editPage(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> editForm(ctx, 200, study, StudyFormat.toJson(study).encodePrettily(), new JsonObject()))
        .onFailure(ctx::fail);
  }

  private Future<Void> editForm(RoutingContext ctx, int status, org.kenes.study.Study study, String text, JsonObject form) {
    return s.rounds().list(study.id()).compose(rounds -> page.render(ctx, status, "edit",
        ConsolePage.model(ctx, study, "Edit " + study.id(), "edit").put("definition", text)
            .put("begun", !rounds.isEmpty()).put("form", form)));
  }

  private void edit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String text = ctx.request().getFormAttribute("definition");
    page.submit(ctx, s.studies().edit(id, text == null ? "" : text).compose(audited.by(ctx, "study.edited", st -> st.id())),
        study -> "/console/studies/" + id + "?done=edited",
        problems -> s.studies().get(id).compose(study -> editForm(ctx, problems.getInteger("status"), study, text, problems)));
  }

  private void openRound(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<Round> opened;
    try {
      opened = s.rounds().open(id, Deadline.parse(ctx.request().getFormAttribute("closesAt")));
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

  private void accounts(RoutingContext ctx) {
    accountsPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> accountsPage(RoutingContext ctx, int status, JsonObject form) {
    return Future.all(s.accounts().list(), s.audit().all()).compose(all -> page.render(ctx, status, "accounts",
        ConsolePage.model(ctx, "Accounts").put("form", form)
            .put("accounts", new JsonArray(all.<List<org.kenes.account.Account>>resultAt(0).stream()
                .map(a -> new JsonObject().put("username", a.username()).put("name", a.name())
                    .put("createdAt", a.createdAt()).put("createdBy", a.createdBy())).toList()))
            .put("audit", new JsonArray(all.<List<org.kenes.audit.AuditEntry>>resultAt(1).stream()
                .map(ApiJson::audit).toList()))));
  }

  private void createAccount(RoutingContext ctx) {
    var form = ctx.request().formAttributes();
    page.submit(ctx, s.accounts().create(form.get("username"), form.get("name"), form.get("password"),
            FacilitatorAuth.actor(ctx)).compose(audited.on(ctx, null, "account.created", a -> a.username())),
        a -> "/console/accounts?done=account-created",
        problems -> accountsPage(ctx, problems.getInteger("status"), problems.put("username", form.get("username"))
            .put("name", form.get("name"))));
  }
}
