package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.kenes.common.Conflict;
import org.kenes.common.Unavailable;

/**
 * The lease fence between saves and a close, with no write of its own. A save reads its round as open from a cache at
 * most {@link #CACHE_MS} old and must be acknowledged within {@link #LEASE_MS} of its start, or it fails
 * ({@link Unavailable}) with nothing acknowledged. A close marks the round closed, then waits before it counts: for
 * this instance's saves on the round to end (each within its lease), and, when other instances may be saving
 * ({@link Peers}), for the cache, the lease and a margin for clocks that run apart ({@link #WAIT_MS}). So every
 * acknowledged save is in the count; a save whose write lands after the count is late, and the count leaves it out.
 */
public final class SaveFence {

  /** How old a round's state may be when a save reads it ({@link RoundService#openRound}). */
  public static final long CACHE_MS = 1_000;
  /** How long a save may take from its start to its acknowledgement. */
  public static final long LEASE_MS = 2_000;
  /** How far apart the clocks of two instances may run over a lease: a save's timer against a close's. */
  static final long SKEW_MS = 500;
  /** What a close waits, once the round is marked closed, before it counts, when other instances may save. */
  static final long WAIT_MS = CACHE_MS + LEASE_MS + SKEW_MS;
  private static final long POLL_MS = 10;

  private final LongSupplier clock;
  private final Peers peers;
  private final Map<String, List<Lease>> running = new HashMap<>();
  private final Set<String> closing = new HashSet<>();
  private volatile Supplier<Future<Void>> inTransit = Future::succeededFuture;

  SaveFence(LongSupplier clock, Peers peers) {
    this.clock = clock;
    this.peers = peers;
  }

  /** A save's lease on a round: until when it may be acknowledged. */
  public final class Lease {
    private final String round;
    private final long until;
    private boolean ended;

    private Lease(String round, long until) {
      this.round = round;
      this.until = until;
    }

    /** Whether the save may still be acknowledged. */
    public boolean alive() {
      return clock.getAsLong() <= until;
    }

    /** Goes on with {@code value} while the lease holds; {@link Unavailable} once it has run out. */
    public <T> Future<T> check(T value) {
      return alive() ? Future.succeededFuture(value) : Future.failedFuture(new Unavailable(
          "your answers could not be saved in time; please send them again"));
    }

    /**
     * A write of the save on its way to the store: the lease is checked before it leaves, and the write waits for
     * what a test holds it with (a store slow to answer).
     */
    public <T> Future<T> write(Supplier<Future<T>> write) {
      return check(null).compose(v -> inTransit.get()).compose(v -> write.get());
    }
  }

  /** The time a save begins, by the fence's clock: its lease runs from here. */
  public long now() {
    return clock.getAsLong();
  }

  /**
   * Runs a save begun at {@code startedAt} on a round this instance has seen open: under a lease of its own, or
   * {@link Conflict} when this instance is closing the round.
   */
  <T> Future<T> run(Round round, long startedAt, Function<Lease, Future<T>> save) {
    Lease lease;
    synchronized (this) {
      String key = Round.key(round.study(), round.number());
      if (closing.contains(key)) {
        return Future.failedFuture(new Conflict("round " + round.number()
            + " is closed: answers can no longer be changed"));
      }
      lease = new Lease(key, startedAt + LEASE_MS);
      running.computeIfAbsent(key, k -> new ArrayList<>()).add(lease);
    }
    return save.apply(lease).andThen(done -> end(lease));
  }

  private synchronized void end(Lease lease) {
    lease.ended = true;
    List<Lease> leases = running.get(lease.round);
    if (leases != null && leases.remove(lease) && leases.isEmpty()) {
      running.remove(lease.round);
    }
  }

  /** From now on this instance begins no save on the round: part of its close, before it is marked closed. */
  synchronized void closing(String study, int number) {
    closing.add(Round.key(study, number));
  }

  /** The close did not mark the round closed, or the round was opened (anew): saves may begin again. */
  synchronized void reopened(String study, int number) {
    closing.remove(Round.key(study, number));
  }

  /** Waits, once a round is marked closed, until its count can no longer miss an acknowledged save. */
  Future<Void> beforeCount(Vertx vertx, String study, int number) {
    String key = Round.key(study, number);
    return peers.others().compose(others -> Future.all(others ? vertx.timer(WAIT_MS) : Future.succeededFuture(),
        ownSaves(vertx, key)).mapEmpty());
  }

  /** Until this instance's saves on the round have ended, or their leases (and a margin) have run out. */
  private Future<Void> ownSaves(Vertx vertx, String key) {
    boolean waiting;
    synchronized (this) {
      long now = clock.getAsLong();
      waiting = running.getOrDefault(key, List.of()).stream().anyMatch(l -> !l.ended && now <= l.until + SKEW_MS);
    }
    return waiting ? vertx.timer(POLL_MS).compose(t -> ownSaves(vertx, key)) : Future.succeededFuture();
  }

  /**
   * For tests: what every save's writes wait for on their way to the store, after their lease was checked, so that a
   * test can hold a write in transit while its lease runs out or a close counts.
   */
  public void holdWrites(Supplier<Future<Void>> hold) {
    inTransit = hold;
  }
}
