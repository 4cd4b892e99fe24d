package org.kenes.web.api;

import static org.kenes.web.Access.Need.OWNER;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.kenes.account.Grant;
import org.kenes.account.Role;
import org.kenes.common.Invalid;
import org.kenes.report.ReportLink;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Bodies;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Responses;

/** Who may see a study, for its owners: the roles of accounts on it, and report links for people without one. */
public final class AccessApi {

  private final Services s;
  private final Audited audited;

  private AccessApi(Services services, Audited audited) {
    this.s = services;
    this.audited = audited;
  }

  public static void mount(Router api, Services services, Access access, Audited audited) {
    AccessApi r = new AccessApi(services, audited);
    access.need(OWNER, api.get("/studies/:id/roles")).handler(r::roles);
    access.need(OWNER, api.put("/studies/:id/roles/:username")).handler(r::grant);
    access.need(OWNER, api.get("/studies/:id/report-links")).handler(r::links);
    access.need(OWNER, api.post("/studies/:id/report-links")).handler(r::createLink);
    access.need(OWNER, api.delete("/studies/:id/report-links/:link")).handler(r::revokeLink);
  }

  private void roles(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).compose(study -> s.roles().onStudy(id))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream().map(ApiJson::grant).toList())))
        .onFailure(ctx::fail);
  }

  /** {@code PUT /api/studies/{id}/roles/{username}}: {@code {"role": "owner" | "facilitator" | "reader" | null}}. */
  private void grant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body = Bodies.jsonObject(ctx);
    if (!body.containsKey("role")) {
      throw new Invalid("role", "missing: give a role, or null to take the role away");
    }
    Optional<Role> role = Role.requested(body.getValue("role"));
    s.studies().get(id)
        .compose(study -> s.roles().grant(id, ctx.pathParam("username"), role, FacilitatorAuth.actor(ctx)))
        .compose(audited.by(ctx, role.isPresent() ? "role.granted" : "role.removed", Grant::described))
        .onSuccess(g -> Responses.json(ctx, 200, ApiJson.grant(g)))
        .onFailure(ctx::fail);
  }

  private void links(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Instant now = Instant.now();
    s.studies().get(id).compose(study -> s.reportLinks().list(id))
        .onSuccess(list -> Responses.json(ctx, 200, new JsonArray(list.stream()
            .map(l -> ApiJson.reportLink(l, now)).toList())))
        .onFailure(ctx::fail);
  }

  /** An optional body {@code {"label", "expiresAt"}} → 201 with the link itself, shown this once. */
  private void createLink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String raw = ctx.body().asString();
    JsonObject body = raw == null || raw.isBlank() ? new JsonObject() : Bodies.jsonObject(ctx);
    Instant expiresAt = Deadline.parse(body.getValue("expiresAt"), "expiresAt", ZoneOffset.UTC);
    s.studies().get(id)
        .compose(study -> s.reportLinks().create(id, body.getValue("label") instanceof String t ? t : null, expiresAt,
            FacilitatorAuth.actor(ctx)))
        .compose(audited.by(ctx, "report-link.created", c -> c.link().described()))
        .onSuccess(c -> Responses.json(ctx, 201, ApiJson.reportLink(c.link(), Instant.now())
            .put("link", s.config().baseUrl() + "/r/" + c.secret())))
        .onFailure(ctx::fail);
  }

  private void revokeLink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.reportLinks().revoke(id, ctx.pathParam("link"))
        .compose(audited.by(ctx, "report-link.revoked", ReportLink::described))
        .onSuccess(l -> Responses.json(ctx, 200, ApiJson.reportLink(l, Instant.now())))
        .onFailure(ctx::fail);
  }
}
