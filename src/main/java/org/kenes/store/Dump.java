package org.kenes.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A portable dump of every collection as JSON lines: a header line, then one {@code {"c": collection, "d": document}}
 * per document. Kenes keeps only plain JSON values in its documents, so a dump restores into any MongoDB. Sessions are
 * left out: a backup is no way to sign in.
 */
public final class Dump {

  public static final String FORMAT = "kenes-dump";
  /** Signed-in browsers and API clients: never written to a dump, never restored from one. */
  public static final String SESSIONS = "sessions";
  /** The instances of Kenes on the store, as they say they are there: never dumped, never restored. */
  public static final String INSTANCES = "instances";
  private static final int BATCH = 500;

  /** A document of a dump and the line it was read from. */
  public record Line(long number, JsonObject document) {}

  private Dump() {}

  /** The lines of a dump of every collection but the sessions: the header, then one line per document. */
  public static Future<List<String>> lines(MongoClient mongo) {
    return lines(mongo, collection -> true);
  }

  /** The lines of a dump of the collections {@code include} accepts. */
  public static Future<List<String>> lines(MongoClient mongo, Predicate<String> include) {
    return mongo.getCollections().compose(names -> {
      List<String> sorted = names.stream().filter(n -> !n.equals(SESSIONS) && !n.equals(INSTANCES)).filter(include).sorted().toList();
      List<String> lines = new ArrayList<>();
      lines.add(new JsonObject().put("format", FORMAT).put("version", 1).put("at", Instant.now().toString())
          .put("collections", sorted).encode());
      Future<Void> chain = Future.succeededFuture();
      for (String name : sorted) {
        chain = chain.compose(v -> mongo.find(name, new JsonObject()).map(docs -> {
          docs.forEach(d -> lines.add(new JsonObject().put("c", name).put("d", d).encode()));
          return null;
        }));
      }
      return chain.map(lines);
    });
  }

  /**
   * The documents of a dump by collection, with their lines, read line by line; {@link IllegalArgumentException}
   * names a line that is not a document of a collection of the header. What the documents hold is not checked here.
   */
  public static Map<String, List<Line>> read(BufferedReader in) throws IOException {
    String header = in.readLine();
    JsonObject head;
    try {
      head = header == null ? null : new JsonObject(header);
    } catch (RuntimeException e) {
      head = null;
    }
    if (head == null || !FORMAT.equals(head.getString("format"))) {
      throw new IllegalArgumentException("line 1: not a Kenes dump (no \"format\": \"" + FORMAT + "\" header)");
    }
    Map<String, List<Line>> byCollection = new LinkedHashMap<>();
    head.getJsonArray("collections").forEach(c -> byCollection.put(String.valueOf(c), new ArrayList<>()));
    String line;
    long number = 1;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonObject entry = new JsonObject(line);
        String collection = entry.getString("c");
        JsonObject doc = entry.getJsonObject("d");
        if (collection == null || doc == null || !byCollection.containsKey(collection)) {
          throw new IllegalArgumentException("needs \"c\", a collection of the header, and \"d\", a document");
        }
        byCollection.get(collection).add(new Line(number, doc));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
      }
    }
    return byCollection;
  }

  /** Collections that already hold documents, which a restore would overwrite. */
  public static Future<List<String>> nonEmpty(MongoClient mongo) {
    return mongo.getCollections().compose(names -> Future.all(names.stream()
            .map(n -> mongo.count(n, new JsonObject()).map(c -> c > 0 ? n : null)).toList())
        .map(all -> all.<String>list().stream().filter(n -> n != null).sorted().toList()));
  }

  /** Replaces the store's collections with the dump's, then waits until it is durable. */
  public static Future<Long> restore(MongoClient mongo, Durability durability, Map<String, List<JsonObject>> dump) {
    return mongo.getCollections()
        .compose(existing -> Future.all(existing.stream().map(mongo::dropCollection).toList()))
        .compose(dropped -> {
          Future<Long> chain = Future.succeededFuture(0L);
          for (Map.Entry<String, List<JsonObject>> e : dump.entrySet()) {
            List<JsonObject> docs = e.getValue();
            for (int from = 0; from < docs.size(); from += BATCH) {
              List<BulkOperation> ops = docs.subList(from, Math.min(docs.size(), from + BATCH)).stream()
                  .map(BulkOperation::createInsert).toList();
              chain = chain.compose(n -> mongo.bulkWrite(e.getKey(), ops).map(r -> n + ops.size()));
            }
          }
          return chain;
        })
        .compose(n -> durability.sync().map(n));
  }
}
