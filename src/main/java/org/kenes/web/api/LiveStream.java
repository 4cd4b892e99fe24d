package org.kenes.web.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.kenes.common.TooMany;
import org.kenes.live.LiveFeed;
import org.kenes.panelist.AnswerService;
import org.kenes.round.RoundService;
import org.kenes.services.Services;
import org.kenes.web.FacilitatorAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/studies/{id}/live}: server-sent events. On connecting, and after every save, opening or closing
 * announced on the event bus (by whichever instance took it), an event {@code participation} with the dashboard's
 * {@link LiveFeed#snapshot}. Saves arriving while a snapshot is being computed are folded into one more snapshot.
 * The event bus reaches this instance only; saves taken by other instances on the same store are noticed by watching
 * the round's shared tallies every {@value #WATCH_MS} ms. A stream ends when the session it was opened with does
 * (signed out, expired, revoked: checked at the same pace); an account and the server hold a bounded number of streams
 * ({@link StreamQuota}).
 */
final class LiveStream {

  private static final long PING_MS = 15_000;
  private static final int RETRY_SECONDS = 60;
  static final long WATCH_MS = 2_000;
  private static final long RETRY_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

  private final Vertx vertx;
  private final Services s;
  private final LiveFeed feed;
  private final StreamQuota quota = new StreamQuota(StreamQuota.PER_ACCOUNT, StreamQuota.PER_SERVER);

  LiveStream(Vertx vertx, Services services) {
    this.vertx = vertx;
    this.s = services;
    this.feed = new LiveFeed(services.rounds());
  }

  void stream(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String account = FacilitatorAuth.actor(ctx).name();
    String refused = quota.take(account);
    if (refused != null) {
      ctx.fail(new TooMany(refused, RETRY_SECONDS));
      return;
    }
    Optional<String> session = FacilitatorAuth.sessionSecret(ctx);
    s.studies().get(id).onSuccess(study -> new Connection(ctx.response(), id, account, session).start())
        .onFailure(e -> {
          quota.release(account);
          ctx.fail(e);
        });
  }

  private final class Connection {
    private final HttpServerResponse response;
    private final String study;
    private final String account;
    /** The session the stream was opened with; none for the admin token. */
    private final Optional<String> session;
    private MessageConsumer<JsonObject> saves;
    private MessageConsumer<JsonObject> rounds;
    private long ping;
    private long watch;
    private String seen;
    private boolean computing;
    private boolean dirty;
    private boolean closed;
    private long sequence;

    Connection(HttpServerResponse response, String study, String account, Optional<String> session) {
      this.response = response;
      this.study = study;
      this.account = account;
      this.session = session;
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
      watch = vertx.setPeriodic(WATCH_MS, t -> {
        fingerprint().onSuccess(now -> {
          if (seen != null && !seen.equals(now)) {
            changed();
          }
          seen = now;
        });
        session.ifPresent(secret -> s.accounts().session(secret).onSuccess(live -> {
          if (live.isEmpty()) {
            end();
          }
        }));
      });
      response.closeHandler(v -> close());
      response.exceptionHandler(e -> close());
      if (response.closed()) {
        // Gone while the study was read: its close was before the handler above.
        close();
        return;
      }
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
          response.write("id: " + (++sequence) + "\nevent: participation\ndata: " + r.result().toJson().encode() + "\n\n");
        } else {
          // Nothing else would send it: a stream whose snapshot failed would wait for the next save.
          LOG.warn("The live snapshot of study {} failed; trying again in {} ms", study, RETRY_MS, r.cause());
          vertx.setTimer(RETRY_MS, t -> changed());
        }
        if (dirty) {
          changed();
        }
      });
    }

    /** The session has ended: so does the stream (a browser reconnecting is then refused). */
    private void end() {
      close();
      if (!response.ended() && !response.closed()) {
        response.end();
      }
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
      quota.release(account);
    }
  }
}
