package org.kenes.consent;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.Recent;
import org.kenes.common.Sha256;
import org.kenes.store.Durability;
import org.kenes.study.Study;

/**
 * Panelists' informed consent: the {@code consents} collection, one document per participant and version of the
 * text they agreed to ({@code study:participant:version}), with the moment and the language. A version is the hash
 * of the text as the panelist read it, so a text changed after people agreed asks them again, and only those who
 * read the changed language. These records say who agreed: they go with the person's erasure and with the study's
 * personal data at the end of its retention period.
 */
public final class Consents {

  static final String COLLECTION = "consents";

  /** Where a participant stands with the study's consent text. */
  public enum Status {
    /** The study asks for no consent. */
    NOT_ASKED,
    /** Agreed to the text as it stands. */
    AGREED,
    /** Agreed to an earlier text, not yet to the changed one. */
    ASKED_AGAIN,
    /** Not agreed to any text. */
    NOT_YET;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** One agreement: to which version of the text, in which language, when. */
  public record Agreement(String version, String language, String at) {}

  private final MongoClient mongo;
  private final Durability durability;
  /** An agreement never goes back (short of erasing the person): only agreements are remembered, for the saves. */
  private final Recent<String, Boolean> agreed = new Recent<>(60_000, 100_000, System::currentTimeMillis, yes -> yes);

  public Consents(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** The version of a consent text: the first 64 bits of its SHA-256, in hex. */
  public static String version(String text) {
    return Sha256.hex(text).substring(0, 16);
  }

  /** The versions of the study's consent text as it stands, one per language (fewer where two languages agree). */
  static Set<String> versions(Study study) {
    Set<String> versions = new LinkedHashSet<>();
    study.languages().forEach(lang -> versions.add(version(study.consentText(lang))));
    return versions;
  }

  /** Whether a participant may answer: the study asks for no consent, or they agreed to its text as it stands. */
  public Future<Boolean> given(Study study, String participant) {
    if (study.privacy().consent() == null) {
      return Future.succeededFuture(true);
    }
    Set<String> versions = versions(study);
    return agreed.get(study.id() + ":" + participant + ":" + String.join(",", versions), k -> mongo.count(COLLECTION,
            new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(versions.stream()
                .map(v -> key(study.id(), participant, v)).toList()))))
        .map(n -> n > 0));
  }

  /**
   * Records that a participant agreed to the text they were shown, in {@code language}, of version {@code version}:
   * {@link Conflict} when the text has changed since it was shown (they must read the new one), {@link Invalid} for a
   * language the study does not have. Agreeing again changes nothing.
   */
  public Future<Void> agree(Study study, String participant, String language, String version) {
    if (study.privacy().consent() == null) {
      return Future.failedFuture(new Conflict("this study asks for no consent"));
    }
    if (!study.languages().contains(language)) {
      return Future.failedFuture(new Invalid("language", "not one of the study's languages " + study.languages()));
    }
    String current = version(study.consentText(language));
    if (!current.equals(version)) {
      return Future.failedFuture(new Conflict("the consent text has changed since it was shown: please read it again"));
    }
    JsonObject doc = new JsonObject().put("study", study.id()).put("participant", participant).put("version", current)
        .put("language", language).put("at", Instant.now().toString());
    JsonObject id = new JsonObject().put("_id", key(study.id(), participant, current));
    return mongo.updateCollectionWithOptions(COLLECTION, id, new JsonObject().put("$setOnInsert", doc),
            new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync());
  }

  /** A participant's agreements, oldest first. */
  public Future<List<Agreement>> of(String study, String participant) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study).put("participant", participant))
        .map(docs -> docs.stream().map(d -> new Agreement(d.getString("version"), d.getString("language"),
            d.getString("at"))).sorted(Comparator.comparing(Agreement::at)).toList());
  }

  /** Where each participant stands with the study's consent text, by participant id; absent ones have not agreed. */
  public Future<Map<String, Status>> statuses(Study study) {
    if (study.privacy().consent() == null) {
      return Future.succeededFuture(Map.of());
    }
    Set<String> current = versions(study);
    return mongo.find(COLLECTION, new JsonObject().put("study", study.id())).map(docs -> {
      Map<String, Status> byParticipant = new HashMap<>();
      docs.forEach(d -> byParticipant.merge(d.getString("participant"),
          current.contains(d.getString("version")) ? Status.AGREED : Status.ASKED_AGAIN,
          (a, b) -> a == Status.AGREED || b == Status.AGREED ? Status.AGREED : Status.ASKED_AGAIN));
      return byParticipant;
    });
  }

  /** A participant's status: {@link Status#NOT_ASKED} when the study has no consent text. */
  public static Status status(Study study, Map<String, Status> statuses, String participant) {
    return study.privacy().consent() == null ? Status.NOT_ASKED : statuses.getOrDefault(participant, Status.NOT_YET);
  }

  /** Deletes a participant's agreements (their erasure). */
  public Future<Void> forget(String study, String participant) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("study", study).put("participant", participant))
        .<Void>mapEmpty().onComplete(r -> agreed.clear());
  }

  /** Deletes every agreement of a study (its personal data at the end of the retention period). */
  public Future<Void> forgetAll(String study) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("study", study)).<Void>mapEmpty()
        .onComplete(r -> agreed.clear());
  }

  private static String key(String study, String participant, String version) {
    return study + ":" + participant + ":" + version;
  }
}
