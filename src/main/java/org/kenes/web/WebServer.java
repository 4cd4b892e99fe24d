package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import org.kenes.Services;
import org.kenes.web.api.ApiRoutes;
import org.kenes.web.api.FacilitationApi;
import org.kenes.web.api.RightsApi;
import org.kenes.web.console.ConsoleRoutes;
import org.kenes.web.console.ConsoleStudyRoutes;
import org.kenes.web.panelist.PanelistRoutes;
import org.kenes.web.panelist.TokenGuard;
import org.kenes.web.report.ReportPages;

/** Wires the routes: security headers first, then health, the JSON API, the pages, and static files last. */
public final class WebServer {

  static final long MAX_BODY = 1024 * 1024;

  private WebServer() {}

  public static Future<HttpServer> start(Vertx vertx, Services services) {
    return vertx.createHttpServer().requestHandler(router(vertx, services)).listen(services.config().port());
  }

  /** Every route of Kenes. */
  static Router router(Vertx vertx, Services services) {
    Views views = new Views();
    FacilitatorAuth auth = FacilitatorAuth.api(services.accounts());
    FacilitatorAuth pageAuth = FacilitatorAuth.pages(services.accounts());
    Audited audited = new Audited(services.audit());
    Router router = Router.router(vertx);
    router.route().handler(SecurityHeaders::handle);
    // Study files and participant CSVs are uploaded as files: these forms' bodies keep their upload (a temporary file,
    // removed when the request ends).
    BodyHandler uploads = BodyHandler.create(true).setBodyLimit(MAX_BODY)
        .setUploadsDirectory(services.config().dataDir().resolve("uploads").toString()).setDeleteUploadedFilesOnEnd(true);
    router.post(ConsoleRoutes.UPLOAD).handler(uploads);
    router.post(ConsoleStudyRoutes.IMPORT).handler(uploads);
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.get("/health").handler(ctx -> health(ctx, services));

    Router api = Router.router(vertx);
    TokenGuard guard = new TokenGuard(System::currentTimeMillis);
    router.route("/p/*").handler(guard);
    api.route("/p/*").handler(guard);
    ApiRoutes.mount(api, vertx, services, auth, audited);
    FacilitationApi.mount(api, vertx, services, auth, audited);
    RightsApi.mount(api, services, audited);
    ReportPages reports = ReportPages.mount(router, api, vertx, services, views, pageAuth);
    PanelistRoutes.mount(router, api, services, views, reports);
    router.route("/api/*").subRouter(api);
    ConsoleRoutes.mount(router, vertx, services, views, pageAuth, audited);
    router.get("/").handler(ctx -> views.respond(ctx, 200, "home", new JsonObject().put("lang", "en"))
        .onFailure(ctx::fail));
    router.route("/static/*").handler(StaticHandler.create(FileSystemAccess.ROOT,
        services.config().webroot().toAbsolutePath().toString()).setCachingEnabled(true));

    Failures failures = new Failures(views);
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
