package org.kenes.panelist;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerReader;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.participant.Participant;
import org.kenes.panelist.AnswerService.Panelist;
import org.kenes.round.EarlierRounds;
import org.kenes.round.Round;
import org.kenes.round.RoundCounters;
import org.kenes.round.RoundService;
import org.kenes.round.SaveFence;
import org.kenes.round.TallyRepository;
import org.kenes.store.Durability;
import org.kenes.study.Study;

/**
 * A panelist's save of the open round, and a withdrawal from it: each a flat chain of named steps under a lease of
 * the round ({@link SaveFence}), acknowledged only once durable and within the lease.
 */
final class Saves {

  private final RoundService rounds;
  private final AnswerRepository answers;
  private final AnswerRepository pilotAnswers;
  private final TallyRepository tallies;
  private final Durability durability;
  private final EventBus events;
  private final GroupFeedback feedback;

  Saves(RoundService rounds, AnswerRepository answers, AnswerRepository pilotAnswers, TallyRepository tallies,
      Durability durability, EventBus events, GroupFeedback feedback) {
    this.rounds = rounds;
    this.answers = answers;
    this.pilotAnswers = pilotAnswers;
    this.tallies = tallies;
    this.durability = durability;
    this.events = events;
    this.feedback = feedback;
  }

  /**
   * A save on its way: who, to which round, what.
   *
   * @param whole the save holds every item of the round: nothing of the stored set survives it
   */
  private record Saving(Panelist who, Round round, AnswerReader.Save save, boolean whole) {

    Saving(Panelist who, Round round, AnswerReader.Save save) {
      this(who, round, save, save.answers().keySet().containsAll(round.items()));
    }

    Participant participant() {
      return who.participant();
    }

    String study() {
      return who.study().id();
    }
  }

  /** A save's write: what the store held before, and the set as it now is. */
  private record Stored(AnswerRepository.Written written, AnswerSet now) {}

  /**
   * Checks, writes, makes durable and acknowledges a save begun at {@code startedAt}; answers the set as it now is.
   * Past its lease it fails ({@link org.kenes.common.Unavailable}), nothing acknowledged.
   */
  Future<AnswerSet> save(Panelist who, Round round, AnswerReader.Save save, long startedAt) {
    Saving saving = new Saving(who, round, save);
    return rounds.withinOpen(round, startedAt, lease -> checkComplete(saving, answers)
            .compose(v -> previousRatings(who.study(), round, saving.participant().id()))
            .compose(previous -> lease.write(() -> store(saving, previous)))
            .compose(stored -> durability.sync().map(stored))
            .compose(stored -> acknowledge(lease, saving, stored)))
        .onSuccess(now -> announce(saving.study(), round, saving.participant().panel(), now.submitted()));
  }

  /**
   * A pilot's save: validated as anybody's, stored apart, and nothing else: no lease (the pilot's round may be one not
   * yet open), no tally moves, no live event, since no figure counts it.
   */
  Future<AnswerSet> savePilot(Panelist who, Round round, AnswerReader.Save save) {
    Saving saving = new Saving(who, round, save);
    Participant p = saving.participant();
    return checkComplete(saving, pilotAnswers)
        .compose(v -> pilotAnswers.update(saving.study(), round.number(), p.id(), p.panel(), save.answers(),
            save.submit(), saving.whole()))
        .compose(written -> durability.sync().map(written.before()
            .orElse(AnswerSet.empty(saving.study(), round.number(), p.id(), p.panel()))
            .merge(p.panel(), save.answers(), save.submit(), null)));
  }

  /** Upserts the set and moves this instance's share of the round's live tallies by what that changed. */
  private Future<Stored> store(Saving saving, Map<String, Integer> previous) {
    Participant p = saving.participant();
    int round = saving.round().number();
    AnswerReader.Save save = saving.save();
    return answers.update(saving.study(), round, p.id(), p.panel(), save.answers(), save.submit(), saving.whole())
        .compose(written -> {
          AnswerSet was = written.before().orElse(AnswerSet.empty(saving.study(), round, p.id(), p.panel()));
          AnswerSet now = was.merge(p.panel(), save.answers(), save.submit(), null);
          recount(saving.who().study(), saving.round(), was, now, previous);
          // In real time an item's first rating is kept for good, for the convergence from first to final answers.
          Future<Void> first = saving.who().study().realTime()
              ? answers.keepFirst(saving.study(), round, p.id(), was.firstsIn(save.answers()))
              : Future.succeededFuture();
          return first.map(new Stored(written, now));
        });
  }

  /**
   * A save durable within its lease is acknowledged. One past it is not: should its write have landed after the
   * round's count, the set is put back as the count read it; otherwise it stays, counted or not.
   */
  private Future<AnswerSet> acknowledge(SaveFence.Lease lease, Saving saving, Stored stored) {
    if (lease.alive()) {
      return Future.succeededFuture(stored.now());
    }
    return answers.undoIfLate(saving.study(), saving.round().number(), saving.participant().id(), stored.written())
        .compose(late -> lease.check(stored.now()));
  }

  /**
   * Takes a participant's answers out of their study's open round for good, as they withdraw (or are erased): the
   * set is replaced by a mark that refuses their later saves, and the live tallies lose its share in the same way a
   * revised save moves them; it runs under a lease, as a save does. Answers the round they were taken out of, if one
   * was open.
   */
  Future<Optional<Integer>> withdraw(Participant p, Study study, Round round, long startedAt) {
    long at = System.currentTimeMillis();
    return rounds.withinOpen(round, startedAt, lease -> previousRatings(study, round, p.id())
            .compose(previous -> lease.write(() -> answers.withdraw(study.id(), round.number(), p.id(), at))
                .map(before -> {
                  before.ifPresent(was -> recount(study, round, was,
                      AnswerSet.empty(study.id(), round.number(), p.id(), was.panel()), previous));
                  return null;
                }))
            .compose(v -> durability.sync()))
        .onSuccess(v -> announce(study.id(), round, p.panel(), false))
        .map(Optional.of(round.number()))
        // Closed meanwhile: the close counted the set, as it counts every set of a closed round.
        .recover(e -> e instanceof Conflict ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
  }

  private void announce(String study, Round round, String panel, boolean submitted) {
    events.publish(AnswerService.address(study), new JsonObject().put("study", study).put("round", round.number())
        .put("panel", panel).put("submitted", submitted));
  }

  /**
   * A save that leaves the set submitted (a submit, or a revision after one) must leave it complete. A submit of the
   * whole set, as a whole questionnaire sent at once is, needs nothing read.
   */
  private Future<Void> checkComplete(Saving saving, AnswerRepository sets) {
    Study study = saving.who().study();
    Round round = saving.round();
    String participant = saving.participant().id();
    AnswerReader.Save save = saving.save();
    Future<Optional<AnswerSet>> stored = save.submit() && saving.whole() ? Future.succeededFuture(Optional.empty())
        : sets.current(study.id(), round.number(), participant);
    return stored.compose(existing -> {
      if (!save.submit() && !existing.map(AnswerSet::submitted).orElse(false)) {
        return Future.succeededFuture();
      }
      return feedback.of(study, round, participant, sets).map(feedback -> {
        Map<String, Answer> merged = new HashMap<>(existing.map(AnswerSet::answers).orElse(Map.of()));
        merged.putAll(save.answers());
        Map<String, List<Integer>> askReasonFor = new HashMap<>();
        feedback.forEach((item, f) -> askReasonFor.put(item, f.askReasonFor() == null ? List.of() : f.askReasonFor()));
        AnswerReader.checkComplete(merged, askReasonFor);
        return null;
      });
    });
  }

  /** Moves the set's share of the live tallies from what it was to what it is. */
  private void recount(Study study, Round round, AnswerSet was, AnswerSet now, Map<String, Integer> previous) {
    RoundCounters.move(study, round.items(), was, now, previous)
        .forEach((panel, increments) -> tallies.increment(study.id(), round.number(), panel, increments));
  }

  /** The participant's valid ratings from the rounds the items of this one were last asked in. */
  private Future<Map<String, Integer>> previousRatings(Study study, Round round, String participant) {
    return rounds.list(study).compose(all -> {
      Map<String, Integer> lastAsked = EarlierRounds.lastAsked(study, round, all);
      return EarlierRounds.load(lastAsked, n -> answers.find(study.id(), n, participant))
          .map(found -> {
            Map<Integer, List<AnswerSet>> byRound = new HashMap<>();
            found.forEach((n, set) -> byRound.put(n, set.map(List::of).orElse(List.of())));
            return RoundCounters.previousRatings(lastAsked, byRound).apply(participant);
          });
    });
  }
}
