package org.kenes.round;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.kenes.common.Conflict;

/**
 * Saves in flight on open rounds, registered in the round's document so that a close, from any instance, waits for
 * them ({@link RoundRepository#drain}). Saves that begin within a few milliseconds of each other share one
 * registration, as the writes of a moment share one commit: under load a round's document is written twice per
 * moment, not twice per save. A save that joins a registration taken just before a close began is one the close
 * waits for, so its answer is in the results; no save begins after a close has ended.
 */
final class SaveLeases {

  /** How long a registration takes in new saves; a close may still let in the saves of this last moment. */
  static final long SHARE_MS = 20;

  private final RoundRepository rounds;
  private final LongSupplier clock;
  private final Map<String, Lease> current = new HashMap<>();

  SaveLeases(RoundRepository rounds, LongSupplier clock) {
    this.rounds = rounds;
    this.clock = clock;
  }

  /** One registration of saves in flight on a round, and how many of them are still running. */
  private static final class Lease {
    final Round round;
    final Future<Boolean> entered;
    final long since;
    int saves;

    Lease(Round round, Future<Boolean> entered, long since) {
      this.round = round;
      this.entered = entered;
      this.since = since;
    }
  }

  /** Runs a save on an open round, registered in flight; {@link Conflict} when the round is closed. */
  <T> Future<T> run(Round round, Supplier<Future<T>> save) {
    Lease lease = join(round);
    return lease.entered
        .compose(open -> open ? save.get() : Future.failedFuture(new Conflict("round " + round.number()
            + " is closed: answers can no longer be changed")))
        .andThen(done -> release(lease));
  }

  private synchronized Lease join(Round round) {
    String key = Round.key(round.study(), round.number());
    long now = clock.getAsLong();
    Lease lease = current.get(key);
    if (lease == null || now - lease.since > SHARE_MS) {
      lease = new Lease(round, rounds.enter(round.study(), round.number()), now);
      current.put(key, lease);
    }
    lease.saves++;
    return lease;
  }

  /** A registration is given back when its last save ends; a save after that takes a new one. */
  private void release(Lease lease) {
    synchronized (this) {
      if (--lease.saves > 0) {
        return;
      }
      current.remove(Round.key(lease.round.study(), lease.round.number()), lease);
    }
    if (lease.entered.succeeded() && lease.entered.result()) {
      rounds.leave(lease.round.study(), lease.round.number());
    }
  }
}
