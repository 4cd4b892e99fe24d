package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tallies} collection: a round's {@link RoundCounters} per panel, one document each, keyed
 * {@code study:round:panel}. Saves add to them atomically with {@code $inc}, so several instances on one store keep
 * one set of tallies; closing a round rewrites them from the answers.
 */
public final class TallyRepository {

  static final String COLLECTION = "tallies";
  private static final String COUNTER = "c|";
  private static final char SEPARATOR = '|';

  private final MongoClient mongo;
  private final Map<String, Increments> pending = new LinkedHashMap<>();
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean writing;

  public TallyRepository(MongoClient mongo) {
    this.mongo = mongo;
  }

  /**
   * Adds increments to a panel's counters; part of a save, whose caller waits for durability once for both writes.
   * The increments of saves arriving while a write is under way are summed and written together, one {@code $inc} per
   * panel: under load a tally document is rewritten once per batch, not once per save.
   */
  public Future<Void> increment(String study, int round, String panel, Map<String, Number> increments) {
    if (increments.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> written = Promise.promise();
    boolean start;
    synchronized (this) {
      Increments sum = pending.computeIfAbsent(key(study, round, panel), k -> new Increments(study, round, panel));
      RoundCounters.addInto(sum.amounts, increments);
      waiting.add(written);
      start = !writing;
      writing = true;
    }
    if (start) {
      writeBatch();
    }
    return written.future();
  }

  /** Writes what is pending, answers its savers, and goes on while more arrived meanwhile. */
  private void writeBatch() {
    List<BulkOperation> ops = new ArrayList<>();
    List<Promise<Void>> savers;
    synchronized (this) {
      if (waiting.isEmpty()) {
        writing = false;
        return;
      }
      pending.values().forEach(sum -> update(sum).ifPresent(ops::add));
      savers = waiting;
      pending.clear();
      waiting = new ArrayList<>();
    }
    Future<Void> write = ops.isEmpty() ? Future.succeededFuture() : mongo.bulkWrite(COLLECTION, ops).mapEmpty();
    write.onComplete(done -> {
      savers.forEach(saver -> saver.handle(done));
      writeBatch();
    });
  }

  private static Optional<BulkOperation> update(Increments sum) {
    JsonObject inc = new JsonObject();
    sum.amounts.forEach((field, amount) -> {
      if (amount.doubleValue() != 0) {
        inc.put(stored(field), amount);
      }
    });
    if (inc.isEmpty()) {
      return Optional.empty();
    }
    JsonObject update = new JsonObject().put("$inc", inc)
        .put("$set", new JsonObject().put("study", sum.study).put("round", sum.round).put("panel", sum.panel));
    return Optional.of(BulkOperation.createUpdate(new JsonObject().put("_id", key(sum.study, sum.round, sum.panel)),
        update, true, false));
  }

  /** The increments of one tally document summed over the saves of a batch. */
  private static final class Increments {
    final String study;
    final int round;
    final String panel;
    final Map<String, Number> amounts = new LinkedHashMap<>();

    Increments(String study, int round, String panel) {
      this.study = study;
      this.round = round;
      this.panel = panel;
    }
  }

  /** A round's counters by panel. */
  public Future<Map<String, Map<String, Number>>> read(String study, int round) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study).put("round", round)).map(docs -> {
      Map<String, Map<String, Number>> byPanel = new LinkedHashMap<>();
      for (JsonObject doc : docs) {
        Map<String, Number> counters = new LinkedHashMap<>();
        doc.forEach(field -> {
          if (field.getKey().startsWith(COUNTER) && field.getValue() instanceof Number n) {
            counters.put(field.getKey().substring(COUNTER.length()).replace(SEPARATOR, '.'), n);
          }
        });
        byPanel.put(doc.getString("panel"), counters);
      }
      return byPanel;
    });
  }

  /**
   * Replaces a round's counters with ones computed from its answers; part of a close, which waits for durability once
   * its results are stored.
   */
  public Future<Void> replace(String study, int round, List<String> panels, Map<String, Map<String, Number>> byPanel) {
    List<BulkOperation> ops = new ArrayList<>();
    for (String panel : panels) {
      JsonObject doc = new JsonObject().put("_id", key(study, round, panel)).put("study", study).put("round", round)
          .put("panel", panel);
      byPanel.getOrDefault(panel, Map.of()).forEach((field, amount) -> doc.put(stored(field), amount));
      ops.add(BulkOperation.createReplace(new JsonObject().put("_id", doc.getString("_id")), doc, true));
    }
    return mongo.bulkWrite(COLLECTION, ops).mapEmpty();
  }

  /**
   * A counter's field in the store: top-level, {@code c|r|ITEM|POINT} for {@code r.ITEM.POINT}. A dotted name would
   * be a path into nested documents, which the embedded store updates at several times the cost.
   */
  private static String stored(String counter) {
    return COUNTER + counter.replace('.', SEPARATOR);
  }

  private static String key(String study, int round, String panel) {
    return study + ":" + round + ":" + panel;
  }
}
