package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Recent;
import org.kenes.participant.ParticipantRepository;
import org.kenes.store.Durability;
import org.kenes.study.CarryForward;
import org.kenes.study.Item;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/** Opens and closes rounds and answers their results: stored once a round is closed, live while it is open. */
public final class RoundService {

  /** The furthest a round's deadline may lie: a Delphi round lasts weeks, and a date must fit the store's clock. */
  static final Duration LONGEST_ROUND = Duration.ofDays(366);

  private final Vertx vertx;
  private final StudyService studies;
  private final ParticipantRepository participants;
  private final RoundRepository rounds;
  private final AnswerRepository answers;
  private final TallyRepository tallies;
  private final Recent<String, List<Round>> recent =
      new Recent<>(SaveFence.CACHE_MS, 10_000, System::currentTimeMillis);
  /** A closed round's results, which never change once stored: the feedback of every later save and page. */
  private final Recent<String, Optional<RoundResults>> stored =
      new Recent<>(60_000, 1_000, System::currentTimeMillis, Optional::isPresent);
  private final SaveFence fence;
  private final LiveSteps steps;
  private final Function<String, Future<Boolean>> ended;

  /**
   * @param ended whether a study's dialogue has ended (its outcome published), so that no further round opens
   * @param clock what saves' leases are measured by (a test's own clock)
   * @param peers whether other instances may be saving into the store
   */
  public RoundService(Vertx vertx, MongoClient mongo, Durability durability, StudyService studies,
      ParticipantRepository participants, RoundRepository rounds, AnswerRepository answers, TallyRepository tallies,
      Function<String, Future<Boolean>> ended, LongSupplier clock, Peers peers) {
    this.vertx = vertx;
    this.studies = studies;
    this.participants = participants;
    this.rounds = rounds;
    this.answers = answers;
    this.tallies = tallies;
    this.fence = new SaveFence(clock, peers);
    this.steps = new LiveSteps(mongo, durability, tallies);
    this.ended = ended;
  }

  /** Whether a study's dialogue has ended (its outcome published): no round opens after. */
  public Future<Boolean> ended(String studyId) {
    return ended.apply(studyId);
  }

  /** Opens the next round with the items the study's rule carries forward. */
  public Future<Round> open(String studyId) {
    return open(studyId, null);
  }

  /**
   * Opens the next round: round 1 asks every item, a later round the items the study's rule carries forward and
   * those added or reworded since; retired items never. With {@code closesAt} (in the future), the round closes by
   * itself then.
   */
  public Future<Round> open(String studyId, Instant closesAt) {
    Instant now = Instant.now();
    if (closesAt != null && !closesAt.isAfter(now)) {
      return Future.failedFuture(new Invalid("closesAt", "the deadline must lie in the future"));
    }
    if (closesAt != null && closesAt.isAfter(now.plus(LONGEST_ROUND))) {
      return Future.failedFuture(new Invalid("closesAt", "the deadline must lie within a year"));
    }
    return studies.stored(studyId).compose(stored -> ended.apply(studyId).compose(over -> over
        ? Future.<List<Round>>failedFuture(Conflict.worded("problem.round.ended"))
        : rounds.list(studyId)).compose(existing -> {
      Study study = stored.study();
      Optional<Round> open = existing.stream().filter(Round::open).findFirst();
      if (open.isPresent()) {
        return Future.failedFuture(Conflict.worded("problem.round.open", open.get().number()));
      }
      int number = existing.size() + 1;
      if (number > study.rounds().max()) {
        return Future.failedFuture(Conflict.worded("problem.round.max", study.rounds().max()));
      }
      if (number == 1 && !stored.missing().isEmpty()) {
        return Future.failedFuture(Conflict.worded(stored.missing(), "problem.round.incomplete",
            stored.missing().size()));
      }
      return nextItems(study, existing).compose(ids -> {
        Round round = new Round(studyId, number, true, ids, Instant.now().toString(), null,
            closesAt == null ? null : closesAt.toString());
        // The claim first: from it on the definition the items came from cannot change until the round is closed.
        return studies.claimRound(stored, number).compose(v -> rounds.insert(round))
            .onComplete(r -> recent.forget(studyId))
            // A study deleted and made again under its id opens its rounds anew: none of them is closing here.
            .onSuccess(v -> fence.reopened(studyId, number))
            .onSuccess(v -> announce(round.study(), round.number(), "open")).map(round);
      });
    }));
  }

  /**
   * The items the round after {@code held} asks: round 1 every item, a later round the items the study's rule
   * carries forward from the last one and those added or reworded since; {@link Conflict} when none is left.
   */
  public Future<List<String>> nextItems(Study study, List<Round> held) {
    int number = held.size() + 1;
    Future<List<String>> items = number == 1
        ? Future.succeededFuture(study.items().stream().filter(i -> !i.retired()).map(Item::id).toList())
        : results(study.id(), number - 1).map(last -> carried(study, last, number));
    return items.compose(ids -> ids.isEmpty()
        ? Future.failedFuture(Conflict.worded("problem.round.noItems", number - 1))
        : Future.succeededFuture(ids));
  }

  /**
   * Opens the next round of a study whose {@code rounds.opensAt} has come, unless a round is open, none is left, or a
   * round was opened at or after that time (by hand, or by another instance: opening is an insert under the round's
   * own id, so only one succeeds). Empty when there was nothing to open.
   */
  public Future<Optional<Round>> openScheduled(Study study) {
    Instant at = study.rounds().opensAt();
    return rounds.list(study.id()).compose(held -> {
      boolean due = at != null && !at.isAfter(Instant.now()) && held.stream().noneMatch(Round::open)
          && held.size() < study.rounds().max()
          && held.stream().noneMatch(r -> !Instant.parse(r.openedAt()).isBefore(at));
      return due ? open(study.id()).map(Optional::of) : Future.succeededFuture(Optional.<Round>empty());
    });
  }

  /** Closes a round and stores its results for good; closing a closed round answers its stored results. */
  public Future<RoundResults> close(String studyId, int number) {
    return round(studyId, number).compose(round -> {
      if (!round.open()) {
        return results(studyId, number);
      }
      String closedAt = Instant.now().toString();
      fence.closing(studyId, number);
      return rounds.markClosed(studyId, number, closedAt)
          .onFailure(e -> fence.reopened(studyId, number))
          .onComplete(r -> recent.forget(studyId))
          .onSuccess(v -> announce(studyId, number, "closed"))
          .compose(v -> fence.beforeCount(vertx, studyId, number))
          .compose(v -> computeAndKeep(round.closed(closedAt)));
    });
  }

  /** The event-bus address on which rounds opened and closed are announced: {@code {"study", "round", "status"}}. */
  public static final String ANNOUNCEMENTS = "kenes.rounds";

  private void announce(String study, int number, String status) {
    vertx.eventBus().publish(ANNOUNCEMENTS, new JsonObject().put("study", study).put("round", number).put("status", status));
  }

  /** The results of a round: stored if it is closed (computed and stored on first request), live if it is open. */
  public Future<RoundResults> results(String studyId, int number) {
    return stored.get(Round.key(studyId, number), k -> rounds.results(studyId, number)).compose(kept -> {
      if (kept.isPresent()) {
        return Future.succeededFuture(kept.get());
      }
      return round(studyId, number).compose(this::computeAndKeep);
    });
  }

  /** A round's results computed; a closed round's stored for good. */
  private Future<RoundResults> computeAndKeep(Round round) {
    Future<RoundResults> computed = compute(round);
    return round.open() ? computed
        : computed.compose(results -> rounds.saveResults(round.study(), round.number(), results).map(results));
  }

  public Future<Round> round(String studyId, int number) {
    return rounds.find(studyId, number)
        .compose(r -> r.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFound("study '" + studyId + "' has no round " + number))));
  }

  /** Lets go of what this instance remembers of a study's rounds and results (the study was deleted). */
  public void forget(String studyId) {
    recent.forget(studyId);
    stored.clear();
    answers.forget();
  }

  public Future<List<Round>> list(String studyId) {
    return studies.get(studyId).compose(s -> recentRounds(studyId));
  }

  /** The rounds of a study already at hand, as of a moment ago. */
  public Future<List<Round>> list(Study study) {
    return recentRounds(study.id());
  }

  /** A study's rounds, kept a moment: every save asks, and rounds open and close a few times a study. */
  private Future<List<Round>> recentRounds(String studyId) {
    return recent.get(studyId, rounds::list);
  }

  /**
   * Runs a save begun at {@code startedAt} (by {@link SaveFence#now}) on a round read open, under a lease: a close
   * counts it if it is acknowledged, and a save this instance begins once it is closing the round is refused
   * ({@link SaveFence}).
   */
  public <T> Future<T> withinOpen(Round round, long startedAt, Function<SaveFence.Lease, Future<T>> save) {
    return fence.run(round, startedAt, save);
  }

  /** The fence between saves and closes. */
  public SaveFence fence() {
    return fence;
  }

  /** Closes every open round whose deadline has passed; safe when several instances do it at once. */
  public Future<List<Round>> closeDue() {
    return rounds.due(System.currentTimeMillis()).compose(due -> {
      Future<List<Round>> chain = Future.succeededFuture(new ArrayList<>());
      for (Round r : due) {
        chain = chain.compose(closed -> close(r.study(), r.number()).map(results -> {
          closed.add(r);
          return closed;
        }));
      }
      return chain;
    });
  }

  /** The open round of a study, if any, as of at most {@link SaveFence#CACHE_MS} ago. */
  public Future<Optional<Round>> openRound(String studyId) {
    return recentRounds(studyId).map(all -> all.stream().filter(Round::open).findFirst());
  }

  /**
   * Live results come from the tallies saves keep in the store, in O(items × scale points); a closed round's come
   * from its answers, which also rewrites its tallies exactly, with the anonymous comments.
   */
  private Future<RoundResults> compute(Round round) {
    String studyId = round.study();
    return Future.all(studies.get(studyId), rounds.list(studyId)).compose(loaded -> {
      Study study = loaded.resultAt(0);
      Map<String, Integer> lastAsked = EarlierRounds.lastAsked(study, round, loaded.resultAt(1));
      return round.open() ? live(study, round, lastAsked) : closed(study, round, lastAsked);
    });
  }

  private Future<RoundResults> analyse(RoundAnalysis.Input in) {
    return vertx.executeBlocking(() -> RoundAnalysis.analyse(in), false);
  }

  /**
   * An open round's results: the response counts live, the statistics as the panels' last steps have them
   * ({@link LiveSteps}), with {@code counted}, the submitted answer sets they count.
   */
  private Future<RoundResults> live(Study study, Round round, Map<String, Integer> lastAsked) {
    return Future.all(participants.countByPanel(study.id()), steps.view(study, round.number()),
            previous(study, lastAsked))
        .compose(all -> {
          LiveSteps.View view = all.resultAt(1);
          RoundTallies stepped = RoundCounters.tallies(study, round.items(), view.counters());
          Map<String, Long> responded = RoundCounters.tallies(study, List.of(), view.live()).responded();
          return analyse(new RoundAnalysis.Input(study, round.number(), round.items(),
                  new RoundTallies(stepped.ratings(), stepped.pairs(), stepped.rankings(), stepped.open(), responded),
                  all.resultAt(0), all.resultAt(2), null, true))
              .map(results -> results.counting(view.counted()));
        });
  }

  /**
   * The answer sets of a round that a facilitator's views count: a closed round's every one; an open round's, per
   * panel, the first submitted, as many as its statistics count ({@link LiveSteps}), so that what else shows an open
   * round's answers (opinion groups, open answers, the export) moves with its statistics. The steps are read before
   * the sets, so that the sets read hold at least as many as the steps count.
   */
  public Future<List<AnswerSet>> counted(Round round) {
    if (!round.open()) {
      return answers.list(round.study(), round.number());
    }
    return studies.get(round.study()).compose(study -> steps.view(study, round.number()))
        .compose(view -> Future.all(answers.list(round.study(), round.number()),
                answers.withdrawals(round.study(), round.number()))
            .map(all -> view.counted(all.resultAt(0), all.resultAt(1))));
  }

  /** Every answer set of a study that a facilitator's views count ({@link #counted(Round)}), round by round. */
  public Future<List<AnswerSet>> counted(String studyId) {
    return rounds.list(studyId).compose(all -> Future.all(all.stream().map(this::counted).toList()))
        .map(all -> all.<List<AnswerSet>>list().stream().flatMap(List::stream).toList());
  }

  /**
   * A closed round's results from its answers. The earlier rounds' figures are read while the answers are, and the
   * round's tallies are rewritten from the count while it is analysed. A real-time round (one round, none earlier)
   * compares its final ratings with its first ones instead ({@link FirstRatings}).
   */
  private Future<RoundResults> closed(Study study, Round round, Map<String, Integer> lastAsked) {
    Future<Map<Integer, List<AnswerSet>>> earlierSets = EarlierRounds.load(lastAsked, n -> answers.list(study.id(), n));
    FirstRatings firsts = study.realTime() ? new FirstRatings(study, round.items()) : null;
    Future<Map<String, RoundAnalysis.Previous>> earlier = firsts != null ? null : previous(study, lastAsked);
    // The count's moment is marked while the rest is read: the count itself begins after it.
    Future<Instant> countedAt = rounds.markCounted(study.id(), round.number());
    return Future.all(participants.countByPanel(study.id()), earlierSets, countedAt).compose(all -> {
      RoundCounters.Count counters = new RoundCounters.Count(study, round.items(), firsts != null ? firsts::of
          : RoundCounters.previousRatings(lastAsked, all.resultAt(1)));
      RoundAnalysis.Texts.Collected texts = new RoundAnalysis.Texts.Collected(round.items());
      // Every answer of the round written before the count, a page at a time on a worker while the next is read.
      return answers.scan(study.id(), round.number(), countedAt.result(), sets -> {
            if (firsts != null) {
              firsts.add(sets);
            }
            counters.add(sets);
            texts.add(sets);
          })
          .compose(v -> {
            Future<Void> tallied = tallies.replace(study.id(), round.number(), study.panelIds(), counters.byPanel());
            Future<Map<String, RoundAnalysis.Previous>> previous = firsts != null
                ? Future.succeededFuture(firsts.previous(round.number())) : earlier;
            return previous.compose(before -> analyse(new RoundAnalysis.Input(study, round.number(), round.items(),
                    RoundCounters.tallies(study, round.items(), counters.byPanel()), all.resultAt(0), before,
                    texts.texts(), false)))
                .compose(results -> tallied.map(results));
          });
    });
  }

  /** Each item's overall ratings in the round it was last asked in, from that closed round's tallies. */
  private Future<Map<String, RoundAnalysis.Previous>> previous(Study study, Map<String, Integer> lastAsked) {
    return EarlierRounds.load(lastAsked, n -> tallies.read(study.id(), n))
        .map(byRound -> RoundAnalysis.previous(study, lastAsked, byRound));
  }

  /**
   * The items round {@code number} asks: those the study's carry-forward rule takes from the last round's results,
   * and every item added or reworded since (its {@code since} is this round); never a retired one. In study order.
   */
  static List<String> carried(Study study, RoundResults last, int number) {
    Set<String> ids = new HashSet<>();
    for (ItemResult result : last.items()) {
      Item item = study.item(result.id()).orElse(null);
      if (item != null && carries(study.rounds().carryForward(), result)) {
        ids.add(item.id());
      }
    }
    study.items().stream().filter(item -> item.since() == number).forEach(item -> ids.add(item.id()));
    return study.items().stream().filter(item -> !item.retired() && ids.contains(item.id())).map(Item::id).toList();
  }

  private static boolean carries(CarryForward rule, ItemResult result) {
    if (result instanceof ItemResult.Rating rating) {
      return rule != CarryForward.NO_CONSENSUS || !rating.verdict().decided();
    }
    return result instanceof ItemResult.Ranking && rule == CarryForward.ALL;
  }
}
