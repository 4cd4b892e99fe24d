package org.kenes.study;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kenes.common.Conflict;
import org.kenes.common.Problem;
import org.kenes.store.Durability;
import org.kenes.store.Store;

/**
 * The {@code studies} collection: one document per study, keyed by its id, holding the canonical definition and how
 * many rounds have been opened. These two are the study's version: every write of either is conditioned on the version
 * the writer read ({@link Conflict} otherwise), so that a definition changed while a round opens cannot leave the
 * round asking items of another definition (the store has no transactions; this is one conditional update).
 */
public final class StudyRepository {

  static final String COLLECTION = "studies";
  private static final String ROUNDS_OPENED = "roundsOpened";

  private final MongoClient mongo;
  private final Durability durability;
  /**
   * Each study's definition parsed (read as a draft: until round 1 a study may still lack texts, panels or items), with
   * the hash of its content: a stored study is read on every request, parsed once per version. One per study, so that
   * edits do not pile up versions.
   */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private record Parsed(String hash, StudyReader.Reading reading) {}

  public StudyRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /**
   * @param fileHash the hash of the definition as last loaded from a study file (null for a study created through the
   *                 API): while the file still has that content, loading it changes nothing
   * @param edited   changed through the API or the console since it was stored
   * @param roundsOpened the rounds opened so far (a round counts from the moment it is being opened), or null for a
   *                 study stored before Kenes counted them, until its next round opens
   * @param missing  what the draft still lacks before its first round can open (texts by path and language)
   * @param copiedFrom the study it was copied from, or null
   */
  public record Stored(Study study, String hash, String createdAt, String updatedAt, String fileHash, boolean edited,
      Integer roundsOpened, List<Problem> missing, CopiedFrom copiedFrom) {}

  public Future<Optional<Stored>> find(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(this::stored));
  }

  public Future<List<Stored>> list() {
    return mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(this::stored).toList());
  }

  /** Stores a new study; {@link Conflict} when the id is taken. */
  public Future<Void> insert(Study study, boolean fromFile) {
    return insert(study, fromFile, null);
  }

  /** Stores a new study, a copy of another when {@code from} is given; {@link Conflict} when the id is taken. */
  public Future<Void> insert(Study study, boolean fromFile, CopiedFrom from) {
    String now = Instant.now().toString();
    JsonObject doc = document(study).put("createdAt", now).put("updatedAt", now)
        .put("fileHash", fromFile ? StudyFormat.hash(study) : null).put("edited", false).put(ROUNDS_OPENED, 0);
    if (from != null) {
      doc.put("copiedFrom", new JsonObject().put("study", from.study()).put("afterRound", from.afterRound())
          .put("at", from.at()));
    }
    return mongo.insert(COLLECTION, doc)
        .recover(e -> Future.failedFuture(Store.isDuplicateKey(e) ? new Conflict("a study with id '" + study.id() + "' exists") : e))
        .compose(id -> durability.sync());
  }

  /**
   * Replaces a study's definition, keeping when it was created, provided the stored study is still at the version of
   * {@code expected}: the same definition, and no round opened since ({@link Conflict} otherwise: someone else changed
   * it meanwhile, and nothing is lost silently).
   *
   * @param fromFile a study file's content (remembered as the file's) rather than an edit through the API
   */
  public Future<Void> replace(Study study, Stored expected, boolean fromFile) {
    JsonObject set = document(study).put("updatedAt", Instant.now().toString());
    if (fromFile) {
      set.put("fileHash", StudyFormat.hash(study)).put("edited", false);
    } else {
      set.put("edited", true);
    }
    return mongo.updateCollection(COLLECTION, version(expected), new JsonObject().put("$set", set))
        .compose(r -> r.getDocMatched() == 1 ? durability.sync()
            : Future.failedFuture(new Conflict("study '" + study.id() + "' was changed meanwhile (its definition, or a "
                + "round was opened); reload and try again")));
  }

  /**
   * Records that round {@code number} is being opened, provided the study is still at the version of {@code expected}
   * ({@link Conflict} otherwise: its definition changed meanwhile). The round is opened after this: a definition
   * change that read the study before cannot be stored any more, and one stored before makes this fail. Claiming a
   * round claimed already (an opening that did not finish) is allowed: the round's own deterministic id keeps it from
   * being opened twice.
   */
  public Future<Void> claimRound(Stored expected, int number) {
    String id = expected.study().id();
    return mongo.updateCollection(COLLECTION, version(expected),
            new JsonObject().put("$set", new JsonObject().put(ROUNDS_OPENED, number)))
        .compose(r -> r.getDocMatched() == 1 ? durability.sync()
            : Future.failedFuture(new Conflict("study '" + id + "' changed while round " + number + " was being opened "
                + "(its definition was edited, or another request opened the round), so this request opened nothing; "
                + "look at the study again")));
  }

  /** The study as it was read: its definition, and the rounds it had opened (or none counted, for an older study). */
  private static JsonObject version(Stored read) {
    return new JsonObject().put("_id", read.study().id()).put("hash", read.hash()).put(ROUNDS_OPENED,
        read.roundsOpened() == null ? new JsonObject().put("$exists", false) : read.roundsOpened());
  }

  /** Studies whose next round is due to open by itself ({@code rounds.opensAt} at or before {@code nowMs}). */
  public Future<List<Stored>> due(long nowMs) {
    return mongo.find(COLLECTION, new JsonObject().put("opensAtMs", new JsonObject().put("$lte", nowMs)))
        .map(docs -> docs.stream().map(this::stored).toList());
  }

  /** The definition, its hash, and when its next round opens by itself as a number the store can compare. */
  private JsonObject document(Study study) {
    Instant opensAt = study.rounds().opensAt();
    return new JsonObject().put("_id", study.id()).put("hash", StudyFormat.hash(study))
        .put("definition", StudyFormat.toJson(study).encode())
        .put("opensAtMs", opensAt == null ? null : opensAt.toEpochMilli());
  }

  /** A stored definition, read as a draft: until round 1 a study may still lack texts, panels or items. */
  private Stored stored(JsonObject doc) {
    String hash = doc.getString("hash");
    Parsed kept = parsed.get(doc.getString("_id"));
    if (kept == null || !kept.hash().equals(hash)) {
      kept = new Parsed(hash, StudyFormat.draft(doc.getString("definition")));
      parsed.put(doc.getString("_id"), kept);
    }
    StudyReader.Reading reading = kept.reading();
    if (reading.study() == null) {
      throw new IllegalStateException("study '" + doc.getString("_id") + "' is stored with problems "
          + reading.problems());
    }
    JsonObject from = doc.getJsonObject("copiedFrom");
    return new Stored(reading.study(), hash, doc.getString("createdAt"), doc.getString("updatedAt"),
        doc.getString("fileHash"), doc.getBoolean("edited", false), doc.getInteger(ROUNDS_OPENED), reading.missing(),
        from == null ? null : new CopiedFrom(from.getString("study"), from.getInteger("afterRound", 0),
            from.getString("at")));
  }
}
