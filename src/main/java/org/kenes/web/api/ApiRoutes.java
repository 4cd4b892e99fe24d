package org.kenes.web.api;

import static org.kenes.web.Access.Need.ACCOUNT;
import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import org.kenes.account.Actor;
import org.kenes.participant.NewParticipant;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantReader;
import org.kenes.participant.Pseudonyms;
import org.kenes.report.ResponsesCsv;
import org.kenes.round.ResultsJson;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.Discussion;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Listing;
import org.kenes.web.ParticipantStatus;
import org.kenes.web.PathParams;
import org.kenes.web.Responses;
import org.kenes.web.Visible;
import org.kenes.web.report.DiscussionView;

/** The facilitator's JSON API under /api/studies (CONTRACT.md), every route behind the facilitator token. */
public final class ApiRoutes {

  private final Vertx vertx;
  private final Services s;
  private final Audited audited;

  private ApiRoutes(Vertx vertx, Services services, Audited audited) {
    this.vertx = vertx;
    this.s = services;
    this.audited = audited;
  }

  public static void mount(Router api, Vertx vertx, Services services, FacilitatorAuth auth, Access access,
      Audited audited) {
    ApiRoutes r = new ApiRoutes(vertx, services, audited);
    api.route("/studies*").handler(auth);
    access.need(ACCOUNT, api.post("/studies")).handler(r::createStudy);
    access.need(ACCOUNT, api.get("/studies")).handler(r::listStudies);
    access.need(READER, api.get("/studies/:id")).handler(r::getStudy);
    access.need(FACILITATOR, api.put("/studies/:id")).handler(r::editStudy);
    access.need(FACILITATOR, api.post("/studies/:id/participants")).handler(r::addParticipants);
    access.need(FACILITATOR, api.get("/studies/:id/participants")).handler(r::listParticipants);
    access.need(FACILITATOR, api.post("/studies/:id/rounds")).handler(r::openRound);
    access.need(READER, api.get("/studies/:id/rounds")).handler(r::listRounds);
    access.need(FACILITATOR, api.post("/studies/:id/rounds/:n/close")).handler(r::closeRound);
    access.need(READER, api.get("/studies/:id/rounds/:n/results")).handler(r::results);
    access.need(READER, api.get("/studies/:id/rounds/:n/groups")).handler(r::groups);
    access.need(READER, api.get("/studies/:id/report")).handler(r::report);
    access.need(READER, api.get("/studies/:id/export.csv")).handler(r::export);
    StudyDraftApi.mount(api, vertx, services, access, audited);
    PilotApi.mount(api, services, access, audited);
  }

  /** The study is stored, then its creator made its owner (an account; the admin needs no role). */
  private void createStudy(RoutingContext ctx) {
    Actor actor = FacilitatorAuth.actor(ctx);
    s.studies().create(Bodies.text(ctx))
        .compose(study -> s.roles().creator(study.id(), actor).map(study))
        .compose(study -> audited.on(ctx, study.id(), "study.created", Study::id).apply(study))
        .onSuccess(study -> Responses.json(ctx, 201, new JsonObject().put("id", study.id())))
        .onFailure(ctx::fail);
  }

  /** The studies the caller has a role in (every study for the admin), each with that role. */
  private void listStudies(RoutingContext ctx) {
    Visible.studies(s, FacilitatorAuth.actor(ctx))
        .map(all -> new JsonArray(all.stream().map(v -> new JsonObject().put("id", v.stored().study().id())
            .put("title", new JsonObject(new java.util.LinkedHashMap<>(v.stored().study().title().values())))
            .put("languages", new JsonArray(v.stored().study().languages())).put("role", v.role().key())
            .put("createdAt", v.stored().createdAt()).put("updatedAt", v.stored().updatedAt())).toList()))
        .onSuccess(list -> Responses.json(ctx, 200, list))
        .onFailure(ctx::fail);
  }

  private void editStudy(RoutingContext ctx) {
    s.studies().edit(ctx.pathParam("id"), Bodies.text(ctx))
        .compose(audited.by(ctx, "study.edited", st -> st.id()))
        .onSuccess(study -> Responses.json(ctx, 200, new JsonObject().put("id", study.id())))
        .onFailure(ctx::fail);
  }

  private void getStudy(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future.all(s.studies().stored(id), s.rounds().list(id))
        .map(all -> {
          StudyRepository.Stored stored = all.resultAt(0);
          JsonObject json = StudyFormat.toJson(stored.study())
              .put("roundsHeld", new JsonArray(all.<java.util.List<Round>>resultAt(1).stream().map(ApiRoutes::round)
                  .toList()));
          // Only when there is something to say: without them, the answer less roundsHeld stays a study file.
          if (stored.copiedFrom() != null) {
            json.put("copiedFrom", ApiJson.copiedFrom(stored.copiedFrom()));
          }
          if (!stored.missing().isEmpty()) {
            json.put("missing", new JsonArray(stored.missing().stream().map(p -> new JsonObject()
                .put("path", p.path()).put("message", p.message())).toList()));
          }
          return json;
        })
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void addParticipants(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id)
        .map(study -> isXlsx(ctx) ? ParticipantReader.spreadsheet(study, ctx.body().buffer().getBytes())
            : isCsv(ctx) ? ParticipantReader.csv(study, Bodies.text(ctx))
            : ParticipantReader.json(study, Bodies.text(ctx)))
        .compose((java.util.List<NewParticipant> people) -> s.participants().upsert(id, people))
        .compose(audited.by(ctx, "participants.added", added -> added.size() + " participant(s)"))
        .map(added -> new JsonArray(added.stream().map(p -> new JsonObject().put("id", p.id()).put("token", p.token())
            .put("link", link(p)).put("pilot", p.pilot())).toList()))
        .onSuccess(list -> Responses.json(ctx, 201, list))
        .onFailure(ctx::fail);
  }

  /**
   * The participants with their links and where each stands (invited, and opened, started, submitted by round); with
   * {@code q}, {@code page} or {@code size}, those the search finds, a page at a time.
   */
  private void listParticipants(RoutingContext ctx) {
    ParticipantStatus.of(s, vertx, ctx.pathParam("id"), Listing.optional(ctx))
        .onSuccess(page -> Responses.page(ctx, page, p -> p))
        .onFailure(ctx::fail);
  }

  /** Opens the next round; an optional body {@code {"closesAt": "2026-12-01T12:00:00Z"}} sets its deadline. */
  private void openRound(RoutingContext ctx) {
    String body = ctx.body().asString();
    java.time.Instant closesAt = body == null || body.isBlank() ? null
        : Deadline.parse(Bodies.jsonObject(ctx).getValue("closesAt"));
    s.rounds().open(ctx.pathParam("id"), closesAt)
        .compose(audited.by(ctx, "round.opened", r -> "round " + r.number()
            + (r.closesAt() == null ? "" : ", closes at " + r.closesAt())))
        .onSuccess(round -> Responses.json(ctx, 201, new JsonObject().put("round", round.number())
            .put("items", new JsonArray(round.items())).put("closesAt", round.closesAt())))
        .onFailure(ctx::fail);
  }

  private void listRounds(RoutingContext ctx) {
    s.rounds().list(ctx.pathParam("id"))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiRoutes::round).toList())))
        .onFailure(ctx::fail);
  }

  private void closeRound(RoutingContext ctx) {
    int n = PathParams.roundNumber(ctx);
    s.rounds().close(ctx.pathParam("id"), n)
        .compose(audited.by(ctx, "round.closed", results -> "round " + n))
        .onSuccess(results -> Responses.json(ctx, 200, ResultsJson.toJson(results)))
        .onFailure(ctx::fail);
  }

  private void results(RoutingContext ctx) {
    s.rounds().results(ctx.pathParam("id"), PathParams.roundNumber(ctx))
        .onSuccess(results -> Responses.json(ctx, 200, ResultsJson.toJson(results)))
        .onFailure(ctx::fail);
  }

  private void groups(RoutingContext ctx) {
    s.groups().groups(ctx.pathParam("id"), PathParams.roundNumber(ctx))
        .onSuccess(groups -> Responses.json(ctx, 200, groups))
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    s.reports().report(ctx.pathParam("id"))
        .compose(report -> s.studies().get(ctx.pathParam("id")).compose(study -> study.discussion() == Discussion.OFF
            ? Future.succeededFuture(report)
            : s.discussions().summary(study).map(list -> report.put("discussion", DiscussionView.json(list)))))
        .onSuccess(report -> Responses.json(ctx, 200, report))
        .onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> Future.all(s.rounds().counted(id), s.pseudonyms().of(id)))
        .compose(all -> vertx.executeBlocking(() -> {
          StringWriter out = new StringWriter();
          ResponsesCsv.write(all.resultAt(0), all.<Pseudonyms>resultAt(1)::respondent, out);
          return out.toString();
        }, false))
        .compose(audited.by(ctx, "responses.exported", csv -> "export.csv"))
        .onSuccess(csv -> ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
            .putHeader("Content-Disposition", "attachment; filename=\"" + id + "-responses.csv\"").end(csv))
        .onFailure(ctx::fail);
  }

  private String link(Participant p) {
    return ParticipantStatus.link(s, p);
  }

  private static JsonObject round(Round r) {
    return new JsonObject().put("round", r.number()).put("status", r.open() ? "open" : "closed")
        .put("items", new JsonArray(r.items())).put("openedAt", r.openedAt()).put("closedAt", r.closedAt())
        .put("closesAt", r.closesAt());
  }

  private static boolean isXlsx(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.startsWith(StudyDraftApi.XLSX) && ctx.body().buffer() != null;
  }

  private static boolean isCsv(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
  }
}
