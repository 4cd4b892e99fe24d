package org.kenes.web.panelist;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kenes.common.TooMany;
import org.kenes.discussion.DiscussionService;
import org.kenes.services.Services;
import org.kenes.web.api.StreamQuota;

/**
 * {@code GET /api/p/{token}/items/{item}/thread/live}: server-sent events, an event {@code thread} with
 * {@code {"item"}} whenever the item's thread changes: at once for a change taken by this instance (the event bus),
 * and within {@value #WATCH_MS} ms for one taken by another instance on the same store (the thread's version, one
 * document read by its id). The event carries nothing of the thread: the page reads it again through the panelist's own link, so
 * each reader sees only what they may. A participant holds a few streams at most, the server a bounded number.
 */
final class ThreadStream {

  static final long WATCH_MS = 2_000;
  private static final long PING_MS = 15_000;
  private static final int PER_PARTICIPANT = 4;
  private static final int PER_SERVER = 1_000;
  private static final int RETRY_SECONDS = 60;

  private final Vertx vertx;
  private final Services s;
  private final StreamQuota quota = new StreamQuota(PER_PARTICIPANT, PER_SERVER);

  ThreadStream(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.s = services;
  }

  void stream(RoutingContext ctx) {
    String item = ctx.pathParam("item");
    // Reading the thread first checks what reading it needs: a known link, a study with a discussion, a known item.
    s.answers().panelist(ctx.pathParam("token"))
        .compose(who -> s.discussions().thread(who, item).map(who))
        .onSuccess(who -> {
          String participant = who.participant().id();
          String refused = quota.take(participant);
          if (refused != null) {
            ctx.fail(new TooMany(refused, RETRY_SECONDS));
            return;
          }
          new Connection(ctx.response(), who.study().id(), item, participant).start();
        })
        .onFailure(ctx::fail);
  }

  private final class Connection {
    private final HttpServerResponse response;
    private final String study;
    private final String item;
    private final String participant;
    private MessageConsumer<JsonObject> changes;
    private long ping;
    private long watch;
    private Long seen;
    private boolean closed;

    Connection(HttpServerResponse response, String study, String item, String participant) {
      this.response = response;
      this.study = study;
      this.item = item;
      this.participant = participant;
    }

    void start() {
      response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
      response.write("retry: 3000\n\n");
      changes = vertx.eventBus().consumer(DiscussionService.address(study), m -> {
        if (item.equals(m.body().getString("item"))) {
          send();
        }
      });
      ping = vertx.setPeriodic(PING_MS, t -> response.write(": ping\n\n"));
      watch = vertx.setPeriodic(WATCH_MS, t -> s.discussions().posts().version(study, item).onSuccess(now -> {
        if (seen != null && !seen.equals(now)) {
          send();
        }
        seen = now;
      }));
      response.closeHandler(v -> close());
      response.exceptionHandler(e -> close());
      if (response.closed()) {
        close();
        return;
      }
      s.discussions().posts().version(study, item).onSuccess(now -> {
        if (seen == null) {
          seen = now;
        }
      });
    }

    private void send() {
      if (!closed) {
        response.write("event: thread\ndata: " + new JsonObject().put("item", item).encode() + "\n\n");
      }
    }

    private void close() {
      if (closed) {
        return;
      }
      closed = true;
      vertx.cancelTimer(ping);
      vertx.cancelTimer(watch);
      changes.unregister();
      quota.release(participant);
    }
  }
}
