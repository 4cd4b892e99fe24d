package org.kenes.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.Services;
import org.kenes.audit.AuditEntry;
import org.kenes.change.Change;
import org.kenes.mail.Message;
import org.kenes.mail.MessageText;
import org.kenes.study.Item;
import org.kenes.study.StudyFormat;

/**
 * The facilitator's API for running a dialogue (CONTRACT.md): mail, the live event stream, changes between rounds,
 * and the audit. Accounts and sessions are {@link AccountRoutes}'s.
 */
final class FacilitationApi {

  private final Services s;
  private final Audited audited;
  private final LiveStream live;

  private FacilitationApi(Vertx vertx, Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
    this.live = new LiveStream(vertx, services);
  }

  static void mount(Router api, Vertx vertx, Services services, FacilitatorAuth auth, Audited audited) {
    FacilitationApi r = new FacilitationApi(vertx, services, audited);
    api.post("/studies/:id/invitations").handler(r::invite);
    api.post("/studies/:id/reminders").handler(r::remind);
    api.get("/studies/:id/outbox").handler(r::outbox);
    api.get("/studies/:id/mail-texts").handler(r::texts);
    api.put("/studies/:id/mail-texts/:kind/:lang").handler(r::saveText);
    api.get("/studies/:id/live").handler(r.live::stream);
    api.get("/studies/:id/rounds/:n/open-answers").handler(r::openAnswers);
    api.post("/studies/:id/items").handler(r::addItem);
    api.put("/studies/:id/items/:item").handler(r::changeItem);
    api.get("/studies/:id/changes").handler(r::changes);
    api.get("/studies/:id/audit").handler(r::studyAudit);
    api.get("/audit").handler(auth).handler(AccountRoutes::adminOnly).handler(r::allAudit);
    AccountRoutes.mount(api, services, auth, audited);
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

  private void outbox(RoutingContext ctx) {
    s.mail().outbox(ctx.pathParam("id"))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(FacilitationApi::message).toList())))
        .onFailure(ctx::fail);
  }

  private void texts(RoutingContext ctx) {
    s.mail().texts(ctx.pathParam("id"))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(FacilitationApi::text).toList())))
        .onFailure(ctx::fail);
  }

  /** {@code PUT /api/studies/{id}/mail-texts/{kind}/{lang}} with {@code {"subject", "body"}}. */
  private void saveText(RoutingContext ctx) {
    JsonObject body = Bodies.jsonObject(ctx);
    s.mail().saveText(ctx.pathParam("id"), ctx.pathParam("kind"), ctx.pathParam("lang"),
            body.getValue("subject") instanceof String t ? t : null, body.getValue("body") instanceof String t ? t : null)
        .compose(audited.by(ctx, "mail-text.saved", t -> t.kind() + " (" + t.language() + ")"))
        .onSuccess(t -> Responses.json(ctx, 200, text(t)))
        .onFailure(ctx::fail);
  }

  private void openAnswers(RoutingContext ctx) {
    s.changes().openAnswers(ctx.pathParam("id"), ApiRoutes.roundNumber(ctx))
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
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(FacilitationApi::change).toList())))
        .onFailure(ctx::fail);
  }

  private void studyAudit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(st -> s.audit().forStudy(id))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(FacilitationApi::audit).toList())))
        .onFailure(ctx::fail);
  }

  private void allAudit(RoutingContext ctx) {
    s.audit().all()
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(FacilitationApi::audit).toList())))
        .onFailure(ctx::fail);
  }

  private static JsonObject queued(org.kenes.mail.MailService.Queued q) {
    return new JsonObject().put("queued", q.queued()).put("withoutEmail", q.withoutEmail());
  }

  static JsonObject message(Message m) {
    return new JsonObject().put("to", m.to()).put("subject", m.subject()).put("body", m.body()).put("kind", m.kind())
        .put("status", m.status()).put("at", m.at()).put("round", m.round()).put("participant", m.participant())
        .put("language", m.language()).put("sentAt", m.sentAt()).put("error", m.error());
  }

  static JsonObject text(MessageText t) {
    return new JsonObject().put("kind", t.kind()).put("language", t.language()).put("subject", t.subject())
        .put("body", t.body()).put("edited", t.edited());
  }

  static JsonObject change(Change c) {
    return new JsonObject().put("item", c.item()).put("change", c.change()).put("round", c.after())
        .put("askedFrom", c.since()).put("text", c.text() == null ? null : new JsonObject(new java.util.LinkedHashMap<>(c.text())))
        .put("provenance", new JsonObject().put("change", c.change()).put("from", new JsonArray(c.from()))
            .put("note", c.note()))
        .put("actor", c.actor()).put("at", c.at());
  }

  static JsonObject audit(AuditEntry e) {
    return new JsonObject().put("at", e.at()).put("actor", e.actor()).put("action", e.action())
        .put("target", e.target()).put("study", e.study()).put("detail", e.detail());
  }

  private static JsonObject item(Item item) {
    return StudyFormat.item(item);
  }
}
