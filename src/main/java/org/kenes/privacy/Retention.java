package org.kenes.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kenes.account.Account;
import org.kenes.account.Actor;
import org.kenes.account.Roles;
import org.kenes.audit.AuditLog;
import org.kenes.consent.Consents;
import org.kenes.mail.MailService;
import org.kenes.outcome.Publications;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.store.Durability;
import org.kenes.study.Study;
import org.kenes.study.StudyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a study keeps its panelists' personal data: {@code retentionDays} after its final round closed (the last
 * of its rounds, or the last before its outcome was published). Then the periodic task deletes their names, emails,
 * links, the messages to them and their consent records; their answers stay, pseudonymous, for the report and the
 * export. The study's owners who gave their account an email address, and its contact, are warned 30 and 7 days
 * before.
 *
 * <p>The {@code retention} collection keeps, per study that has ended, when its data goes ({@code purgeAtMs}), when
 * the next warning is due ({@code warnAtMs}), and once done, {@code purgedAt}. It is written whenever a round closes or
 * a study changes, and checked against the study itself before anything is deleted. Several instances may run it at
 * once: every deletion is idempotent, a warning is one message however often it is queued, and only the instance
 * whose write marks the study purged records it in the audit.
 */
public final class Retention {

  static final String COLLECTION = "retention";
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final long DAY_MS = 24 * 60 * 60_000L;
  /** Days before the deletion at which the owners and the contact are warned, earliest first. */
  private static final List<Integer> WARNINGS = List.of(30, 7);

  /**
   * Where a study stands.
   *
   * @param endedAt when its final round closed; null while it runs
   * @param purgeAt when its personal data goes (or went); null while it runs
   * @param purgedAt when it went; null before
   */
  public record Schedule(int days, String endedAt, String purgeAt, String purgedAt) {

    public boolean ended() {
      return endedAt != null;
    }

    /** Whole days left until the deletion, counted up; null when not scheduled. */
    public Long daysLeft(Instant now) {
      return purgeAt == null || purgedAt != null ? null
          : Math.max(0, (Instant.parse(purgeAt).toEpochMilli() - now.toEpochMilli() + DAY_MS - 1) / DAY_MS);
    }
  }

  private final MongoClient mongo;
  private final Durability durability;
  private final Clock clock;
  private final StudyService studies;
  private final RoundService rounds;
  private final Publications publications;
  private final ParticipantRepository participants;
  private final Consents consents;
  private final MailService mail;
  private final AuditLog audit;
  private final Roles roles;

  public Retention(Vertx vertx, MongoClient mongo, Durability durability, Clock clock, StudyService studies,
      RoundService rounds, Publications publications, ParticipantRepository participants, Consents consents,
      MailService mail, AuditLog audit, Roles roles) {
    this.mongo = mongo;
    this.durability = durability;
    this.clock = clock;
    this.studies = studies;
    this.rounds = rounds;
    this.publications = publications;
    this.participants = participants;
    this.consents = consents;
    this.mail = mail;
    this.audit = audit;
    this.roles = roles;
    // A round closed, a study changed or its results published on this instance: its schedule is written at once.
    // What another instance missed (it stopped meanwhile), the hourly pass over every study puts right.
    vertx.eventBus().<JsonObject>consumer(RoundService.ANNOUNCEMENTS, m -> {
      if ("closed".equals(m.body().getString("status"))) {
        refreshQuietly(m.body().getString("study"));
      }
    });
    vertx.eventBus().<String>consumer(StudyService.CHANGED, m -> refreshQuietly(m.body()));
    vertx.eventBus().<String>consumer(Publications.PUBLISHED, m -> refreshQuietly(m.body()));
  }

  public Instant now() {
    return clock.instant();
  }

  /** Where a study stands with its retention period, from the study itself. */
  public Future<Schedule> schedule(String studyId) {
    return Future.all(studies.get(studyId), rounds.list(studyId), publications.published(studyId),
            mongo.findOne(COLLECTION, new JsonObject().put("_id", studyId), null))
        .map(all -> {
          Study study = all.resultAt(0);
          List<Round> held = all.resultAt(1);
          boolean published = all.resultAt(2);
          JsonObject doc = all.resultAt(3);
          int days = study.privacy().retentionDays();
          String purgedAt = doc == null ? null : doc.getString("purgedAt");
          Round last = held.isEmpty() ? null : held.get(held.size() - 1);
          boolean ended = last != null && !last.open() && (published || last.number() >= study.rounds().max());
          if (!ended) {
            return new Schedule(days, null, null, purgedAt);
          }
          Instant end = Instant.parse(last.closedAt());
          return new Schedule(days, end.toString(), end.plusMillis(days * DAY_MS).toString(), purgedAt);
        });
  }

  /** Writes a study's schedule as it stands now; a study that has not ended, or whose data went, has none to keep. */
  public Future<Void> refresh(String studyId) {
    return schedule(studyId).compose(schedule -> {
      JsonObject id = new JsonObject().put("_id", studyId);
      if (schedule.purgedAt() != null) {
        return Future.succeededFuture();
      }
      if (!schedule.ended()) {
        return mongo.removeDocuments(COLLECTION, id).mapEmpty();
      }
      long purgeAt = Instant.parse(schedule.purgeAt()).toEpochMilli();
      Integer next = nextWarning(schedule, Integer.MAX_VALUE);
      JsonObject set = new JsonObject().put("study", studyId).put("purgeAtMs", purgeAt)
          .put("warnAtMs", next == null ? null : purgeAt - next * DAY_MS);
      // A new date (the period changed) is warned of anew; the same date keeps the warnings given.
      return mongo.findOne(COLLECTION, id, null).compose(doc -> doc != null
              && doc.getLong("purgeAtMs", -1L) == purgeAt ? Future.succeededFuture()
          : mongo.updateCollectionWithOptions(COLLECTION, id, new JsonObject().put("$set", set),
              new UpdateOptions().setUpsert(true)).compose(r -> durability.sync()));
    });
  }

  private void refreshQuietly(String studyId) {
    refresh(studyId).onFailure(e -> LOG.warn("Retention of study {}: {}", studyId, e.getMessage()));
  }

  /** Writes the schedule of every study: at start and every hour, in case an event was missed. */
  public Future<Void> refreshAll() {
    return studies.list().compose(all -> {
      Future<Void> chain = Future.succeededFuture();
      for (var stored : all) {
        chain = chain.compose(v -> refresh(stored.study().id()).otherwiseEmpty());
      }
      return chain;
    });
  }

  /** The warnings and deletions due now; one study at a time. */
  public Future<Void> run() {
    long now = clock.millis();
    JsonObject due = new JsonObject().put("purgedAt", new JsonObject().put("$exists", false)).put("$or", new JsonArray()
        .add(new JsonObject().put("purgeAtMs", new JsonObject().put("$lte", now)))
        .add(new JsonObject().put("warnAtMs", new JsonObject().put("$lte", now))));
    return mongo.find(COLLECTION, due).compose(docs -> {
      Future<Void> chain = Future.succeededFuture();
      for (JsonObject doc : docs) {
        chain = chain.compose(v -> act(doc, clock.instant()));
      }
      return chain;
    });
  }

  /** Checks what the study's schedule says now, and deletes or warns accordingly. */
  private Future<Void> act(JsonObject doc, Instant now) {
    String studyId = doc.getString("_id");
    return schedule(studyId).compose(schedule -> {
      if (!schedule.ended() || Instant.parse(schedule.purgeAt()).toEpochMilli() != doc.getLong("purgeAtMs")) {
        // The study changed since its schedule was written: written again, acted on at the next pass.
        return refresh(studyId);
      }
      if (!now.isBefore(Instant.parse(schedule.purgeAt()))) {
        return purge(studyId, schedule);
      }
      return warn(studyId, schedule, doc, now);
    });
  }

  /** The warning due now, and when the next one is. */
  private Future<Void> warn(String studyId, Schedule schedule, JsonObject doc, Instant now) {
    long purgeAt = doc.getLong("purgeAtMs");
    long daysLeft = schedule.daysLeft(now);
    // The warning of the fewest days that has come: one message, even if the task slept through an earlier one.
    Integer due = WARNINGS.stream().filter(w -> daysLeft <= w && w < schedule.days()).reduce((a, b) -> b).orElse(null);
    Integer next = due == null ? nextWarning(schedule, Integer.MAX_VALUE) : nextWarning(schedule, due);
    JsonObject set = new JsonObject().put("warnAtMs", next == null ? null : purgeAt - next * DAY_MS);
    // Only the instance whose write moves the warning on sends and records it; were another one to send it too, its
    // message would be the same message.
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", studyId).put("warnAtMs",
            doc.getValue("warnAtMs")), new JsonObject().put("$set", set))
        .compose(r -> r.getDocModified() == 1 && due != null ? send(studyId, schedule, daysLeft)
            : Future.succeededFuture());
  }

  /** The warning, by mail to the study's owners who gave an address and to its contact; and in the audit. */
  private Future<Void> send(String studyId, Schedule schedule, long daysLeft) {
    String date = schedule.purgeAt().substring(0, 10);
    return Future.all(studies.get(studyId), roles.owners(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      List<MailService.Recipient> to = new ArrayList<>();
      all.<List<Account>>resultAt(1).stream().filter(a -> a.email() != null)
          .forEach(a -> to.add(new MailService.Recipient(a.email(), a.preferences().language())));
      if (study.privacy().contact() != null) {
        to.add(new MailService.Recipient(study.privacy().contact(), study.firstLanguage()));
      }
      return mail.warnRetention(study, to, (int) daysLeft, date)
          .compose(v -> audit.record(Actor.SYSTEM, "retention.warned", "personal data", studyId,
              "to be deleted on " + date + ", in " + daysLeft + " day(s), " + to.size() + " address(es) warned"));
    });
  }

  /** The first warning of fewer days than {@code before} that lies after the study's end, if any. */
  private static Integer nextWarning(Schedule schedule, int before) {
    return WARNINGS.stream().filter(w -> w < before && w < schedule.days()).findFirst().orElse(null);
  }

  /**
   * Deletes a study's personal data: names, emails and links, the rounds each opened, the messages to them and the
   * consent records. The answers, results, tallies and audit stay. Marked done by one write, which only one
   * instance's succeeds; that one records it.
   */
  private Future<Void> purge(String studyId, Schedule schedule) {
    String at = clock.instant().toString();
    return participants.deleteAll(studyId)
        .compose(v -> mail.forgetAll(studyId))
        .compose(v -> consents.forgetAll(studyId))
        .compose(v -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", studyId)
            .put("purgedAt", new JsonObject().put("$exists", false)),
            new JsonObject().put("$set", new JsonObject().put("purgedAt", at))))
        .compose(r -> r.getDocModified() == 0 ? Future.succeededFuture() : durability.sync()
            .compose(v -> audit.record(Actor.SYSTEM, "retention.purged", "personal data", studyId,
                "retention period of " + schedule.days() + " day(s) ended " + schedule.purgeAt()))
            .onSuccess(v -> LOG.info("Study {}: personal data deleted at the end of its retention period", studyId)));
  }
}
