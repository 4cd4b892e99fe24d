package org.kenes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a study's documents through one cursor: all of them, only them, in order, a page at a time. */
class PagesTest {

  private static final java.util.Comparator<JsonObject> BY_ID = java.util.Comparator.comparing(d -> d.getString("_id"));

  @TempDir
  Path dir;

  private TestStore store;
  private Vertx vertx;
  private MongoClient mongo;

  @BeforeEach
  void start() {
    store = TestStore.open(dir);
    vertx = store.vertx();
    mongo = store.client();
    // Two studies' documents interleaved, more than two pages of one of them.
    List<BulkOperation> ops = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      String study = i % 2 == 0 ? "alpha" : "alpha-2";
      ops.add(BulkOperation.createInsert(new JsonObject().put("_id", study + ":1:" + String.format("p%05d", 2_500 - i))
          .put("n", i)));
    }
    mongo.bulkWrite("docs", ops).await();
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  @DisplayName("every document under the prefix, none of another, in _id order")
  void byPrefix() {
    List<JsonObject> alpha = Pages.byKeyPrefix(vertx, mongo, "docs", "alpha:", d -> d, BY_ID).await();
    assertEquals(1_250, alpha.size());
    assertTrue(alpha.stream().allMatch(d -> d.getString("_id").startsWith("alpha:1:")));
    List<String> ids = alpha.stream().map(d -> d.getString("_id")).toList();
    assertEquals(ids.stream().sorted().toList(), ids);
    assertEquals(List.of(), Pages.byKeyPrefix(vertx, mongo, "docs", "beta:", d -> d, BY_ID).await());
  }

  @Test
  @DisplayName("a scan hands on every document in full pages, one after the other, each after the one before is done")
  void pagesInTurn() {
    List<Integer> sizes = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    Map<String, Boolean> busy = new HashMap<>();
    Pages.scan(vertx, mongo, "docs", "alpha", page -> {
      assertTrue(busy.isEmpty(), "one page at a time");
      busy.put("page", true);
      sizes.add(page.size());
      page.forEach(d -> seen.add(d.getString("_id")));
      // Slow work on a page: the next one waits for it.
      return vertx.timer(20).map(t -> {
        busy.clear();
        return null;
      });
    }).await();
    assertEquals(List.of(1_000, 1_000, 500), sizes);
    assertEquals(2_500, seen.size());
  }

  @Test
  @DisplayName("a page whose work fails fails the scan")
  void failingPage() {
    Future<Void> scan = Pages.scan(vertx, mongo, "docs", "alpha", page -> Future.failedFuture("no room"));
    assertTrue(scan.transform(r -> Future.succeededFuture(r.failed())).await());
  }
}
