package org.kenes.participant;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Recent;
import org.kenes.common.Sha256;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;
import org.kenes.store.Pages;

/**
 * The {@code participants} collection. A participant with an email is keyed by the study and a hash of that email,
 * so adding the same person twice is an idempotent upsert that keeps their id and link. The id is kept in the field
 * {@code pseudonym}, as it always was.
 */
public final class ParticipantRepository {

  static final String COLLECTION = "participants";
  static final String COUNTS = "participant-counts";
  static final String OPENED = "opened";
  private static final String WITHDRAWN = "withdrawnAt";
  private static final String PILOT = "pilot";
  /** The participant's attribute values, by attribute id; erased with the participant's document. */
  static final String ATTRIBUTES = "attributes";
  /** When the panelist answered the attribute questions (null: not yet, or given only with the participant list). */
  static final String ATTRIBUTES_AT = "attributesAt";

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Durability durability;
  private final Recent<String, Optional<Participant>> byToken = new Recent<>(5_000, 100_000, System::currentTimeMillis);
  private final Recent<String, Void> noted = new Recent<>(600_000, 100_000, System::currentTimeMillis);

  public ParticipantRepository(Vertx vertx, MongoClient mongo, Durability durability) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.durability = durability;
  }

  public Future<Void> createIndexes() {
    return mongo.createIndexWithOptions(COLLECTION, new JsonObject().put("token", 1), new IndexOptions().unique(true));
  }

  /** Adds or updates participants; answers them as stored, with their (possibly earlier) ids and tokens. */
  public Future<List<Participant>> upsert(String study, List<NewParticipant> people) {
    String now = Instant.now().toString();
    List<String> keys = people.stream().map(p -> key(study, p)).toList();
    List<BulkOperation> ops = new java.util.ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      NewParticipant p = people.get(i);
      JsonObject set = new JsonObject().put("name", p.name()).put("email", p.email()).put("panel", p.panel())
          .put("language", p.language());
      p.attributes().forEach((id, value) -> set.put(ATTRIBUTES + "." + id, value));
      JsonObject onInsert = new JsonObject().put("study", study).put("pseudonym", Tokens.participantId())
          .put("token", Tokens.token()).put("createdAt", now);
      if (p.pilot()) {
        onInsert.put(PILOT, true);
      }
      ops.add(BulkOperation.createUpdate(new JsonObject().put("_id", keys.get(i)),
          new JsonObject().put("$set", set).put("$setOnInsert", onInsert), true, false));
    }
    if (ops.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject byKeys = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(keys)));
    return mongo.find(COLLECTION, byKeys)
        .compose(existing -> samePilots(existing, people, keys))
        .compose(existing -> mongo.bulkWrite(COLLECTION, ops).compose(r -> recount(study, existing, people, keys)))
        .compose(v -> durability.sync())
        .compose(v -> mongo.find(COLLECTION, byKeys))
        .map(docs -> {
          java.util.Map<String, Participant> byKey = new java.util.HashMap<>();
          docs.forEach(d -> byKey.put(d.getString("_id"), participant(d)));
          return keys.stream().map(byKey::get).toList();
        });
  }

  /**
   * Someone already added stays a pilot or a real participant: their answers are kept where that said, and a real
   * participant's counted ones cannot become a pilot's. {@link Invalid} naming the row otherwise, before anything is
   * written.
   */
  private static Future<List<JsonObject>> samePilots(List<JsonObject> existing, List<NewParticipant> people,
      List<String> keys) {
    Map<String, Boolean> pilots = new HashMap<>();
    existing.forEach(d -> pilots.put(d.getString("_id"), d.getBoolean(PILOT, false)));
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Boolean was = pilots.get(keys.get(i));
      if (was != null && was != people.get(i).pilot()) {
        problems.add(new Problem("[" + i + "].pilot", was ? "already added as a pilot participant, which stays"
            : "already added as a participant who is not a pilot, which stays"));
      }
    }
    return problems.isEmpty() ? Future.succeededFuture(existing)
        : Future.failedFuture(new Invalid("a participant's pilot mark cannot change; nobody was added", problems));
  }

  /**
   * Notes that a participant opened their questionnaire in a round (the first time counts; later visits change
   * nothing). Kept in {@code opened}, keyed {@code study:round:participant}; a lost note is harmless, so it is not
   * made durable before answering.
   */
  public Future<Void> markOpened(String study, int round, String participant) {
    // Every visit asks; the note is written once per instance, not on every page view.
    return noted.get(study + ":" + round + ":" + participant, key -> {
      JsonObject doc = new JsonObject().put("study", study).put("round", round).put("participant", participant)
          .put("at", Instant.now().toString());
      return mongo.updateCollectionWithOptions(OPENED, new JsonObject().put("_id", key),
          new JsonObject().put("$setOnInsert", doc), new io.vertx.ext.mongo.UpdateOptions().setUpsert(true)).mapEmpty();
    });
  }

  /** Which rounds each participant opened, by participant id. */
  public Future<java.util.Map<String, java.util.Set<Integer>>> opened(String study) {
    return mongo.find(OPENED, new JsonObject().put("study", study)).map(docs -> {
      java.util.Map<String, java.util.Set<Integer>> opened = new java.util.HashMap<>();
      docs.forEach(d -> opened.computeIfAbsent(d.getString("participant"), k -> new java.util.TreeSet<>())
          .add(d.getInteger("round")));
      return opened;
    });
  }

  /** Participants invited, by panel, from the counts kept as people are added: no pass over the participants. */
  public Future<java.util.Map<String, Long>> countByPanel(String study) {
    return mongo.findOne(COUNTS, new JsonObject().put("_id", study), null).map(doc -> {
      java.util.Map<String, Long> counts = new java.util.TreeMap<>();
      JsonObject panels = doc == null ? new JsonObject() : doc.getJsonObject("panels", new JsonObject());
      panels.forEach(e -> counts.put(e.getKey(), ((Number) e.getValue()).longValue()));
      return counts;
    });
  }

  /** Keeps the counts by panel in step with an upsert: new people count in, a changed panel moves them. */
  private Future<Void> recount(String study, List<JsonObject> existing, List<NewParticipant> people, List<String> keys) {
    java.util.Map<String, String> panelBefore = new java.util.HashMap<>();
    existing.forEach(d -> panelBefore.put(d.getString("_id"), d.getString("panel")));
    // Someone who withdrew no longer counts as invited, whatever their panel is changed to.
    java.util.Set<String> withdrawn = new java.util.HashSet<>();
    existing.stream().filter(d -> d.getString(WITHDRAWN) != null).forEach(d -> withdrawn.add(d.getString("_id")));
    java.util.Map<String, Long> change = new java.util.TreeMap<>();
    for (int i = 0; i < people.size(); i++) {
      // Pilots are not invited to count: no response rate has them.
      if (withdrawn.contains(keys.get(i)) || people.get(i).pilot()) {
        continue;
      }
      String before = panelBefore.put(keys.get(i), people.get(i).panel());
      if (!people.get(i).panel().equals(before)) {
        change.merge(people.get(i).panel(), 1L, Long::sum);
        if (before != null) {
          change.merge(before, -1L, Long::sum);
        }
      }
    }
    change.values().removeIf(n -> n == 0);
    if (change.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject inc = new JsonObject();
    change.forEach((panel, n) -> inc.put("panels." + panel, n));
    return mongo.updateCollectionWithOptions(COUNTS, new JsonObject().put("_id", study), new JsonObject().put("$inc", inc),
        new io.vertx.ext.mongo.UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /**
   * The owner of a link; every save asks, and who owns a link never changes, so the answer is kept a moment. A text
   * that cannot be a link's secret is nobody's, without a lookup and without being kept.
   */
  public Future<Optional<Participant>> findByToken(String token) {
    if (!Tokens.wellFormed(token)) {
      return Future.succeededFuture(Optional.empty());
    }
    return byToken.get(token, t -> mongo.findOne(COLLECTION, new JsonObject().put("token", t), null)
        .map(doc -> Optional.ofNullable(doc).map(ParticipantRepository::participant)));
  }

  /** A participant of a study by their id. */
  public Future<Optional<Participant>> find(String study, String id) {
    return mongo.findOne(COLLECTION, byPrefix(study).put("pseudonym", id), null)
        .map(doc -> Optional.ofNullable(doc).map(ParticipantRepository::participant));
  }

  /**
   * Marks a participant withdrawn, once: answers whether this call did it. A withdrawn participant no longer counts
   * among the invited of their panel (the response rate of the rounds to come).
   */
  public Future<Boolean> withdraw(Participant p) {
    JsonObject query = new JsonObject().put("token", p.token()).put(WITHDRAWN, new JsonObject().put("$exists", false));
    return mongo.updateCollection(COLLECTION, query,
            new JsonObject().put("$set", new JsonObject().put(WITHDRAWN, Instant.now().toString())))
        .compose(r -> r.getDocModified() == 0 || p.pilot() ? Future.succeededFuture(r.getDocModified() > 0)
            : uncount(p.study(), p.panel()).map(true))
        .compose(done -> durability.sync().map(done))
        .onComplete(r -> byToken.forget(p.token()));
  }

  /**
   * Deletes a participant's name, email and link for good, with the rounds they opened: the document that says who
   * they are goes, and with it every tie between them and their pseudonymous answers. Idempotent.
   */
  public Future<Void> erase(Participant p) {
    return mongo.findOneAndDelete(COLLECTION, new JsonObject().put("token", p.token()))
        .compose(doc -> doc == null || doc.getString(WITHDRAWN) != null || p.pilot() ? Future.succeededFuture()
            : uncount(p.study(), p.panel()))
        .compose(v -> mongo.removeDocuments(OPENED,
            new JsonObject().put("study", p.study()).put("participant", p.id())))
        .compose(r -> durability.sync())
        .onComplete(r -> byToken.forget(p.token()));
  }

  /**
   * Deletes every participant of a study (names, emails, links) and the rounds they opened, at the end of its
   * retention period or with the study: their answers stay, under ids that no longer lead to anyone. The counts of
   * the invited stay, for the response rates of the rounds held.
   */
  public Future<Void> deleteAll(String study) {
    return mongo.removeDocuments(COLLECTION, byPrefix(study))
        .compose(r -> mongo.removeDocuments(OPENED, new JsonObject().put("study", study)))
        .compose(r -> durability.sync())
        .onComplete(r -> forgetLinks());
  }

  /** Lets go of every link's owner this instance remembers: after deletions, none must be served from memory. */
  public void forgetLinks() {
    byToken.clear();
  }

  private Future<Void> uncount(String study, String panel) {
    return mongo.updateCollection(COUNTS, new JsonObject().put("_id", study),
        new JsonObject().put("$inc", new JsonObject().put("panels." + panel, -1))).mapEmpty();
  }

  private static JsonObject byPrefix(String study) {
    return new JsonObject().put("_id", new JsonObject().put("$gte", study + ":").put("$lt", study + ":\uffff"));
  }

  public Future<List<Participant>> list(String study) {
    return Pages.byKeyPrefix(vertx, mongo, COLLECTION, study + ":", ParticipantRepository::participant,
        java.util.Comparator.comparing(Participant::id));
  }

  private static Participant participant(JsonObject d) {
    return new Participant(d.getString("pseudonym"), d.getString("study"), d.getString("name"), d.getString("email"),
        d.getString("panel"), d.getString("language"), d.getString("token"), d.getString("invitedAt"),
        d.getString(WITHDRAWN), d.getBoolean(PILOT, false));
  }

  private static String key(String study, NewParticipant p) {
    if (p.email() == null) {
      return study + ":" + Tokens.token();
    }
    // The first 16 bytes of the address's digest.
    return study + ":" + Sha256.hex(p.email().toLowerCase(Locale.ROOT)).substring(0, 32);
  }
}
