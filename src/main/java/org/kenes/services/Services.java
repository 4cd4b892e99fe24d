package org.kenes.services;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.kenes.account.AccountService;
import org.kenes.account.Actor;
import org.kenes.account.Roles;
import org.kenes.answer.AnswerRepository;
import org.kenes.audit.AuditLog;
import org.kenes.change.ChangeService;
import org.kenes.config.KenesConfig;
import org.kenes.consent.Consents;
import org.kenes.discussion.DiscussionService;
import org.kenes.discussion.Moderation;
import org.kenes.discussion.PostRepository;
import org.kenes.discussion.ReplyDigests;
import org.kenes.discussion.WordList;
import org.kenes.mail.MailService;
import org.kenes.outcome.Publications;
import org.kenes.panelist.AnswerService;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantAttributes;
import org.kenes.participant.ParticipantRepository;
import org.kenes.participant.PseudonymKeys;
import org.kenes.pilot.Pilots;
import org.kenes.privacy.PersonalData;
import org.kenes.privacy.Retention;
import org.kenes.privacy.StudyDeletion;
import org.kenes.report.ReportLinks;
import org.kenes.report.ReportService;
import org.kenes.round.Peers;
import org.kenes.round.RoundGroups;
import org.kenes.round.RoundRepository;
import org.kenes.round.RoundService;
import org.kenes.round.TallyRepository;
import org.kenes.store.Store;
import org.kenes.study.StudyRepository;
import org.kenes.study.StudyService;

/** The features of Kenes wired on one store; what the routes call. */
public record Services(
    KenesConfig config,
    Store store,
    StudyService studies,
    ParticipantRepository participants,
    PseudonymKeys pseudonyms,
    RoundService rounds,
    AnswerRepository answerSets,
    AnswerRepository pilotSets,
    AnswerService answers,
    TallyRepository tallies,
    ReportService reports,
    ReportLinks reportLinks,
    AccountService accounts,
    Roles roles,
    AuditLog audit,
    MailService mail,
    ChangeService changes,
    RoundGroups groups,
    Consents consents,
    Publications publications,
    PersonalData personalData,
    Retention retention,
    StudyDeletion deletion,
    Pilots pilots,
    ParticipantAttributes attributes,
    DiscussionService discussions,
    Moderation moderation,
    ReplyDigests digests,
    Peers peers) {

  /**
   * @param adminToken the facilitator token of {@code KENES_ADMIN_TOKEN} or the data folder
   * @param clock what the retention periods and the saves' leases are measured by (a test's own clock)
   */
  public static Services create(Vertx vertx, KenesConfig config, Store store, String adminToken, Clock clock) {
    var mongo = store.client();
    var durability = store.durability();
    RoundRepository roundRepository = new RoundRepository(mongo, durability);
    ParticipantRepository participants = new ParticipantRepository(vertx, mongo, durability);
    StudyService studies = new StudyService(vertx, new StudyRepository(mongo, durability),
        id -> roundRepository.list(id).map(list -> !list.isEmpty()), participants::countByPanel);
    AnswerRepository answerSets = new AnswerRepository(vertx, mongo, roundRepository::countedAt);
    AnswerRepository pilotSets = AnswerRepository.pilot(vertx, mongo);
    TallyRepository tallies = new TallyRepository(mongo);
    Publications publications = new Publications(mongo, durability, roundRepository, vertx.eventBus());
    Peers peers = new Peers(mongo, config.embeddedStore());
    RoundService rounds = new RoundService(vertx, mongo, durability, studies, participants, roundRepository, answerSets,
        tallies, publications::published, clock::millis, peers);
    PseudonymKeys pseudonyms = new PseudonymKeys(mongo, durability);
    ChangeService changes = new ChangeService(mongo, durability, studies, rounds, answerSets, pseudonyms);
    Consents consents = new Consents(mongo, durability);
    AnswerService answers = new AnswerService(studies, participants, rounds, answerSets, pilotSets, tallies,
        durability, vertx.eventBus(), consents);
    AuditLog audit = new AuditLog(mongo, durability);
    MailService mail = new MailService(vertx, config, mongo, durability, studies, participants, rounds, answerSets,
        pilotSets, publications);
    AccountService accounts = new AccountService(vertx, mongo, durability, adminToken,
        (user, detail) -> audit.record(Actor.SYSTEM, "login.failed", user, null, detail), clock);
    Roles roles = new Roles(mongo, durability, accounts);
    ParticipantAttributes attributes = new ParticipantAttributes(vertx, mongo, durability);
    PostRepository posts = new PostRepository(mongo, durability);
    DiscussionService discussions = new DiscussionService(posts, new WordList(mongo, durability), pseudonyms, rounds,
        participants, consents, vertx.eventBus(), clock);
    ReplyDigests digests = new ReplyDigests(mongo, durability, posts, studies, participants, mail, clock);
    return new Services(config, store, studies, participants, pseudonyms, rounds, answerSets, pilotSets, answers,
        tallies,
        new ReportService(studies, rounds, changes),
        new ReportLinks(mongo, durability),
        accounts,
        roles,
        audit, mail, changes,
        new RoundGroups(vertx, studies, rounds),
        consents, publications,
        new PersonalData(participants, rounds, answerSets, pilotSets, answers, consents, mail, audit, attributes,
            posts, digests),
        new Retention(vertx, mongo, durability, clock, studies, rounds, publications, participants, consents, mail,
            audit, roles),
        new StudyDeletion(mongo, durability, studies, rounds, participants, pseudonyms, audit),
        new Pilots(studies, participants, rounds, pilotSets, durability),
        attributes, discussions, new Moderation(discussions), digests, peers);
  }

  /** Where a participant's answers are kept: a pilot's apart from those that count. */
  public AnswerRepository setsOf(Participant p) {
    return p.pilot() ? pilotSets : answerSets;
  }

  /** Indexes the repositories rely on; creating an existing index changes nothing. */
  public Future<Void> createIndexes() {
    return participants.createIndexes();
  }
}
