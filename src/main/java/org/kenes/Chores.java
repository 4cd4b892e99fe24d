package org.kenes;

import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kenes.account.Actor;
import org.kenes.round.Round;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kenes does on its own, every couple of seconds: closes rounds whose deadline has passed, sends queued mail,
 * warns of and carries out the deletions at the end of retention periods, forgets expired sessions. Safe with
 * several instances: closing a closed round, claiming a claimed message and deleting deleted data change nothing.
 */
final class Chores {

  static final long PERIOD_MS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(Chores.class);

  private final Services s;
  private final AtomicBoolean running = new AtomicBoolean();
  private long runs;

  Chores(Services services) {
    this.s = services;
  }

  void run() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    runs++;
    s.rounds().closeDue()
        .compose(closed -> Future.all(closed.stream().map(this::closedAtDeadline).toList()))
        .<Void>mapEmpty()
        .compose(v -> s.mail().mailer().deliver())
        // Every study's retention schedule is written again at start and hourly, in case an event was missed.
        .compose(v -> runs % 1800 == 1 ? s.retention().refreshAll() : Future.succeededFuture())
        .compose(v -> s.retention().run())
        .compose(v -> runs % 900 == 0 ? s.accounts().deleteExpiredSessions() : Future.succeededFuture())
        .onFailure(e -> LOG.warn("Periodic work: {}", e.getMessage()))
        .onComplete(r -> running.set(false));
  }

  private Future<Void> closedAtDeadline(Round round) {
    LOG.info("Round {} of {} closed at its deadline {}", round.number(), round.study(), round.closesAt());
    return s.audit().record(Actor.SYSTEM, "round.closed", "round " + round.number(), round.study(),
        "deadline " + round.closesAt());
  }
}
