package org.kenes.round;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.kenes.answer.AnswerRepository;
import org.kenes.common.Conflict;
import org.kenes.common.NotFound;
import org.kenes.consensus.Verdict;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.study.CarryForward;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/** Opens and closes rounds and answers their results: stored once a round is closed, live while it is open. */
public final class RoundService {

  private final Vertx vertx;
  private final StudyService studies;
  private final ParticipantRepository participants;
  private final RoundRepository rounds;
  private final AnswerRepository answers;

  public RoundService(Vertx vertx, StudyService studies, ParticipantRepository participants, RoundRepository rounds,
      AnswerRepository answers) {
    this.vertx = vertx;
    this.studies = studies;
    this.participants = participants;
    this.rounds = rounds;
    this.answers = answers;
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
    if (closesAt != null && !closesAt.isAfter(Instant.now())) {
      return Future.failedFuture(new org.kenes.common.Invalid("closesAt", "the deadline must lie in the future"));
    }
    return studies.get(studyId).compose(study -> rounds.list(studyId).compose(existing -> {
      Optional<Round> open = existing.stream().filter(Round::open).findFirst();
      if (open.isPresent()) {
        return Future.failedFuture(new Conflict("round " + open.get().number() + " is open; close it first"));
      }
      int number = existing.size() + 1;
      if (number > study.rounds().max()) {
        return Future.failedFuture(new Conflict("the study has had its " + study.rounds().max() + " rounds"));
      }
      Future<List<String>> items = number == 1
          ? Future.succeededFuture(study.items().stream().filter(i -> !i.retired()).map(Item::id).toList())
          : results(studyId, number - 1).map(last -> carried(study, last, number));
      return items.compose(ids -> {
        if (ids.isEmpty()) {
          return Future.failedFuture(new Conflict("no item is left to ask: every item was decided in round "
              + (number - 1)));
        }
        Round round = new Round(studyId, number, true, ids, Instant.now().toString(), null,
            closesAt == null ? null : closesAt.toString());
        return rounds.insert(round).onSuccess(v -> announce(round.study(), round.number(), "open")).map(round);
      });
    }));
  }

  /** Closes a round and stores its results for good; closing a closed round answers its stored results. */
  public Future<JsonObject> close(String studyId, int number) {
    return round(studyId, number).compose(round -> round.open()
        ? rounds.markClosed(studyId, number, Instant.now().toString())
            .onSuccess(v -> announce(studyId, number, "closed")).compose(v -> results(studyId, number))
        : results(studyId, number));
  }

  /** The event-bus address on which rounds opened and closed are announced: {@code {"study", "round", "status"}}. */
  public static final String ANNOUNCEMENTS = "kenes.rounds";

  private void announce(String study, int number, String status) {
    vertx.eventBus().publish(ANNOUNCEMENTS, new JsonObject().put("study", study).put("round", number).put("status", status));
  }

  /** The results of a round: stored if it is closed (computed and stored on first request), live if it is open. */
  public Future<JsonObject> results(String studyId, int number) {
    return round(studyId, number).compose(round -> rounds.results(studyId, number).compose(stored -> {
      if (stored.isPresent()) {
        return Future.succeededFuture(stored.get());
      }
      Future<JsonObject> computed = compute(round);
      return round.open() ? computed
          : computed.compose(results -> rounds.saveResults(studyId, number, results).map(results));
    }));
  }

  public Future<Round> round(String studyId, int number) {
    return rounds.find(studyId, number)
        .compose(r -> r.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFound("study '" + studyId + "' has no round " + number))));
  }

  public Future<List<Round>> list(String studyId) {
    return studies.get(studyId).compose(s -> rounds.list(studyId));
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

  /** The open round of a study, if any. */
  public Future<Optional<Round>> openRound(String studyId) {
    return rounds.list(studyId).map(all -> all.stream().filter(Round::open).findFirst());
  }

  private Future<JsonObject> compute(Round round) {
    String studyId = round.study();
    return Future.all(studies.get(studyId), participants.list(studyId), answers.list(studyId, round.number()),
            rounds.list(studyId))
        .compose(all -> {
          Study study = all.resultAt(0);
          List<Participant> people = all.resultAt(1);
          Map<String, Integer> lastAsked = lastAsked(study, round, all.resultAt(3));
          List<Integer> earlier = new ArrayList<>(new TreeSet<>(lastAsked.values()));
          return Future.all(earlier.stream().map(n -> answers.list(studyId, n)).toList()).compose(previous -> {
            Map<String, RoundAnalysis.Previous> previousByItem = new HashMap<>();
            lastAsked.forEach((item, n) -> previousByItem.put(item,
                new RoundAnalysis.Previous(n, previous.resultAt(earlier.indexOf(n)))));
            Map<String, Long> invited = new HashMap<>();
            people.forEach(p -> invited.merge(p.panel(), 1L, Long::sum));
            RoundAnalysis.Input input = new RoundAnalysis.Input(study, round.number(), round.items(),
                all.resultAt(2), invited, previousByItem, round.open());
            return vertx.executeBlocking(() -> RoundAnalysis.analyse(input), false);
          });
        });
  }

  /**
   * For each item of the round asked before in its present wording, the latest earlier round that asked it: a
   * reworded item is a new question, compared with nothing before its rewording.
   */
  public static Map<String, Integer> lastAsked(Study study, Round round, List<Round> all) {
    Map<String, Integer> last = new HashMap<>();
    for (Round r : all) {
      if (r.number() < round.number()) {
        r.items().stream().filter(round.items()::contains)
            .filter(item -> r.number() >= study.item(item).map(Item::since).orElse(1))
            .forEach(item -> last.put(item, r.number()));
      }
    }
    return last;
  }

  /**
   * The items round {@code number} asks: those the study's carry-forward rule takes from the last round's results,
   * and every item added or reworded since (its {@code since} is this round); never a retired one. In study order.
   */
  static List<String> carried(Study study, JsonObject last, int number) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    JsonArray items = last.getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      JsonObject result = items.getJsonObject(i);
      Item item = study.item(result.getString("id")).orElse(null);
      if (item != null && carries(study.rounds().carryForward(), item, result)) {
        ids.add(item.id());
      }
    }
    study.items().stream().filter(item -> item.since() == number).forEach(item -> ids.add(item.id()));
    return study.items().stream().filter(item -> !item.retired() && ids.contains(item.id())).map(Item::id).toList();
  }

  private static boolean carries(CarryForward rule, Item item, JsonObject result) {
    if (item.type() == ItemType.OPEN) {
      return false;
    }
    if (item.type() == ItemType.RANKING) {
      return rule == CarryForward.ALL;
    }
    if (rule != CarryForward.NO_CONSENSUS) {
      return true;
    }
    String verdict = result.getJsonObject("overall").getString("verdict");
    return !Verdict.CONSENSUS_IN.key().equals(verdict) && !Verdict.CONSENSUS_OUT.key().equals(verdict);
  }
}
