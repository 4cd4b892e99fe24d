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
  private static final int MAX_ADDRESSES = 100_000;

  private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public TokenGuard(LongSupplier clock) {
    this.clock = clock;
  }

  /** The failed lookups of one address in the last minute, and until when it is blocked. */
  private static final class Failures {
    final Deque<Long> times = new ArrayDeque<>();
    long blockedUntil;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().host();
    long now = clock.getAsLong();
    Failures f = byAddress.get(address);
    if (f != null) {
      synchronized (f) {
        if (f.blockedUntil > now) {
          ctx.response().putHeader("Retry-After", String.valueOf((f.blockedUntil - now + 999) / 1000));
          ctx.fail(429);
          return;
        }
      }
    }
    ctx.addEndHandler(v -> {
      if (ctx.response().getStatusCode() == 404) {
        failed(address, clock.getAsLong());
      }
    });
    ctx.next();
  }

  private void failed(String address, long now) {
    if (byAddress.size() >= MAX_ADDRESSES) {
      byAddress.entrySet().removeIf(e -> e.getValue().blockedUntil < now && e.getValue().times.isEmpty());
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
}
