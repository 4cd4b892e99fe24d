package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The {@code tallies} collection: a round's {@link RoundCounters} per panel, kept in the store so that every instance
 * on it sees the same live results. A round's tallies are the sum of its documents. Each instance adds the saves it
 * takes to shares of its own, one per round and panel, held in memory and written whole into a document only that
 * share writes ({@code study:round:panel:share}): a write is one replace of a document no one else touches, where an
 * {@code $inc} of a few hundred counters costs the embedded store a comparison of every field with every other.
 * Closing a round rewrites its tallies from the answers, one final document per panel ({@code study:round:panel}).
 */
public final class TallyRepository {

  static final String COLLECTION = "tallies";
  /** The field holding a document's counters, as JSON text: one string to store, not hundreds of fields. */
  private static final String COUNTERS = "counters";
  private static final String LEGACY = "c|";
  /**
   * How long a share that no save added to stays in memory: a day. Its document stays in the store; a later save
   * begins a new share, and so a new document for live results to add up, until the round's close folds them.
   */
  static final long IDLE_MS = 24 * 60 * 60_000L;
  /** How often an instance writes its shares: live results through another instance lag by about this much. */
  public static final long FLUSH_MS = 250;
  /** Marks the documents a close wrote: once a round has them, they are its tallies and its shares are ignored. */
  private static final String FINAL = "final";

  private final MongoClient mongo;
  private final LongSupplier clock;
  /** The beginning of the ids of this instance's shares, unique to it. */
  private final String instance = UUID.randomUUID().toString();
  private final Map<String, Share> shares = new HashMap<>();
  private final Set<Share> changed = new LinkedHashSet<>();
  private long begun;
  private long lastEviction;
  private Future<Void> writing = Future.succeededFuture();
  private long timer = -1;

  public TallyRepository(MongoClient mongo) {
    this(mongo, System::currentTimeMillis);
  }

  TallyRepository(MongoClient mongo, LongSupplier clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Adds increments to a panel's counters, in this instance's share in memory: part of a save, which does not wait for
   * the share to be written. Shares are written every {@link #FLUSH_MS}, before this instance reads tallies, and as it
   * stops; live results through another instance lag by that much, and what a crash loses of them waits for the
   * round's close, whose recount of the answers is the truth.
   */
  public synchronized void increment(String study, int round, String panel, Map<String, Number> increments) {
    if (increments.isEmpty()) {
      return;
    }
    Share share = shares.computeIfAbsent(key(study, round, panel),
        k -> new Share(study, round, panel, instance + "-" + ++begun));
    RoundCounters.addInto(share.counters, increments);
    share.touched = clock.getAsLong();
    changed.add(share);
  }

  /** Writes the shares every {@link #FLUSH_MS} from now on. */
  public void start(Vertx vertx) {
    timer = vertx.setPeriodic(FLUSH_MS, t -> flush());
  }

  /** Stops writing the shares on a timer, and writes them a last time. */
  public Future<Void> stop(Vertx vertx) {
    vertx.cancelTimer(timer);
    return flush();
  }

  /** Writes the shares changed since the last write, after any write under way; answers once they are written. */
  public synchronized Future<Void> flush() {
    writing = writing.transform(done -> writeChanged());
    return writing;
  }

  /**
   * One write of the shares changed since the last. A share whose write failed is let go, with what saves added to it
   * meanwhile, so that nothing of it is written again: its document keeps what it last held, the saves since count at
   * the round's close, and later saves begin a new share.
   */
  private Future<Void> writeChanged() {
    List<Share> batch;
    List<BulkOperation> ops = new ArrayList<>();
    synchronized (this) {
      evictIdle();
      batch = new ArrayList<>(changed);
      batch.forEach(share -> ops.add(share.replace()));
      changed.clear();
    }
    if (ops.isEmpty()) {
      return Future.succeededFuture();
    }
    return mongo.bulkWrite(COLLECTION, ops).<Void>mapEmpty().onFailure(e -> {
      synchronized (this) {
        batch.forEach(share -> {
          shares.remove(share.key(), share);
          changed.remove(share);
        });
      }
    });
  }

  /** Lets go of the shares no save added to for {@link #IDLE_MS}, looking at most once a minute. */
  private void evictIdle() {
    long now = clock.getAsLong();
    if (now - lastEviction < 60_000) {
      return;
    }
    lastEviction = now;
    shares.values().removeIf(share -> !changed.contains(share) && now - share.touched > IDLE_MS);
  }

  /** This instance's counters of one round and panel, and the document they are written to. */
  private static final class Share {
    final String study;
    final int round;
    final String panel;
    final String id;
    final Map<String, Number> counters = new LinkedHashMap<>();
    long touched;

    Share(String study, int round, String panel, String id) {
      this.study = study;
      this.round = round;
      this.panel = panel;
      this.id = id;
    }

    String key() {
      return TallyRepository.key(study, round, panel);
    }

    /** The share as it stands, as a replace of its document; counters at zero left out. */
    BulkOperation replace() {
      JsonObject doc = document(key() + ":" + id, study, round, panel, counters);
      return BulkOperation.createReplace(new JsonObject().put("_id", doc.getString("_id")), doc, true);
    }
  }

  /**
   * A round's counters by panel: the sum of its documents, read in the order of their ids, so that the same tallies
   * read the same (the live stream compares them to notice saves through other instances).
   */
  public Future<Map<String, Map<String, Number>>> read(String study, int round) {
    return flush().transform(written -> mongo.findWithOptions(COLLECTION, new JsonObject().put("study", study).put("round", round),
        new FindOptions().setSort(new JsonObject().put("_id", 1))).map(docs -> {
      Map<String, Map<String, Number>> byPanel = new LinkedHashMap<>();
      // A share written after its round's close (a save the close gave up waiting for) must not count twice.
      boolean closed = docs.stream().anyMatch(doc -> doc.getBoolean(FINAL, false));
      for (JsonObject doc : docs) {
        if (closed && !doc.getBoolean(FINAL, false)) {
          continue;
        }
        Map<String, Number> counters = decode(doc.getString(COUNTERS));
        // Tallies an earlier Kenes wrote: each counter a field of its own, c|r|ITEM|POINT for r.ITEM.POINT.
        doc.forEach(field -> {
          if (field.getKey().startsWith(LEGACY) && field.getValue() instanceof Number n) {
            counters.put(field.getKey().substring(LEGACY.length()).replace('|', '.'), amount(n));
          }
        });
        RoundCounters.addInto(byPanel.computeIfAbsent(doc.getString("panel"), p -> new LinkedHashMap<>()), counters);
      }
      return byPanel;
    }));
  }

  /**
   * Replaces a round's counters with ones computed from its answers, one document per panel marked final, the other
   * documents removed; part of a close, which waits for durability once its results are stored. Safe when two
   * closes of a round meet: each writes the same documents. A share written after (by another instance's timer) is
   * ignored: the final documents are what counts.
   */
  public Future<Void> replace(String study, int round, List<String> panels, Map<String, Map<String, Number>> byPanel) {
    synchronized (this) {
      shares.values().removeIf(share -> share.study.equals(study) && share.round == round);
      changed.removeIf(share -> share.study.equals(study) && share.round == round);
    }
    List<String> ids = panels.stream().map(panel -> key(study, round, panel)).toList();
    List<BulkOperation> ops = new ArrayList<>();
    ops.add(BulkOperation.createDelete(new JsonObject().put("study", study).put("round", round)
        .put("_id", new JsonObject().put("$nin", new JsonArray(ids)))).setMulti(true));
    for (String panel : panels) {
      JsonObject doc = document(key(study, round, panel), study, round, panel, byPanel.getOrDefault(panel, Map.of()))
          .put(FINAL, true);
      ops.add(BulkOperation.createReplace(new JsonObject().put("_id", doc.getString("_id")), doc, true));
    }
    return mongo.bulkWrite(COLLECTION, ops).mapEmpty();
  }

  /** A document of counters: their names and amounts as one JSON text, counters at zero left out. */
  private static JsonObject document(String id, String study, int round, String panel, Map<String, Number> counters) {
    return new JsonObject().put("_id", id).put("study", study).put("round", round).put("panel", panel)
        .put(COUNTERS, encode(counters));
  }

  /** Counters as one JSON text, those at zero left out: how the store keeps them ({@link LiveSteps} too). */
  static String encode(Map<String, Number> counters) {
    JsonObject amounts = new JsonObject();
    counters.forEach((field, amount) -> {
      if (amount.doubleValue() != 0) {
        amounts.put(field, amount);
      }
    });
    return amounts.encode();
  }

  /** The counters of a JSON text {@link #encode} wrote; none for null. */
  static Map<String, Number> decode(String text) {
    Map<String, Number> counters = new LinkedHashMap<>();
    if (text != null) {
      new JsonObject(text).forEach(field -> counters.put(field.getKey(), amount((Number) field.getValue())));
    }
    return counters;
  }

  /** Counts as longs, sums of ranks as doubles, however the text or the store typed them. */
  private static Number amount(Number n) {
    return n instanceof Double || n instanceof Float ? (Number) n.doubleValue() : (Number) n.longValue();
  }

  private static String key(String study, int round, String panel) {
    return study + ":" + round + ":" + panel;
  }
}
