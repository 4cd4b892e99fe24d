package org.kenes;

import io.vertx.core.Future;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kenes.account.Actor;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kenes does on its own, every couple of seconds: closes rounds whose deadline has passed, opens rounds whose
 * time has come ({@code rounds.opensAt}), sends queued mail, warns of and carries out the deletions at the end of
 * retention periods, forgets expired sessions, queues the daily digests of replies in the discussions. Safe with
 * several instances: closing a closed round, claiming a claimed message and deleting deleted data change nothing, a
 * round is opened by one insert under its own id, which only one instance wins, and a digest's id holds its day.
 */
final class Chores {

  static final long PERIOD_MS = 2000;
  private static final Logger LOG = LoggerFactory.getLogger(Chores.class);

  private final Services s;
  private final AtomicBoolean running = new AtomicBoolean();
  /** Scheduled openings that could not happen (study, time and why), said once per instance rather than every run. */
  private final Set<String> told = ConcurrentHashMap.newKeySet();
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
        .compose(v -> s.studies().due())
        .compose(due -> Future.all(due.stream().map(stored -> openScheduled(stored.study())).toList()))
        .<Void>mapEmpty()
        .compose(v -> s.mail().mailer().deliver())
        // Every study's retention schedule is written again at start and hourly, in case an event was missed.
        .compose(v -> runs % 1800 == 1 ? s.retention().refreshAll() : Future.succeededFuture())
        .compose(v -> s.retention().run())
        .compose(v -> runs % 900 == 0 ? s.accounts().deleteExpiredSessions() : Future.succeededFuture())
        // Replies to panelists' posts: looked for hourly, told in one digest a day at most.
        .compose(v -> runs % 1800 == 2 ? s.digests().run().mapEmpty() : Future.succeededFuture())
        .onFailure(e -> LOG.warn("Periodic work: {}", e.getMessage()))
        .onComplete(r -> running.set(false));
  }

  /** A scheduled round that cannot open (an incomplete study, nothing left to ask) is logged once, not every run. */
  private Future<Void> openScheduled(Study study) {
    return s.rounds().openScheduled(study)
        .compose(opened -> opened.map(this::openedOnSchedule).orElse(Future.succeededFuture()))
        .recover(e -> {
          // Another study's opening or the mail must not wait on this one; the next run tries again.
          if (told.add(study.id() + " " + study.rounds().opensAt() + " " + e.getMessage())) {
            LOG.warn("Study {}: the round due at {} did not open: {}", study.id(), study.rounds().opensAt(),
                e.getMessage());
          }
          return Future.succeededFuture();
        });
  }

  private Future<Void> openedOnSchedule(Round round) {
    LOG.info("Round {} of {} opened at its scheduled time", round.number(), round.study());
    return s.audit().record(Actor.SYSTEM, "round.opened", "round " + round.number(), round.study(), "scheduled");
  }

  private Future<Void> closedAtDeadline(Round round) {
    LOG.info("Round {} of {} closed at its deadline {}", round.number(), round.study(), round.closesAt());
    return s.audit().record(Actor.SYSTEM, "round.closed", "round " + round.number(), round.study(),
        "deadline " + round.closesAt());
  }
}
