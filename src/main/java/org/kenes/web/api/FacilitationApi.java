package org.kenes.web.api;

import static org.kenes.web.Access.Need.ADMIN;
import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.services.Services;
import org.kenes.study.Item;
import org.kenes.study.StudyFormat;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Listing;
import org.kenes.web.PathParams;
import org.kenes.web.Responses;

/**
 * The facilitator's API for running a dialogue (CONTRACT.md): mail, the live event stream, changes between rounds,
 * and the audit. Accounts and sessions are {@link AccountRoutes}'s.
 */
public final class FacilitationApi {

  private final Services s;
  private final Audited audited;
  private final LiveStream live;

  private FacilitationApi(Vertx vertx, Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
    this.live = new LiveStream(vertx, services);
  }

  public static void mount(Router api, Vertx vertx, Services services, FacilitatorAuth auth, Access access,
      Audited audited) {
    FacilitationApi r = new FacilitationApi(vertx, services, audited);
    access.need(FACILITATOR, api.post("/studies/:id/invitations")).handler(r::invite);
    access.need(FACILITATOR, api.post("/studies/:id/reminders")).handler(r::remind);
    access.need(FACILITATOR, api.get("/studies/:id/outbox")).handler(r::outbox);
    access.need(FACILITATOR, api.get("/studies/:id/mail-texts")).handler(r::texts);
    access.need(FACILITATOR, api.put("/studies/:id/mail-texts/:kind/:lang")).handler(r::saveText);
    access.need(READER, api.get("/studies/:id/live")).handler(r.live::stream);
    access.need(READER, api.get("/studies/:id/rounds/:n/open-answers")).handler(r::openAnswers);
    access.need(FACILITATOR, api.post("/studies/:id/items")).handler(r::addItem);
    access.need(FACILITATOR, api.put("/studies/:id/items/:item")).handler(r::changeItem);
    access.need(READER, api.get("/studies/:id/changes")).handler(r::changes);
    access.need(FACILITATOR, api.get("/studies/:id/audit")).handler(r::studyAudit);
    access.need(ADMIN, api.get("/audit").handler(auth)).handler(r::allAudit);
    AccountRoutes.mount(api, services, auth, access, audited);
  }

  private void invite(RoutingContext ctx) {
    s.mail().invite(ctx.pathParam("id"))
        .compose(audited.by(ctx, "invitations.queued", q -> q.queued() + " message(s)"))
        .onSuccess(q -> Responses.json(ctx, 200, queued(q)))
        .onFailure(ctx::fail);
  }

  private void remind(RoutingContext ctx) {
    s.mail().remind(ctx.pathParam("id"))
        .compose(audited.by(ctx, "reminders.queued", q -> q.queued() + " message(s)"))
        .onSuccess(q -> Responses.json(ctx, 200, queued(q)))
        .onFailure(ctx::fail);
  }

  /** The study's messages, oldest first; with {@code q}, {@code page} or {@code size}, a search and a page of it. */
  private void outbox(RoutingContext ctx) {
    Listing listing = Listing.optional(ctx);
    s.mail().outbox(ctx.pathParam("id")).compose(all -> listing.on(ctx.vertx(), all, ApiJson::searchable))
        .onSuccess(page -> Responses.page(ctx, page, ApiJson::message))
        .onFailure(ctx::fail);
  }

  private void texts(RoutingContext ctx) {
    s.mail().texts(ctx.pathParam("id"))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiJson::text).toList())))
        .onFailure(ctx::fail);
  }

  /** {@code PUT /api/studies/{id}/mail-texts/{kind}/{lang}} with {@code {"subject", "body"}}. */
  private void saveText(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.mail().saveText(ctx.pathParam("id"), ctx.pathParam("kind"), ctx.pathParam("lang"),
            body.getValue("subject") instanceof String t ? t : null, body.getValue("body") instanceof String t ? t : null)
        .compose(audited.by(ctx, "mail-text.saved", t -> t.kind() + " (" + t.language() + ")"))
        .onSuccess(t -> Responses.json(ctx, 200, ApiJson.text(t)))
        .onFailure(ctx::fail);
  }

  private void openAnswers(RoutingContext ctx) {
    s.changes().openAnswers(ctx.pathParam("id"), PathParams.roundNumber(ctx))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private void addItem(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    String change = body.getValue("provenance") instanceof JsonObject p ? p.getString("change", "added") : "added";
    s.changes().add(ctx.pathParam("id"), body, FacilitatorAuth.actor(ctx))
        .compose(audited.by(ctx, "item." + change, Item::id))
        .onSuccess(item -> Responses.json(ctx, 201, item(item)))
        .onFailure(ctx::fail);
  }

  private void changeItem(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    String change = body.getValue("provenance") instanceof JsonObject p ? p.getString("change", "reworded") : "reworded";
    s.changes().update(ctx.pathParam("id"), ctx.pathParam("item"), body, FacilitatorAuth.actor(ctx))
        .compose(audited.by(ctx, "item." + change, Item::id))
        .onSuccess(item -> Responses.json(ctx, 200, item(item)))
        .onFailure(ctx::fail);
  }

  private void changes(RoutingContext ctx) {
    s.changes().changes(ctx.pathParam("id"))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiJson::change).toList())))
        .onFailure(ctx::fail);
  }

  private void studyAudit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(st -> s.audit().forStudy(id))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiJson::audit).toList())))
        .onFailure(ctx::fail);
  }

  private void allAudit(RoutingContext ctx) {
    s.audit().all()
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiJson::audit).toList())))
        .onFailure(ctx::fail);
  }

  private static JsonObject queued(org.kenes.mail.MailService.Queued q) {
    return new JsonObject().put("queued", q.queued()).put("withoutEmail", q.withoutEmail());
  }

  private static JsonObject item(Item item) {
    return StudyFormat.item(item);
  }
}
