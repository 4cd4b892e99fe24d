package org.kenes.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.store.TestStore;

/** A round's tallies in the store: the sum of the shares every instance writes, rewritten whole by a close. */
class TallyRepositoryTest {

  @TempDir
  Path dir;

  private TestStore store;
  private MongoClient mongo;

  @BeforeEach
  void start() {
    store = TestStore.open(dir);
    mongo = store.client();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  @DisplayName("the shares of two instances add up; a close leaves one document per panel with the recount")
  void sharesAddUp() {
    TallyRepository one = new TallyRepository(mongo);
    TallyRepository other = new TallyRepository(mongo);
    one.increment("s", 1, "p1", Map.of("r.a.5", 1L, "r.a.unable", 1L));
    one.increment("s", 1, "p1", Map.of("r.a.5", 1L));
    other.increment("s", 1, "p1", Map.of("r.a.5", -1L, "r.a.7", 1L));
    other.increment("s", 1, "p2", Map.of("k.b.sums.x", 1.5));
    other.increment("s", 2, "p1", Map.of("r.a.5", 1L));
    Future.all(one.flush(), other.flush()).await();

    Map<String, Map<String, Number>> round1 = one.read("s", 1).await();
    assertEquals(Map.of("p1", Map.of("r.a.5", 1L, "r.a.unable", 1L, "r.a.7", 1L), "p2", Map.of("k.b.sums.x", 1.5)),
        round1);
    assertEquals(round1, other.read("s", 1).await(), "every instance reads the same sum");
    assertEquals(Map.of("p1", Map.of("r.a.5", 1L)), one.read("s", 2).await(), "another round's counters apart");

    one.replace("s", 1, List.of("p1", "p2", "p3"), Map.of("p1", Map.of("r.a.5", 2L))).await();
    assertEquals(Map.of("p1", Map.of("r.a.5", 2L), "p2", Map.of(), "p3", Map.of()), other.read("s", 1).await());
    assertEquals(3, documents("s", 1), "one document per panel, the shares' removed");
    assertEquals(1, documents("s", 2), "another round's shares untouched");
  }

  @Test
  @DisplayName("closes of one round meeting each other all succeed and leave one document per panel")
  void closesMeet() {
    TallyRepository one = new TallyRepository(mongo);
    TallyRepository other = new TallyRepository(mongo);
    Map<String, Map<String, Number>> recount = Map.of("p1", Map.of("r.a.5", 2L), "p2", Map.of("r.a.1", 1L));
    for (int round = 1; round <= 20; round++) {
      one.increment("s", round, "p1", Map.of("r.a.5", 1L));
      one.flush().await();
      Future.all(one.replace("s", round, List.of("p1", "p2"), recount),
          other.replace("s", round, List.of("p1", "p2"), recount)).await();
      assertEquals(recount, one.read("s", round).await());
      assertEquals(2, documents("s", round));
    }
  }

  @Test
  @DisplayName("a share written after its round's close does not count: the close's tallies do")
  void lateShareIgnored() {
    TallyRepository one = new TallyRepository(mongo);
    TallyRepository other = new TallyRepository(mongo);
    other.increment("s", 1, "p1", Map.of("submitted", 3L));
    other.flush().await();
    one.replace("s", 1, List.of("p1"), Map.of("p1", Map.of("submitted", 5L))).await();
    // A save the close gave up waiting for lands afterwards, through the instance that held a share.
    other.increment("s", 1, "p1", Map.of("submitted", 1L));
    other.flush().await();
    assertEquals(2, documents("s", 1));
    assertEquals(Map.of("p1", Map.of("submitted", 5L)), one.read("s", 1).await());
  }

  @Test
  @DisplayName("tallies an earlier Kenes wrote, a field per counter, still count")
  void earlierDocumentsCount() {
    mongo.insert(TallyRepository.COLLECTION, new JsonObject().put("_id", "s:1:p1").put("study", "s").put("round", 1)
        .put("panel", "p1").put("c|r|a|5", 2L).put("c|r|b|unable", 1L)).await();
    TallyRepository tallies = new TallyRepository(mongo);
    tallies.increment("s", 1, "p1", Map.of("r.a.5", 1L));
    tallies.flush().await();
    assertEquals(Map.of("p1", Map.of("r.a.5", 3L, "r.b.unable", 1L)), tallies.read("s", 1).await());
  }

  @Test
  @DisplayName("a share no save added to for a while is let go; later saves begin a new one and nothing is lost")
  void idleSharesLetGo() {
    AtomicLong now = new AtomicLong(1_000_000);
    TallyRepository tallies = new TallyRepository(mongo, now::get);
    tallies.increment("s", 1, "p1", Map.of("r.a.5", 1L));
    tallies.flush().await();
    tallies.increment("s", 1, "p1", Map.of("r.a.5", 1L));
    tallies.flush().await();
    assertEquals(1, documents("s", 1), "one share while saves keep coming");

    now.addAndGet(TallyRepository.IDLE_MS + 60_000);
    // The next write lets the idle share go; the one after begins a new share for the panel.
    tallies.increment("s", 1, "p2", Map.of("r.a.5", 1L));
    tallies.flush().await();
    tallies.increment("s", 1, "p1", Map.of("r.a.5", 1L, "r.a.6", 1L));
    tallies.flush().await();
    assertEquals(3, documents("s", 1));
    assertEquals(Map.of("p1", Map.of("r.a.5", 3L, "r.a.6", 1L), "p2", Map.of("r.a.5", 1L)),
        tallies.read("s", 1).await());
  }

  private long documents(String study, int round) {
    return mongo.count(TallyRepository.COLLECTION, new JsonObject().put("study", study).put("round", round)).await();
  }
}
