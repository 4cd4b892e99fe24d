package org.kenes.web;

import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.TooManyFormFieldsException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.kenes.common.KenesException;
import org.kenes.common.TooMany;
import org.kenes.common.Unavailable;
import org.kenes.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: domain exceptions answer their status with {@code {"error", "details"}} to a client that
 * accepts JSON and an error page to one that accepts HTML (by the address when it accepts anything); anything unexpected is a 500, logged with a request id (and never with a token).
 */
public final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private final Views views;

  public Failures(Views views) {
    this.views = views;
  }

  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    int status;
    String message;
    JsonArray details = new JsonArray();
    if (failure instanceof KenesException k) {
      status = k.status();
      message = k.getMessage();
      k.problems().forEach(p -> details.add(new JsonObject().put("path", p.path()).put("message", p.message())));
      if (k instanceof TooMany tooMany) {
        ctx.response().putHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
      } else if (k instanceof Unavailable) {
        ctx.response().putHeader("Retry-After", "1");
      }
    } else if (Store.isUnavailable(failure)) {
      status = 503;
      message = "the store does not answer; please try again in a moment";
      ctx.response().putHeader("Retry-After", "5");
      LOG.warn("store unavailable: {} {}", ctx.request().method(), Redact.path(ctx.request().path()));
    } else if (failure instanceof DecodeException) {
      status = 400;
      message = "the body is not valid JSON";
    } else if (failure != null && BodyGate.reading(ctx)) {
      // Netty's form and multipart decoders fail in many ways on a broken body; none of them is a bug of Kenes.
      status = ctx.statusCode() == 413 ? 413 : 400;
      message = status == 413 ? tooLarge() : failure instanceof TooManyFormFieldsException
          ? "the form has more than " + BodyGate.MAX_FORM_FIELDS + " fields"
          : "the form or upload cannot be read: its body is malformed";
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      message = switch (status) {
        case 404 -> "not found";
        case 405 -> "method not allowed";
        case 408 -> "the request took too long to arrive";
        case 413 -> tooLarge();
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
    if (BodyGate.reading(ctx)) {
      BodyGate.closeAfterAnswer(ctx);
    }
    answer(ctx, status, message, details);
  }

  /** An address whose percent-escapes do not decode: it fails while routes are matched, before any handler. */
  public void malformedAddress(RoutingContext ctx) {
    SecurityHeaders.set(ctx.response().headers());
    answer(ctx, 400, "the address is malformed: a % must be followed by two hexadecimal digits", new JsonArray());
  }

  /**
   * A failure Vert.x could not hand to {@link #handle} (one in the failure handler itself): logged by request id and
   * redacted path, not by Vert.x with the whole address (a personal link's token).
   */
  public void unhandled(RoutingContext ctx) {
    if (BodyGate.reading(ctx)) {
      // A broken body fails its request again with each piece that arrives: the first failure answers.
      return;
    }
    String id = UUID.randomUUID().toString();
    LOG.error("{} {} {}: unhandled", id, ctx.request().method(), Redact.path(ctx.request().path()), ctx.failure());
    if (!ctx.response().headWritten()) {
      ctx.response().setStatusCode(500).end("internal error " + id);
    }
  }

  private static String tooLarge() {
    return "the body is larger than " + BodyGate.MAX_BODY / (1024 * 1024) + " MB";
  }

  /**
   * Whether a failure answers JSON rather than a page: by what the client accepts first, as vertx-web's own error
   * handler decides; for a client that accepts anything (or says nothing), by the address, JSON under /api.
   */
  static boolean wantsJson(RoutingContext ctx) {
    List<MIMEHeader> accepted = ctx.parsedHeaders() == null ? List.of() : ctx.parsedHeaders().accept().stream()
        .sorted(Comparator.comparingDouble(MIMEHeader::weight).reversed()).toList();
    for (MIMEHeader type : accepted) {
      String sub = type.subComponent();
      if ("application".equals(type.component()) && ("json".equals(sub) || sub.endsWith("+json"))) {
        return true;
      }
      if ("text".equals(type.component()) && "html".equals(sub)
          || "application".equals(type.component()) && "xhtml+xml".equals(sub)) {
        return false;
      }
    }
    return ctx.request().path().startsWith("/api/") || ctx.request().path().equals("/health");
  }

  private void answer(RoutingContext ctx, int status, String message, JsonArray details) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    JsonObject body = new JsonObject().put("error", message);
    if (!details.isEmpty()) {
      body.put("details", details);
    }
    if (wantsJson(ctx)) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    } else {
      // A facilitator reads it in the console's language; anybody else in the page's or the browser's.
      String lang = Viewer.of(ctx).language();
      String shown = Views.textOrNull(lang, "error.status." + status);
      boolean console = ctx.request().path().startsWith("/console") || ctx.request().path().startsWith("/studies/");
      views.respond(ctx, status, "error", body.put("status", status).put("lang", lang)
              .put("error", shown == null ? message : shown).put("technical", shown == null ? null : message)
              .put("skipKey", console ? "console.skip" : null).put("console", console))
          .onFailure(e -> ctx.response().setStatusCode(status).end(message));
    }
  }
}
