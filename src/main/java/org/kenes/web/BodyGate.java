package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kenes.common.NotFound;
import org.kenes.participant.ParticipantRepository;

/**
 * Reads a request's body only once the request has shown it may send one: a panelist's save needs a known personal
 * link, a sign-in form nothing (its body is kept small), anything else a facilitator's token or session. A request
 * refused here has not had a byte of its body read or stored (an upload never reaches the disk) and its connection is
 * closed. The body handlers mounted after this one read the bodies let through, and {@link #read} marks when they
 * are done: a failure in between is the body's (a broken form or upload), which {@link Failures} answers with 400.
 */
public final class BodyGate implements Handler<RoutingContext> {

  /** Sign-in forms: the only bodies read from anyone. */
  public static final Set<String> SIGN_IN = Set.of("/console/login", "/api/session");
  public static final long SIGN_IN_BODY = 16 * 1024;
  /** The largest body a request may carry. */
  public static final long MAX_BODY = 1024 * 1024;
  /** Form fields a request may carry: a questionnaire of several hundred items has a few for each. */
  public static final int MAX_FORM_FIELDS = 10_000;
  private static final Pattern PERSONAL_LINK = Pattern.compile("^(?:/api)?/p/([^/]+)");
  private static final String READING = "kenes.readingBody";

  private final FacilitatorAuth auth;
  private final ParticipantRepository participants;

  public BodyGate(FacilitatorAuth auth, ParticipantRepository participants) {
    this.auth = auth;
    this.participants = participants;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded() || !hasBody(request)) {
      ctx.next();
      return;
    }
    // Paused until admitted; the body handler that follows resumes it.
    request.pause();
    admitted(ctx).onComplete(admitted -> {
      if (admitted.succeeded() && admitted.result()) {
        ctx.put(READING, true);
        ctx.next();
        return;
      }
      closeAfterAnswer(ctx);
      if (admitted.failed()) {
        ctx.fail(admitted.cause());
      } else {
        auth.refuse(ctx);
      }
    });
  }

  /** After the body handlers: the body is read. */
  public static void read(RoutingContext ctx) {
    ctx.remove(READING);
    ctx.next();
  }

  /**
   * Closes the connection once the answer is sent: the rest of the request's body is not read, so the connection
   * cannot carry another request (and Vert.x would keep it open, waiting for that body).
   */
  static void closeAfterAnswer(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.addEndHandler(r -> ctx.request().connection().close());
  }

  /** Whether the request's body is being read: its handlers have not finished. */
  static boolean reading(RoutingContext ctx) {
    return ctx.get(READING) != null;
  }

  private Future<Boolean> admitted(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (ctx.request().method() == HttpMethod.POST && SIGN_IN.contains(path)) {
      return Future.succeededFuture(true);
    }
    Matcher link = PERSONAL_LINK.matcher(path);
    if (link.find()) {
      return participants.findByToken(link.group(1)).compose(found -> found.isPresent() ? Future.succeededFuture(true)
          : Future.failedFuture(new NotFound("this personal link is not known")));
    }
    return auth.identify(ctx);
  }

  /** A request with a body says so: by its length, or by being sent in chunks. */
  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return length != null ? !length.trim().equals("0") : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }
}
