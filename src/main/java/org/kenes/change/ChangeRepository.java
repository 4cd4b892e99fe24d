package org.kenes.change;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import org.kenes.store.Durability;

/** The {@code changes} collection, keyed {@code study:since:item:change}: making the same change again is an upsert. */
final class ChangeRepository {

  static final String COLLECTION = "changes";

  private final MongoClient mongo;
  private final Durability durability;

  ChangeRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Records changes; one already recorded keeps its first time, actor and note. */
  Future<Void> record(List<Change> changes) {
    // Changes made together share their time; "seq" keeps them in the order they were made.
    List<BulkOperation> ops = new java.util.ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      ops.add(BulkOperation.createUpdate(new JsonObject().put("_id", Change.key(c.study(), c.since(), c.item(), c.change())),
          new JsonObject().put("$setOnInsert", document(c).put("seq", i)), true, false));
    }
    return ops.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(COLLECTION, ops).compose(r -> durability.sync());
  }

  /** In the order they were made: by time (as instants: their texts vary in precision), then as recorded together. */
  Future<List<Change>> list(String study) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study))
        .map(docs -> docs.stream()
            .sorted(java.util.Comparator.comparing((JsonObject d) -> java.time.Instant.parse(d.getString("at")))
                .thenComparing(d -> d.getInteger("seq", 0)))
            .map(ChangeRepository::change).toList());
  }

  private static JsonObject document(Change c) {
    return new JsonObject().put("study", c.study()).put("item", c.item()).put("change", c.change())
        .put("after", c.after()).put("since", c.since()).put("from", new JsonArray(c.from())).put("note", c.note())
        .put("text", c.text() == null ? null : new JsonObject(new java.util.LinkedHashMap<>(c.text())))
        .put("actor", c.actor()).put("at", c.at());
  }

  private static Change change(JsonObject d) {
    JsonObject text = d.getJsonObject("text");
    java.util.Map<String, String> texts = null;
    if (text != null) {
      texts = new java.util.LinkedHashMap<>();
      for (String lang : text.fieldNames()) {
        texts.put(lang, text.getString(lang));
      }
    }
    return new Change(d.getString("study"), d.getString("item"), d.getString("change"), d.getInteger("after"),
        d.getInteger("since"), d.getJsonArray("from", new JsonArray()).stream().map(String::valueOf).toList(),
        d.getString("note"), texts, d.getString("actor"), d.getString("at"));
  }
}
