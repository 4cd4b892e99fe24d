package org.kenes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.BodyGate;
import org.kenes.web.ClientDeadlines;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Failures;
import org.kenes.web.Responses;
import org.kenes.web.SecurityHeaders;
import org.kenes.web.Views;
import org.kenes.web.api.AccessApi;
import org.kenes.web.api.ApiRoutes;
import org.kenes.web.api.FacilitationApi;
import org.kenes.web.api.ModerationApi;
import org.kenes.web.api.RightsApi;
import org.kenes.web.console.BuilderItemRoutes;
import org.kenes.web.console.ConsoleRoutes;
import org.kenes.web.console.ConsoleStudyRoutes;
import org.kenes.web.panelist.PanelistRoutes;
import org.kenes.web.panelist.TokenGuard;
import org.kenes.web.report.ReportPages;

/** Wires the routes: security headers first, then health, the JSON API, the pages, and static files last. */
public final class WebServer {

  private WebServer() {}

  public static Future<HttpServer> start(Vertx vertx, Services services) {
    ClientDeadlines deadlines = new ClientDeadlines(vertx);
    // A form field may be as long as the body (a comment, a study file pasted into the console), not Vert.x's 8 kB;
    // a field over it is refused by the body's limit (413), which this leaves to count first. Without HTTP/2 over
    // plain text, a connection is HTTP/1 from its first byte, so its deadlines run from then (Vert.x otherwise waits
    // for a whole request head to tell the protocols apart).
    HttpServerOptions options = new HttpServerOptions().setIdleTimeout(ClientDeadlines.IDLE_SECONDS)
        .setMaxFormAttributeSize((int) (2 * BodyGate.MAX_BODY)).setMaxFormFields(BodyGate.MAX_FORM_FIELDS)
        .setHttp2ClearTextEnabled(false)
        // Pages, JSON, CSV and assets gzipped or deflated for clients that ask: a 60-item page is a twentieth.
        .setCompressionSupported(true);
    return vertx.createHttpServer(options).connectionHandler(deadlines::connected)
        .requestHandler(router(vertx, services, deadlines)).listen(services.config().port());
  }

  /** Every route of Kenes. */
  public static Router router(Vertx vertx, Services services) {
    return router(vertx, services, new ClientDeadlines(vertx));
  }

  private static Router router(Vertx vertx, Services services, ClientDeadlines deadlines) {
    Views views = new Views(services.config().webroot());
    FacilitatorAuth auth = FacilitatorAuth.api(services.accounts());
    FacilitatorAuth pageAuth = FacilitatorAuth.pages(services.accounts());
    Audited audited = new Audited(services.audit());
    Access access = new Access(services.roles());
    Failures failures = new Failures(views);
    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::handle).handler(deadlines);
    // An address whose percent-escapes do not decode fails while routes are matched, before any handler; a failure
    // in the failure handler is logged here, redacted, rather than by Vert.x with the whole address.
    router.errorHandler(400, failures::malformedAddress).errorHandler(500, failures::unhandled);
    TokenGuard guard = new TokenGuard(System::currentTimeMillis);
    router.route("/p/*").handler(guard);
    router.route("/r/*").handler(guard);
    router.route("/api/p/*").handler(guard);
    // Bodies are read only from requests the gate lets through. Study files and participant and item spreadsheets are
    // uploaded as files: these forms' bodies keep their upload (a temporary file in the owner-only data folder, removed
    // when the request ends).
    router.route().handler(new BodyGate(auth, services.participants()));
    BodyHandler signIn = BodyHandler.create(false).setBodyLimit(BodyGate.SIGN_IN_BODY);
    BodyGate.SIGN_IN.forEach(path -> router.post(path).handler(signIn));
    BodyHandler uploads = BodyHandler.create(true).setBodyLimit(BodyGate.MAX_BODY)
        .setUploadsDirectory(services.config().dataDir().resolve("uploads").toString()).setDeleteUploadedFilesOnEnd(true);
    router.route(ConsoleRoutes.UPLOAD).handler(uploads);
    router.route(ConsoleStudyRoutes.IMPORT).handler(uploads);
    router.route(BuilderItemRoutes.IMPORT).handler(uploads);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BodyGate.MAX_BODY)).handler(BodyGate::read);
    router.get("/health").handler(ctx -> health(ctx, services));

    Router api = Router.router(vertx);
    api.errorHandler(400, failures::malformedAddress).errorHandler(500, failures::unhandled);
    ApiRoutes.mount(api, vertx, services, auth, access, audited);
    FacilitationApi.mount(api, vertx, services, auth, access, audited);
    AccessApi.mount(api, services, access, audited);
    RightsApi.mount(api, services, access, audited);
    ModerationApi.mount(api, vertx, services, access, audited);
    ReportPages reports = ReportPages.mount(router, api, vertx, services, views, pageAuth, access);
    PanelistRoutes.mount(router, api, vertx, services, views, reports);
    router.route("/api/*").subRouter(api);
    ConsoleRoutes.mount(router, vertx, services, views, pageAuth, access, audited);
    router.get("/").handler(ctx -> views.respond(ctx, 200, "home", new JsonObject().put("lang", "en"))
        .onFailure(ctx::fail));
    router.route("/static/*").handler(views.assets()::cacheHeaders).handler(StaticHandler.create(FileSystemAccess.ROOT,
        services.config().webroot().toAbsolutePath().toString()).setCachingEnabled(false));

    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(failures::handle);
    api.route().failureHandler(failures::handle);
    return router;
  }

  private static void health(RoutingContext ctx, Services services) {
    services.store().ping()
        .onSuccess(r -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")))
        .onFailure(e -> Responses.json(ctx, 503, new JsonObject().put("status", "unavailable")
            .put("error", "the store does not answer")));
  }
}
