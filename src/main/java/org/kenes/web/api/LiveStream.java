package org.kenes.web.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.kenes.Services;
import org.kenes.answer.AnswerService;
import org.kenes.live.LiveFeed;
import org.kenes.round.RoundService;

/**
 * {@code GET /api/studies/{id}/live}: server-sent events. On connecting, and after every save, opening or closing
 * announced on the event bus (by whichever instance took it), an event {@code participation} with the dashboard's
 * {@link LiveFeed#snapshot}. Saves arriving while a snapshot is being computed are folded into one more snapshot.
 * The event bus reaches this instance only; saves taken by other instances on the same store are noticed by watching
 * the round's shared tallies every {@value #WATCH_MS} ms.
 */
final class LiveStream {

  private static final long PING_MS = 15_000;
  static final long WATCH_MS = 2_000;

  private final Vertx vertx;
  private final Services s;
  private final LiveFeed feed;

  LiveStream(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.s = services;
    this.feed = new LiveFeed(services.rounds());
  }

  void stream(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    s.studies().get(id).onSuccess(study -> new Connection(ctx.response(), id).start()).onFailure(ctx::fail);
  }

  private final class Connection {
    private final HttpServerResponse response;
    private final String study;
    private MessageConsumer<JsonObject> saves;
    private MessageConsumer<JsonObject> rounds;
    private long ping;
    private long watch;
    private String seen;
    private boolean computing;
    private boolean dirty;
    private boolean closed;
    private long sequence;

    Connection(HttpServerResponse response, String study) {
      this.response = response;
      this.study = study;
    }

    void start() {
      response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
      response.write("retry: 3000\n\n");
      saves = vertx.eventBus().consumer(AnswerService.address(study), m -> changed());
      rounds = vertx.eventBus().consumer(RoundService.ANNOUNCEMENTS, m -> {
        if (study.equals(m.body().getString("study"))) {
          changed();
        }
      });
      ping = vertx.setPeriodic(PING_MS, t -> response.write(": ping\n\n"));
      watch = vertx.setPeriodic(WATCH_MS, t -> fingerprint().onSuccess(now -> {
        if (seen != null && !seen.equals(now)) {
          changed();
        }
        seen = now;
      }));
      response.closeHandler(v -> close());
      response.exceptionHandler(e -> close());
      // The tallies first, then the first snapshot: a save between the two is in the snapshot, one after it changes
      // what the watch sees.
      fingerprint().onComplete(now -> {
        if (now.succeeded() && seen == null) {
          seen = now.result();
        }
        changed();
      });
    }

    /** What the open round's shared tallies say now: they change with every save, through whichever instance. */
    private Future<String> fingerprint() {
      return s.rounds().openRound(study).compose(round -> round
          .map(r -> s.tallies().read(study, r.number()).map(t -> r.number() + ":" + t))
          .orElseGet(() -> Future.succeededFuture("no round")));
    }

    private void changed() {
      if (closed) {
        return;
      }
      if (computing) {
        dirty = true;
        return;
      }
      computing = true;
      dirty = false;
      feed.snapshot(study).onComplete(r -> {
        computing = false;
        if (closed) {
          return;
        }
        if (r.succeeded()) {
          response.write("id: " + (++sequence) + "\nevent: participation\ndata: " + r.result().encode() + "\n\n");
        }
        if (dirty) {
          changed();
        }
      });
    }

    private void close() {
      if (closed) {
        return;
      }
      closed = true;
      vertx.cancelTimer(ping);
      vertx.cancelTimer(watch);
      saves.unregister();
      rounds.unregister();
    }
  }
}
