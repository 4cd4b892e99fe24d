package org.kenes.web.console;

import static org.kenes.web.Access.Need.OWNER;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kenes.account.Grant;
import org.kenes.account.Role;
import org.kenes.common.Invalid;
import org.kenes.report.ReportLink;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.Deadline;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;

/**
 * A study's access page, for its owners: which accounts hold which role on it, and the report links that let people
 * without an account read its report. The forms make the same changes as the API, audited the same way.
 */
final class ConsoleAccessRoutes {

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsoleAccessRoutes(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ConsoleAccessRoutes r = new ConsoleAccessRoutes(services, page, audited);
    access.need(OWNER, router.get("/console/studies/:id/access")).handler(r::access);
    access.need(OWNER, router.post("/console/studies/:id/roles")).handler(r::grant);
    access.need(OWNER, router.post("/console/studies/:id/report-links")).handler(r::createLink);
    access.need(OWNER, router.post("/console/studies/:id/report-links/:link/revoke")).handler(r::revokeLink);
  }

  private void access(RoutingContext ctx) {
    accessPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> accessPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    Instant now = Instant.now();
    return Future.all(s.studies().get(id), s.roles().onStudy(id), s.reportLinks().list(id)).compose(all -> {
      Study study = all.resultAt(0);
      List<Grant> grants = all.resultAt(1);
      List<ReportLink> links = all.resultAt(2);
      return page.render(ctx, status, "access", ConsolePage.model(ctx, study, viewer.text("console.access"), "access")
          .put("grants", new JsonArray(grants.stream().map(g -> new JsonObject().put("username", g.username())
              .put("role", viewer.text("console.role." + g.role().key())).put("grantedBy", g.grantedBy())
              .put("grantedAt", viewer.when(g.grantedAt())).put("choices", roleChoices(viewer, g.role(), true)))
              .toList()))
          .put("roleChoices", roleChoices(viewer, Role.READER, false))
          .put("links", new JsonArray(links.stream().map(l -> link(l, now, viewer)).toList()))
          .put("form", form));
    });
  }

  /** The roles a form offers, {@code selected} chosen; {@code none} adds "no role" (taking the role away). */
  private static JsonArray roleChoices(Viewer viewer, Role selected, boolean none) {
    JsonArray choices = new JsonArray();
    for (Role role : List.of(Role.OWNER, Role.FACILITATOR, Role.READER)) {
      choices.add(new JsonObject().put("value", role.key()).put("selected", role == selected)
          .put("text", viewer.text("console.role." + role.key())));
    }
    if (none) {
      choices.add(new JsonObject().put("value", "none").put("selected", false)
          .put("text", viewer.text("console.role.none")));
    }
    return choices;
  }

  private static JsonObject link(ReportLink l, Instant now, Viewer viewer) {
    ReportLink.Status status = l.status(now);
    return new JsonObject().put("id", l.id()).put("name", l.label().isEmpty() ? l.id() : l.label())
        .put("createdBy", l.createdBy())
        .put("createdAt", viewer.when(l.createdAt())).put("expiresAt", viewer.when(l.expiresAt()))
        .put("revokedAt", viewer.when(l.revokedAt())).put("active", status == ReportLink.Status.ACTIVE)
        .put("status", viewer.text("console.links.status." + status.name().toLowerCase(Locale.ROOT)));
  }

  /** Grants a role ({@code username}, {@code role}), or takes it away ({@code role=none}). */
  private void grant(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    boolean removing = "none".equals(f.get("role"));
    Future<Grant> granted = s.studies().get(id).map(study -> Role.requested(removing ? null : f.get("role")))
        .compose(role -> s.roles().grant(id, f.get("username"), role, FacilitatorAuth.actor(ctx)));
    page.submit(ctx, granted.compose(audited.by(ctx, removing ? "role.removed" : "role.granted", Grant::described)),
        g -> "/console/studies/" + id + "/access?done=" + (g.role() == null ? "role-removed" : "role-granted"),
        problems -> accessPage(ctx, problems.getInteger("status"), problems.put("username", f.get("username"))));
  }

  /** A new report link ({@code label}, {@code expiresAt} in the reader's zone): shown on the page this once. */
  private void createLink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    Viewer viewer = Viewer.of(ctx);
    s.studies().get(id).map(study -> Deadline.parse(f.get("expiresAt"), "expiresAt", viewer.zone()))
        .compose(expiresAt -> s.reportLinks().create(id, f.get("label"), expiresAt, FacilitatorAuth.actor(ctx)))
        .compose(audited.by(ctx, "report-link.created", c -> c.link().described()))
        .onSuccess(c -> accessPage(ctx, 201, new JsonObject().put("created", new JsonObject()
                .put("link", s.config().baseUrl() + "/r/" + c.secret()).put("label", c.link().label())
                .put("expiresAt", viewer.when(c.link().expiresAt()))))
            .onFailure(ctx::fail))
        .onFailure(e -> {
          if (e instanceof Invalid) {
            accessPage(ctx, 400, ConsolePage.problems(e, viewer).put("label", f.get("label"))
                .put("expiresAt", f.get("expiresAt"))).onFailure(ctx::fail);
          } else {
            ctx.fail(e);
          }
        });
  }

  private void revokeLink(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    page.submit(ctx, s.reportLinks().revoke(id, ctx.pathParam("link"))
            .compose(audited.by(ctx, "report-link.revoked", ReportLink::described)),
        l -> "/console/studies/" + id + "/access?done=link-revoked",
        problems -> accessPage(ctx, problems.getInteger("status"), problems));
  }
}
