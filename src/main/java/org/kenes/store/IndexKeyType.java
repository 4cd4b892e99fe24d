package org.kenes.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes. H2 orders keys it cannot compare directly (mongo-java-server's
 * {@link KeyValue}) by their Java serialisation, serialising both keys anew on each of the dozens of comparisons of a
 * lookup. This type gives exactly the same order and writes exactly the same bytes (files written before stay
 * readable, and the other way round), but remembers the serialisation of the keys it compared last: the key looked up,
 * and the keys of the index pages in memory.
 */
final class IndexKeyType extends ObjectDataType {

  /** Slots chosen by identity hash; a slot holds one key and its bytes, replaced by the next key that falls there. */
  private static final int SLOTS = 1 << 16;

  private record Serialised(Object key, byte[] bytes) {}

  // Shared by every index of every store in the process (keys are told apart by identity), and racy by design: a
  // slot is read and written without locks, and a record is immutable, so a reader sees either a whole record or
  // another; the worst outcome is serialising a key again. One instance per index map, as H2 gives each map its own
  // ObjectDataType (which keeps per-instance state of its own).
  private static final Serialised[] RECENT = new Serialised[SLOTS];

  @Override
  public int compare(Object a, Object b) {
    if (a instanceof KeyValue && b instanceof KeyValue && a != b) {
      return compareNotNull(bytes(a), bytes(b));
    }
    return super.compare(a, b);
  }

  private byte[] bytes(Object key) {
    int slot = System.identityHashCode(key) & (SLOTS - 1);
    Serialised known = RECENT[slot];
    if (known != null && known.key() == key) {
      return known.bytes();
    }
    byte[] bytes = serialize(key);
    RECENT[slot] = new Serialised(key, bytes);
    return bytes;
  }
}
