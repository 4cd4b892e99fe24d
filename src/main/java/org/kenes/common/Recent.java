package org.kenes.common;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Remembers recent answers of a store lookup for a short while, so that a save does not read again what hardly ever
 * changes (a study's definition, a round's list, a link's owner). Only for reads whose staleness is harmless: what
 * must be current (is this round still open?) is checked by the write itself.
 */
public final class Recent<K, V> {

  private record Entry<V>(Future<V> value, long until) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlMs;
  private final int maxSize;
  private final LongSupplier clock;
  private final Predicate<V> keep;

  public Recent(long ttlMs, int maxSize, LongSupplier clock) {
    this(ttlMs, maxSize, clock, value -> true);
  }

  /** @param keep which answers are worth remembering (an answer "not there yet" may be there at the next ask) */
  public Recent(long ttlMs, int maxSize, LongSupplier clock, Predicate<V> keep) {
    this.ttlMs = ttlMs;
    this.maxSize = maxSize;
    this.clock = clock;
    this.keep = keep;
  }

  public Future<V> get(K key, Function<K, Future<V>> load) {
    long now = clock.getAsLong();
    Entry<V> entry = entries.get(key);
    if (entry != null && entry.until() > now && !entry.value().failed()) {
      return entry.value();
    }
    if (entries.size() >= maxSize) {
      entries.values().removeIf(e -> e.until() <= now);
      if (entries.size() >= maxSize) {
        entries.clear();
      }
    }
    Future<V> loaded = load.apply(key);
    Entry<V> added = new Entry<>(loaded, now + ttlMs);
    entries.put(key, added);
    loaded.onSuccess(value -> {
      if (!keep.test(value)) {
        entries.remove(key, added);
      }
    });
    return loaded;
  }

  public void forget(K key) {
    entries.remove(key);
  }

  public void clear() {
    entries.clear();
  }
}
