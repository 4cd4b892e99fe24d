package org.kenes.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.Set;
import org.kenes.account.Actor;
import org.kenes.audit.AuditLog;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.participant.ParticipantRepository;
import org.kenes.participant.PseudonymKeys;
import org.kenes.round.RoundService;
import org.kenes.store.Durability;
import org.kenes.study.StudyService;

/**
 * Deletes a whole study, the owner's decision confirmed by typing its id: its definition, rounds, results, answers,
 * tallies, participants, messages, consent records, changes, secret and audit; the audit then records that it was
 * deleted, and by whom. Every collection is swept for the study's documents, so that one added later is not
 * forgotten: a document belongs to a study when its {@code study} is the study's id, or its {@code _id} is the id or
 * begins with the id and a colon. Accounts and sessions belong to no study.
 */
public final class StudyDeletion {

  private static final Set<String> NOT_OF_STUDIES = Set.of("accounts", "sessions");
  private static final String AUDIT = "audit";

  private final MongoClient mongo;
  private final Durability durability;
  private final StudyService studies;
  private final RoundService rounds;
  private final ParticipantRepository participants;
  private final PseudonymKeys pseudonyms;
  private final AuditLog audit;

  public StudyDeletion(MongoClient mongo, Durability durability, StudyService studies, RoundService rounds,
      ParticipantRepository participants, PseudonymKeys pseudonyms, AuditLog audit) {
    this.mongo = mongo;
    this.durability = durability;
    this.studies = studies;
    this.rounds = rounds;
    this.participants = participants;
    this.pseudonyms = pseudonyms;
    this.audit = audit;
  }

  /**
   * Deletes the study {@code id}, provided {@code confirm} repeats its id and no round is open (a save in flight could
   * otherwise write after the sweep).
   */
  public Future<String> delete(String id, String confirm, Actor by) {
    if (!id.equals(confirm == null ? null : confirm.strip())) {
      return Future.failedFuture(new Invalid("confirm", "type the study's id, " + id + ", to confirm"));
    }
    return studies.get(id).compose(study -> rounds.openRound(id)).compose(open -> open.isPresent()
        ? Future.failedFuture(new Conflict("round " + open.get().number()
            + " is open: close it before deleting the study"))
        : sweep(id))
        .compose(v -> audit.record(by, "study.deleted", id, id, "with every round, answer, participant and message"))
        .map(id);
  }

  private Future<Void> sweep(String id) {
    JsonObject ofStudy = new JsonObject().put("$or", new JsonArray().add(new JsonObject().put("study", id))
        .add(new JsonObject().put("_id", id))
        .add(new JsonObject().put("_id", new JsonObject().put("$gte", id + ":").put("$lt", id + ":\uffff"))));
    return mongo.getCollections().compose(names -> Future.all(names.stream()
            .filter(name -> !NOT_OF_STUDIES.contains(name))
            .map(name -> mongo.removeDocuments(name, AUDIT.equals(name) ? new JsonObject().put("study", id) : ofStudy))
            .toList()))
        .compose(all -> durability.sync())
        .onComplete(r -> {
          pseudonyms.forget(id);
          participants.forgetLinks();
          rounds.forget(id);
        });
  }
}
