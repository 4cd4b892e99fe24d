package org.kenes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's index key type orders keys exactly as H2's stock type does, so index files written by either
 * are read by the other.
 */
class IndexKeyTypeTest {

  @TempDir
  Path dir;

  /** Keys as mongo-java-server builds them: one to three values of the types Kenes indexes and a few more. */
  @Provide
  Arbitrary<List<KeyValue>> keys() {
    Arbitrary<Object> value = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
        Arbitraries.strings().withChars("aé:|ж1").ofMaxLength(6).map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
    return value.list().ofMinSize(1).ofMaxSize(3).map(KeyValue::new).list().ofMinSize(2).ofMaxSize(30);
  }

  @Property(tries = 300)
  @Label("compares every pair of keys as H2's ObjectDataType does, whether it has seen them before or not")
  void sameOrder(@ForAll("keys") List<KeyValue> keys) {
    ObjectDataType stock = new ObjectDataType();
    IndexKeyType fast = new IndexKeyType();
    for (int round = 0; round < 2; round++) {
      for (KeyValue a : keys) {
        for (KeyValue b : keys) {
          assertEquals(Integer.signum(stock.compare(a, b)), Integer.signum(fast.compare(a, b)), a + " vs " + b);
          // An equal key built anew (as a lookup builds it) compares the same.
          KeyValue copy = new KeyValue(List.copyOf(toList(b)));
          assertEquals(Integer.signum(stock.compare(a, copy)), Integer.signum(fast.compare(a, copy)), a + " vs " + b);
        }
      }
    }
  }

  @Test
  void indexesOfEitherTypeReadEachOther() {
    String file = dir.resolve("index.mv.db").toString();
    List<KeyValue> written = new ArrayList<>();
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> stock = store.openMap("stock");
      for (int i = 0; i < 5_000; i++) {
        KeyValue key = new KeyValue(List.of("study-" + (i % 7), "participant:" + i));
        stock.put(key, i);
        written.add(key);
      }
    }
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> fast = store.openMap("stock", new MVMap.Builder<>().keyType(new IndexKeyType()));
      for (int i = 0; i < written.size(); i++) {
        assertEquals(i, fast.get(new KeyValue(toList(written.get(i)))), "key " + i);
      }
      MVMap<Object, Object> added = store.openMap("fast", new MVMap.Builder<>().keyType(new IndexKeyType()));
      written.forEach(key -> added.put(key, key.toString()));
    }
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> stock = store.openMap("fast");
      written.forEach(key -> assertEquals(key.toString(), stock.get(new KeyValue(toList(key)))));
    }
  }

  private static List<Object> toList(KeyValue key) {
    List<Object> values = new ArrayList<>();
    key.forEach(values::add);
    return values;
  }
}
