package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import org.kenes.live.LiveFeed;
import org.kenes.mail.Message;
import org.kenes.mail.MessageText;
import org.kenes.participant.NewParticipant;
import org.kenes.participant.ParticipantReader;
import org.kenes.report.FilteredResults;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Listing;
import org.kenes.web.ParticipantStatus;
import org.kenes.web.Viewer;
import org.kenes.web.Views;
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

  static void mount(Router router, Vertx vertx, Services services, ConsolePage page, Access access, Audited audited) {
    ConsoleStudyRoutes r = new ConsoleStudyRoutes(vertx, services, page, audited);
    access.need(FACILITATOR, router.get("/console/studies/:id/participants")).handler(r::participants);
    access.need(FACILITATOR, router.post("/console/studies/:id/participants")).handler(r::addOne);
    access.need(FACILITATOR, router.post(IMPORT)).handler(r::importCsv);
    access.need(FACILITATOR, router.get("/console/studies/:id/mail")).handler(r::mail);
    access.need(FACILITATOR, router.post("/console/studies/:id/invitations")).handler(r::invite);
    access.need(FACILITATOR, router.post("/console/studies/:id/reminders")).handler(r::remind);
    access.need(FACILITATOR, router.post("/console/studies/:id/mail-texts")).handler(r::saveText);
    access.need(READER, router.get("/console/studies/:id/live")).handler(r::live);
    access.need(FACILITATOR, router.get("/console/studies/:id/audit")).handler(r::audit);
    access.need(READER, router.get("/console/studies/:id/groups")).handler(r::groups);
    ConsoleItemRoutes.mount(router, services, page, access, audited);
    PilotRoutes.mount(router, services, page, access, audited);
    ConsoleFilterRoutes.mount(router, services, page, access, new FilteredResults(vertx, services.studies(),
        services.rounds(), services.attributes()));
    ModerationRoutes.mount(router, services, page, access, audited);
  }

  private void participants(RoutingContext ctx) {
    participantsPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  /**
   * A page of the study's participants ({@link Listing}: {@code q} searches, {@code page} turns), with the forms that
   * add more; the people are joined with their rounds and the page is laid out on workers.
   */
  private Future<Void> participantsPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    Listing listing = Listing.paged(ctx);
    return Future.all(s.studies().get(id), ParticipantStatus.of(s, vertx, id, listing)).compose(all -> {
      Study study = all.resultAt(0);
      Listing.Page<JsonObject> found = all.resultAt(1);
      found.items().forEach(person -> {
        person.put("consentKey", "privacy.consent." + person.getString("consent"));
        person.put("languageName", Views.languageName(person.getString("language")));
        person.put("invited", viewer.text(person.getString("invited") == null ? "console.people.notInvited"
            : "console.mail.status." + person.getString("invited")));
        person.getJsonArray("rounds").forEach(r -> ((JsonObject) r)
            .put("statusText", viewer.text("console.people.state." + ((JsonObject) r).getString("status"))));
      });
      JsonArray people = new JsonArray(found.items());
      JsonArray rounds = people.isEmpty() ? new JsonArray() : people.getJsonObject(0).getJsonArray("rounds");
      return page.render(ctx, status, "participants", ConsolePage.model(ctx, study,
              viewer.text("console.participants"), "participants")
          .put("people", people).put("rounds", rounds).put("form", form)
          .put("list", listing.nav(found, "/console/studies/" + id + "/participants", ctx.request().getParam("q")))
          .put("panels", new JsonArray(study.panels().stream().map(p -> new JsonObject().put("id", p.id())
              .put("name", study.text(p.name(), viewer.language()))).toList()))
          .put("languages", new JsonArray(study.languages().stream().map(l -> new JsonObject().put("code", l)
              .put("name", Views.languageName(l))).toList())));
    });
  }

  private void addOne(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    JsonArray one = new JsonArray().add(new JsonObject().put("name", blankToNull(f.get("name")))
        .put("email", blankToNull(f.get("email"))).put("panel", f.get("panel")).put("language", f.get("language"))
        .put("pilot", "on".equals(f.get("pilot"))));
    add(ctx, s.studies().get(id).map(study -> ParticipantReader.json(study, one.encode())),
        new JsonObject().put("name", f.get("name")).put("email", f.get("email"))
            .put("pilot", "on".equals(f.get("pilot"))));
  }

  /**
   * A CSV pasted ({@code csv}), or a CSV or XLSX spreadsheet uploaded ({@code file}); one bad line and nobody is
   * added.
   */
  private void importCsv(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String pasted = ctx.request().getFormAttribute("csv");
    Future<byte[]> file = ctx.fileUploads().stream().filter(f -> f.size() > 0).findFirst()
        .map(f -> vertx.fileSystem().readFile(f.uploadedFileName()).map(b -> b.getBytes()))
        .orElse(Future.succeededFuture(null));
    add(ctx, Future.all(s.studies().get(id), file).map(all -> all.resultAt(1) == null
            ? ParticipantReader.csv(all.resultAt(0), pasted == null ? "" : pasted)
            : ParticipantReader.spreadsheet(all.resultAt(0), all.resultAt(1))),
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

  /** The outbox a page at a time ({@link Listing}: {@code q} searches, {@code page} turns), and the message texts. */
  private Future<Void> mailPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    Listing listing = Listing.paged(ctx);
    Future<Listing.Page<Message>> outboxPage = s.mail().outbox(id)
        .compose(all -> listing.on(vertx, all, ApiJson::searchable));
    return Future.all(s.studies().get(id), outboxPage, s.mail().texts(id), s.rounds().openRound(id))
        .compose(all -> {
          Study study = all.resultAt(0);
          Listing.Page<Message> outbox = all.resultAt(1);
          List<MessageText> texts = all.resultAt(2);
          return page.render(ctx, status, "mail", ConsolePage.model(ctx, study, viewer.text("console.mail"), "mail")
              .put("smtp", s.mail().mailer().configured()).put("roundOpen", all.<Optional<?>>resultAt(3).isPresent())
              .put("list", listing.nav(outbox, "/console/studies/" + id + "/mail", ctx.request().getParam("q")))
              .put("outbox", new JsonArray(outbox.items().stream().map(m -> ApiJson.message(m)
                  .put("at", viewer.when(m.at())).put("kindText", viewer.text("console.mail.kind." + m.kind()))
                  .put("statusText", viewer.text("console.mail.status." + m.status()))).toList()))
              .put("texts", new JsonArray(texts.stream().map(t -> ApiJson.text(t)
                  .put("kindText", viewer.text("console.mail.kind." + t.kind()))
                  .put("languageName", Views.languageName(t.language()))).toList()))
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
    Viewer viewer = Viewer.of(ctx);
    s.studies().get(id).compose(study -> feed.snapshot(id).compose(snapshot -> page.render(ctx, 200, "live",
            ConsolePage.model(ctx, study, viewer.text("console.live"), "live")
                .mergeIn(Dashboard.model(study, snapshot, viewer)))))
        .onFailure(ctx::fail);
  }

  /** The opinion groups of a round (?round=n, else the latest). */
  private void groups(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    Future.all(s.studies().get(id), s.rounds().list(id)).compose(all -> {
      Study study = all.resultAt(0);
      List<org.kenes.round.Round> rounds = all.resultAt(1);
      JsonObject model = ConsolePage.model(ctx, study, viewer.text("console.groups"), "groups");
      if (rounds.isEmpty()) {
        return page.render(ctx, 200, "groups", model.put("none", true));
      }
      int latest = rounds.get(rounds.size() - 1).number();
      int n = roundParameter(ctx.queryParams().get("round"), latest);
      JsonArray choices = new JsonArray(rounds.stream().map(r -> new JsonObject().put("n", r.number())
          .put("current", r.number() == n)).toList());
      return s.groups().groups(id, n).compose(groups -> page.render(ctx, 200, "groups",
          model.put("round", n).put("rounds", choices).mergeIn(GroupsView.model(study, groups, viewer.language()))
              .put("outcomeText", viewer.text("console.groups.outcome." + groups.getString("outcome")))));
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
    Viewer viewer = Viewer.of(ctx);
    Future.all(s.studies().get(id), s.audit().forStudy(id)).compose(all -> page.render(ctx, 200, "audit",
            ConsolePage.model(ctx, all.<Study>resultAt(0), viewer.text("console.audit"), "audit")
                .put("entries", new JsonArray(all.<List<org.kenes.audit.AuditEntry>>resultAt(1).stream()
                    .map(e -> ApiJson.audit(e).put("at", viewer.when(e.at()))).toList()))))
        .onFailure(ctx::fail);
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v;
  }
}
