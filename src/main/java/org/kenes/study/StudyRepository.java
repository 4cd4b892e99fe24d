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
import org.kenes.store.Durability;
import org.kenes.store.Store;

/** The {@code studies} collection: one document per study, keyed by its id, holding the canonical definition. */
public final class StudyRepository {

  static final String COLLECTION = "studies";

  private final MongoClient mongo;
  private final Durability durability;
  /** Parsed definitions by content hash: a stored study is read on every request, parsed once. */
  private final Map<String, Study> parsed = new ConcurrentHashMap<>();

  public StudyRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  public record Stored(Study study, String hash, String createdAt, String updatedAt) {}

  public Future<Optional<Stored>> find(String id) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", id), null)
        .map(doc -> Optional.ofNullable(doc).map(this::stored));
  }

  public Future<List<Stored>> list() {
    return mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(this::stored).toList());
  }

  /** Stores a new study; {@link Conflict} when the id is taken. */
  public Future<Void> insert(Study study) {
    String now = Instant.now().toString();
    JsonObject doc = document(study).put("createdAt", now).put("updatedAt", now);
    return mongo.insert(COLLECTION, doc)
        .recover(e -> Future.failedFuture(Store.isDuplicateKey(e) ? new Conflict("a study with id '" + study.id() + "' exists") : e))
        .compose(id -> durability.sync());
  }

  /** Replaces a study's definition, keeping when it was created. */
  public Future<Void> replace(Study study) {
    JsonObject update = new JsonObject().put("$set", document(study).put("updatedAt", Instant.now().toString()));
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", study.id()), update)
        .compose(r -> durability.sync());
  }

  private JsonObject document(Study study) {
    return new JsonObject().put("_id", study.id()).put("hash", StudyFormat.hash(study))
        .put("definition", StudyFormat.toJson(study).encode());
  }

  private Stored stored(JsonObject doc) {
    String hash = doc.getString("hash");
    Study study = parsed.computeIfAbsent(hash, h -> StudyFormat.read(doc.getString("definition")));
    return new Stored(study, hash, doc.getString("createdAt"), doc.getString("updatedAt"));
  }
}
