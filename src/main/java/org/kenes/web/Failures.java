package org.kenes.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.kenes.common.KenesException;
import org.kenes.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: domain exceptions answer their status with {@code {"error", "details"}} under /api and
 * an error page elsewhere; anything unexpected is a 500, logged with a request id (and never with a token).
 */
public final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private final Views views;

  Failures(Views views) {
    this.views = views;
  }

  /** The language of an error page: the page's ?lang=, else the browser's first language Kenes speaks, else English. */
  private static String pageLanguage(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if (asked != null && Views.speaks(asked)) {
      return asked;
    }
    return ctx.acceptableLanguages().stream().map(l -> l.tag()).filter(Views::speaks).findFirst().orElse("en");
  }

  void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String message;
    JsonArray details = new JsonArray();
    if (failure instanceof KenesException k) {
      status = k.status();
      message = k.getMessage();
      k.problems().forEach(p -> details.add(new JsonObject().put("path", p.path()).put("message", p.message())));
    } else if (Store.isUnavailable(failure)) {
      status = 503;
      message = "the store does not answer; please try again in a moment";
      ctx.response().putHeader("Retry-After", "5");
      LOG.warn("store unavailable: {} {}", ctx.request().method(), Redact.path(ctx.request().path()));
    } else if (failure instanceof DecodeException) {
      status = 400;
      message = "the body is not valid JSON";
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      message = switch (status) {
        case 404 -> "not found";
        case 405 -> "method not allowed";
        case 413 -> "the body is larger than 1 MB";
        case 415 -> "unsupported content type";
        case 429 -> "too many unknown links from this address; try again later";
        default -> "the request cannot be served";
      };
    } else {
      status = 500;
      String id = UUID.randomUUID().toString();
      message = "internal error " + id;
      LOG.error("{} {} {}", id, ctx.request().method(), Redact.path(ctx.request().path()), failure);
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject().put("error", message);
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    if (ctx.request().path().startsWith("/api/") || ctx.request().path().equals("/health")) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    } else {
      String lang = pageLanguage(ctx);
      String shown = Views.textOrNull(lang, "error.status." + status);
      views.respond(ctx, status, "error", body.put("status", status).put("lang", lang)
              .put("error", shown == null ? message : shown).put("technical", shown == null ? null : message))
          .onFailure(e -> ctx.response().setStatusCode(status).end(message));
    }
  }
}
