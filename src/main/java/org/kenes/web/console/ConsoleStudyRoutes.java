package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.Services;
import org.kenes.live.LiveFeed;
import org.kenes.participant.NewParticipant;
import org.kenes.participant.ParticipantReader;
import org.kenes.study.Study;
import org.kenes.web.Audited;
import org.kenes.web.ParticipantStatus;
import org.kenes.web.api.ApiJson;
import org.kenes.web.report.GroupsView;

/**
 * The console's pages of a running study: participants, mail, the live dashboard, and the audit. The items
 * between rounds are {@link ConsoleItemRoutes}'s.
 */
public final class ConsoleStudyRoutes {

  public static final String IMPORT = "/console/studies/:id/participants/import";

  private final Vertx vertx;
  private final Services s;
  private final ConsolePage page;
  private final Audited audited;
  private final LiveFeed feed;

  private ConsoleStudyRoutes(Vertx vertx, Services services, ConsolePage page, Audited audited) {
    this.vertx = vertx;
    this.s = services;
    this.page = page;
    this.audited = audited;
    this.feed = new LiveFeed(services.rounds());
  }

  static void mount(Router router, Vertx vertx, Services services, ConsolePage page, Audited audited) {
    ConsoleStudyRoutes r = new ConsoleStudyRoutes(vertx, services, page, audited);
    router.get("/console/studies/:id/participants").handler(r::participants);
    router.post("/console/studies/:id/participants").handler(r::addOne);
    router.post(IMPORT).handler(r::importCsv);
    router.get("/console/studies/:id/mail").handler(r::mail);
    router.post("/console/studies/:id/invitations").handler(r::invite);
    router.post("/console/studies/:id/reminders").handler(r::remind);
    router.post("/console/studies/:id/mail-texts").handler(r::saveText);
    router.get("/console/studies/:id/live").handler(r::live);
    router.get("/console/studies/:id/audit").handler(r::audit);
    router.get("/console/studies/:id/groups").handler(r::groups);
    ConsoleItemRoutes.mount(router, services, page, audited);
  }

  private void participants(RoutingContext ctx) {
    participantsPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> participantsPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    return Future.all(s.studies().get(id), ParticipantStatus.of(s, id)).compose(all -> {
      Study study = all.resultAt(0);
      JsonArray people = all.resultAt(1);
      people.stream().map(JsonObject.class::cast)
          .forEach(p -> p.put("consentKey", "privacy.consent." + p.getString("consent")));
      JsonArray rounds = people.isEmpty() ? new JsonArray() : people.getJsonObject(0).getJsonArray("rounds");
      return page.render(ctx, status, "participants", ConsolePage.model(ctx, study, "Participants", "participants")
          .put("people", people).put("rounds", rounds).put("form", form)
          .put("panels", new JsonArray(study.panels().stream().map(p -> new JsonObject().put("id", p.id())
              .put("name", study.text(p.name(), study.firstLanguage()))).toList()))
          .put("languages", new JsonArray(study.languages())));
    });
  }

  private void addOne(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    JsonArray one = new JsonArray().add(new JsonObject().put("name", blankToNull(f.get("name")))
        .put("email", blankToNull(f.get("email"))).put("panel", f.get("panel")).put("language", f.get("language")));
    add(ctx, s.studies().get(id).map(study -> ParticipantReader.json(study, one.encode())),
        new JsonObject().put("name", f.get("name")).put("email", f.get("email")));
  }

  /** A CSV pasted ({@code csv}) or uploaded ({@code file}); one bad line and nobody is added. */
  private void importCsv(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String pasted = ctx.request().getFormAttribute("csv");
    Future<String> text = ConsolePage.uploadedOrPasted(vertx, ctx, "csv");
    add(ctx, Future.all(s.studies().get(id), text).map(all -> ParticipantReader.csv(all.resultAt(0), all.resultAt(1))),
        new JsonObject().put("csv", pasted));
  }

  private void add(RoutingContext ctx, Future<List<NewParticipant>> people, JsonObject typed) {
    String id = ctx.pathParam("id");
    page.submit(ctx, people.compose(list -> s.participants().upsert(id, list))
            .compose(audited.by(ctx, "participants.added", added -> added.size() + " participant(s)")),
        added -> "/console/studies/" + id + "/participants?done=added&n=" + added.size(),
        problems -> participantsPage(ctx, problems.getInteger("status"), problems.mergeIn(typed)));
  }

  private void mail(RoutingContext ctx) {
    mailPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> mailPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    return Future.all(s.studies().get(id), s.mail().outbox(id), s.mail().texts(id), s.rounds().openRound(id))
        .compose(all -> {
          Study study = all.resultAt(0);
          List<org.kenes.mail.Message> outbox = all.resultAt(1);
          List<org.kenes.mail.MessageText> texts = all.resultAt(2);
          return page.render(ctx, status, "mail", ConsolePage.model(ctx, study, "Mail", "mail")
              .put("smtp", s.mail().mailer().configured()).put("roundOpen", all.<java.util.Optional<?>>resultAt(3).isPresent())
              .put("outbox", new JsonArray(outbox.stream().map(m -> ApiJson.message(m)
                  .put("at", StudyOverview.when(m.at()))).toList()))
              .put("texts", new JsonArray(texts.stream().map(ApiJson::text).toList()))
              .put("form", form));
        });
  }

  private void invite(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.mail().invite(id).compose(audited.by(ctx, "invitations.queued", q -> q.queued() + " message(s)")),
        q -> "/console/studies/" + id + "/mail?done=invited&n=" + q.queued(),
        problems -> mailPage(ctx, problems.getInteger("status"), problems));
  }

  private void remind(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.mail().remind(id).compose(audited.by(ctx, "reminders.queued", q -> q.queued() + " message(s)")),
        q -> "/console/studies/" + id + "/mail?done=reminded&n=" + q.queued(),
        problems -> mailPage(ctx, problems.getInteger("status"), problems));
  }

  private void saveText(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    page.submit(ctx, s.mail().saveText(id, f.get("kind"), f.get("language"), f.get("subject"), f.get("body"))
            .compose(audited.by(ctx, "mail-text.saved", t -> t.kind() + " (" + t.language() + ")")),
        t -> "/console/studies/" + id + "/mail?done=text-saved",
        problems -> mailPage(ctx, problems.getInteger("status"), problems));
  }

  /** The dashboard as a page: useful as it is; {@code /static/js/live.js} keeps it current from the event stream. */
  private void live(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> feed.snapshot(id).compose(snapshot -> page.render(ctx, 200, "live",
            ConsolePage.model(ctx, study, "Live dashboard", "live").mergeIn(Dashboard.model(study, snapshot)))))
        .onFailure(ctx::fail);
  }

  /** The opinion groups of a round (?round=n, else the latest). */
  private void groups(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future.all(s.studies().get(id), s.rounds().list(id)).compose(all -> {
      Study study = all.resultAt(0);
      List<org.kenes.round.Round> rounds = all.resultAt(1);
      JsonObject model = ConsolePage.model(ctx, study, "Opinion groups", "groups");
      if (rounds.isEmpty()) {
        return page.render(ctx, 200, "groups", model.put("none", true));
      }
      int latest = rounds.get(rounds.size() - 1).number();
      int n = roundParameter(ctx.queryParams().get("round"), latest);
      JsonArray choices = new JsonArray(rounds.stream().map(r -> new JsonObject().put("n", r.number())
          .put("current", r.number() == n)).toList());
      return s.groups().groups(id, n).compose(groups -> page.render(ctx, 200, "groups",
          model.put("round", n).put("rounds", choices).mergeIn(GroupsView.model(study, groups, "en"))));
    }).onFailure(ctx::fail);
  }

  private static int roundParameter(String value, int latest) {
    try {
      int n = value == null ? latest : Integer.parseInt(value);
      return n >= 1 && n <= latest ? n : latest;
    } catch (NumberFormatException e) {
      return latest;
    }
  }

  private void audit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future.all(s.studies().get(id), s.audit().forStudy(id)).compose(all -> page.render(ctx, 200, "audit",
            ConsolePage.model(ctx, all.<Study>resultAt(0), "Audit", "audit")
                .put("entries", new JsonArray(all.<List<org.kenes.audit.AuditEntry>>resultAt(1).stream()
                    .map(e -> ApiJson.audit(e).put("at", StudyOverview.when(e.at()))).toList()))))
        .onFailure(ctx::fail);
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }
}
