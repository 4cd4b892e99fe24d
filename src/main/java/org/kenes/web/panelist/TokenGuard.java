package org.kenes.web.panelist;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kenes.web.Failures;

/**
 * Slows down guessing of personal links and report links: an address whose lookups of unknown tokens reach
 * {@link #MAX_FAILURES} within a minute gets 429 on every such route for {@link #BLOCK_MS}. Counted per instance, by
 * the address the connection comes from.
 */
public final class TokenGuard implements Handler<RoutingContext> {

  public static final int MAX_FAILURES = 20;
  static final long WINDOW_MS = 60_000;
  static final long BLOCK_MS = 5 * 60_000;
  /** Addresses followed at most: about 50 MB when each has its twenty failures of a minute. */
  static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private volatile long lastSweep = Long.MIN_VALUE / 2;

  public TokenGuard(LongSupplier clock) {
    this.clock = clock;
  }

  /** The failed lookups of one address in the last minute, and until when it is blocked. */
  private static final class Failures {
    final Deque<Long> times = new ArrayDeque<>();
    long blockedUntil;

    /** Neither blocked nor with a failure that still counts: nothing to remember. */
    synchronized boolean spent(long now) {
      return blockedUntil <= now && (times.isEmpty() || times.peekLast() <= now - WINDOW_MS);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
    long now = clock.getAsLong();
    long blockedUntil = blockedUntil(address);
    if (blockedUntil > now) {
      ctx.response().putHeader("Retry-After", String.valueOf((blockedUntil - now + 999) / 1000));
      ctx.fail(429);
      return;
    }
    ctx.addEndHandler(v -> {
      if (ctx.response().getStatusCode() == 404) {
        failed(address, clock.getAsLong());
      }
    });
    ctx.next();
  }

  /** Until when an address gets 429; in the past for one not blocked. */
  long blockedUntil(String address) {
    Failures f = byAddress.get(address);
    if (f == null) {
      return 0;
    }
    synchronized (f) {
      return f.blockedUntil;
    }
  }

  /**
   * Counts an unknown link looked up by an address. At most {@link #MAX_ADDRESSES} addresses are followed: when that
   * many are, those neither blocked nor failing within the last minute are forgotten, and should every one still
   * count, a new address goes uncounted rather than have the guard forget one that is about to be blocked. They are
   * looked over at most once a second, so that a flood of new addresses does not have every request go through all.
   */
  void failed(String address, long now) {
    if (!byAddress.containsKey(address) && byAddress.size() >= MAX_ADDRESSES) {
      if (now - lastSweep >= 1_000) {
        lastSweep = now;
        byAddress.values().removeIf(f -> f.spent(now));
      }
      if (byAddress.size() >= MAX_ADDRESSES) {
        return;
      }
    }
    Failures f = byAddress.computeIfAbsent(address, a -> new Failures());
    synchronized (f) {
      f.times.addLast(now);
      while (!f.times.isEmpty() && f.times.peekFirst() <= now - WINDOW_MS) {
        f.times.removeFirst();
      }
      if (f.times.size() >= MAX_FAILURES) {
        f.blockedUntil = now + BLOCK_MS;
        f.times.clear();
      }
    }
  }

  /** Addresses followed, for the tests. */
  int followed() {
    return byAddress.size();
  }
}
