package org.kenes.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's documents as BSON: read back as written, and stores written before still read. */
class DocumentTypeTest {

  @TempDir
  Path dir;

  /** A document with every kind of value the store keeps, nested. */
  private static Document document(int i) {
    Document answers = new Document();
    for (int item = 1; item <= 40; item++) {
      answers.put("item-" + item, new Document("value", (i + item) % 9 + 1).append("comment", item % 7 == 0 ? "ж é 😀" : null));
    }
    return new Document("_id", "study:1:participant-" + i).append("round", 1).append("count", 3_000_000_000L + i)
        .append("share", i / 7.0).append("submitted", i % 2 == 0).append("missing", null)
        .append("when", Instant.ofEpochMilli(1_700_000_000_000L + i)).append("oid", new ObjectId())
        .append("items", new ArrayList<>(Arrays.asList("a", 2, 3.5, new Document("x", List.of(1, 2)))))
        .append("answers", answers);
  }

  @Test
  @DisplayName("documents read back from the file equal what was written, next to those H2's own type wrote")
  void readsBothFormats() {
    String file = dir.resolve("docs.mv.db").toString();
    List<Document> written = new ArrayList<>();
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> stock = store.openMap("docs");
      for (int i = 0; i < 500; i++) {
        written.add(document(i));
        stock.put(i, written.get(i));
      }
    }
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> bson = store.openMap("docs", new MVMap.Builder<>().valueType(new DocumentType()));
      for (int i = 0; i < 500; i++) {
        assertEquals(written.get(i), bson.get(i), "written by H2's type: " + i);
      }
      // Every other document rewritten as BSON, so that pages hold both formats; then more documents added.
      for (int i = 0; i < 500; i += 2) {
        written.set(i, document(i).append("rewritten", true));
        bson.put(i, written.get(i));
      }
      for (int i = 500; i < 1_000; i++) {
        written.add(document(i));
        bson.put(i, written.get(i));
      }
    }
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      MVMap<Object, Object> bson = store.openMap("docs", new MVMap.Builder<>().valueType(new DocumentType()));
      assertEquals(written.size(), bson.size());
      for (int i = 0; i < written.size(); i++) {
        assertEquals(written.get(i), bson.get(i), "document " + i);
      }
    }
  }

  @Test
  @DisplayName("a document with a value BSON cannot carry is kept as H2's own type keeps it")
  void notBson() {
    String file = dir.resolve("odd.mv.db").toString();
    Document odd = document(1).append("float", 1.5f).append("date", new java.util.Date(0));
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      store.openMap("docs", new MVMap.Builder<>().valueType(new DocumentType())).put(1, odd);
    }
    try (MVStore store = new MVStore.Builder().fileName(file).open()) {
      assertEquals(odd, store.openMap("docs", new MVMap.Builder<>().valueType(new DocumentType())).get(1));
    }
  }

  @Test
  @DisplayName("a collection written, closed and opened again reads the same through the driver")
  void throughTheStore() {
    List<JsonObject> written = new ArrayList<>();
    try (TestStore store = TestStore.open(dir)) {
      for (int i = 0; i < 300; i++) {
        JsonObject doc = new JsonObject().put("_id", "s:1:p" + i).put("n", i).put("big", 5_000_000_000L + i)
            .put("x", i / 3.0).put("ok", i % 3 == 0).put("text", "ответ " + i).putNull("none")
            .put("answers", new JsonObject().put("a", new JsonObject().put("value", i % 9 + 1)))
            .put("list", new JsonArray().add(1).add("two").add(new JsonObject().put("three", 3)));
        written.add(doc);
        store.client().insert("docs", doc).await();
      }
      store.client().updateCollection("docs", new JsonObject().put("_id", "s:1:p7"),
          new JsonObject().put("$set", new JsonObject().put("answers.b", new JsonObject().put("value", 2)))).await();
      written.get(7).getJsonObject("answers").put("b", new JsonObject().put("value", 2));
      store.store().durability().sync().await();
    }
    try (TestStore again = TestStore.open(dir)) {
      List<JsonObject> read = again.client().find("docs", new JsonObject()).await();
      read.sort(java.util.Comparator.comparing(d -> d.getInteger("n")));
      assertEquals(written, read);
    }
  }
}
