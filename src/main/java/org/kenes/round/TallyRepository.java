package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.store.Durability;

/**
 * The {@code tallies} collection: a round's {@link RoundCounters} per panel, one document each, keyed
 * {@code study:round:panel}. Saves add to them atomically with {@code $inc}, so several instances on one store keep
 * one set of tallies; closing a round rewrites them from the answers.
 */
public final class TallyRepository {

  static final String COLLECTION = "tallies";

  private final MongoClient mongo;
  private final Durability durability;

  public TallyRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Adds increments to a panel's counters; part of a save, whose caller waits for durability once for both writes. */
  public Future<Void> increment(String study, int round, String panel, Map<String, Number> increments) {
    if (increments.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject inc = new JsonObject();
    increments.forEach((field, amount) -> inc.put("c." + field, amount));
    JsonObject update = new JsonObject().put("$inc", inc)
        .put("$set", new JsonObject().put("study", study).put("round", round).put("panel", panel));
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", key(study, round, panel)), update,
        new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** A round's counters by panel. */
  public Future<Map<String, Map<String, Number>>> read(String study, int round) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study).put("round", round)).map(docs -> {
      Map<String, Map<String, Number>> byPanel = new LinkedHashMap<>();
      for (JsonObject doc : docs) {
        Map<String, Number> counters = new LinkedHashMap<>();
        flatten("", doc.getJsonObject("c", new JsonObject()), counters);
        byPanel.put(doc.getString("panel"), counters);
      }
      return byPanel;
    });
  }

  /** Replaces a round's counters with ones computed from its answers. */
  public Future<Void> replace(String study, int round, List<String> panels, Map<String, Map<String, Number>> byPanel) {
    List<BulkOperation> ops = new ArrayList<>();
    for (String panel : panels) {
      JsonObject c = new JsonObject();
      byPanel.getOrDefault(panel, Map.of()).forEach((field, amount) -> nest(c, field, amount));
      JsonObject doc = new JsonObject().put("_id", key(study, round, panel)).put("study", study).put("round", round)
          .put("panel", panel).put("c", c);
      ops.add(BulkOperation.createReplace(new JsonObject().put("_id", doc.getString("_id")), doc, true));
    }
    return mongo.bulkWrite(COLLECTION, ops).compose(r -> durability.sync());
  }

  private static String key(String study, int round, String panel) {
    return study + ":" + round + ":" + panel;
  }

  private static void flatten(String prefix, JsonObject json, Map<String, Number> into) {
    for (String field : json.fieldNames()) {
      Object value = json.getValue(field);
      if (value instanceof JsonObject nested) {
        flatten(prefix + field + ".", nested, into);
      } else if (value instanceof Number n) {
        into.put(prefix + field, n);
      }
    }
  }

  private static void nest(JsonObject root, String field, Number amount) {
    String[] parts = field.split("\\.");
    JsonObject at = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (!at.containsKey(parts[i])) {
        at.put(parts[i], new JsonObject());
      }
      at = at.getJsonObject(parts[i]);
    }
    at.put(parts[parts.length - 1], amount);
  }
}
