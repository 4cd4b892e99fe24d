package org.kenes.change;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.account.Actor;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Problem;
import org.kenes.participant.PseudonymKeys;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.store.Durability;
import org.kenes.study.Item;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyRepository;
import org.kenes.study.StudyService;

/**
 * Items changed between rounds: added (from open answers, say), reworded, merged or retired, each with its
 * provenance. The stored definition changes with them (so the questionnaire, statistics and reports read one
 * definition), and the changes log says what changed, when, by whom and why.
 */
public final class ChangeService {

  private final StudyService studies;
  private final RoundService rounds;
  private final AnswerRepository answers;
  private final ChangeRepository changes;
  private final PseudonymKeys pseudonyms;

  public ChangeService(MongoClient mongo, Durability durability, StudyService studies, RoundService rounds,
      AnswerRepository answers, PseudonymKeys pseudonyms) {
    this.studies = studies;
    this.rounds = rounds;
    this.answers = answers;
    this.changes = new ChangeRepository(mongo, durability);
    this.pseudonyms = pseudonyms;
  }

  public Future<List<Change>> changes(String studyId) {
    return studies.get(studyId).compose(s -> changes.list(studyId));
  }

  /** The open-item texts of round n, anonymous; of an open round, those its statistics count. */
  public Future<JsonObject> openAnswers(String studyId, int n) {
    // The study first: a secret is made only for a study that exists.
    return studies.get(studyId).compose(study -> Future.all(rounds.round(studyId, n), counted(studyId, n),
            pseudonyms.of(studyId))
        .map(all -> OpenAnswers.of(study, n, all.<Round>resultAt(0).items(), all.resultAt(1), all.resultAt(2))));
  }

  /** The texts of round n's open answers by id, for the sources of changes; ids an earlier Kenes gave them too. */
  public Future<Map<String, String>> answerTexts(String studyId, int n) {
    return studies.get(studyId).compose(study -> Future.all(counted(studyId, n), pseudonyms.of(studyId)))
        .map(all -> OpenAnswers.texts(all.resultAt(0), all.resultAt(1)));
  }

  private Future<List<AnswerSet>> counted(String studyId, int n) {
    return rounds.round(studyId, n).compose(rounds::counted);
  }

  /**
   * Adds an item, asked from the next round. {@code merged} and {@code reworded} retire the items in
   * {@code provenance.from}; {@code added} may name open answers or items there. Adding the same item again changes
   * nothing; another item under a taken id is a {@link Conflict}.
   */
  public Future<Item> add(String studyId, JsonObject body, Actor actor) {
    return between(studyId).compose(state -> Future.all(answers.list(studyId), pseudonyms.of(studyId))
        .compose(all -> {
      Study study = state.stored().study();
      List<Problem> problems = new ArrayList<>();
      JsonObject itemJson = body.copy();
      Provenance provenance = Provenance.read(itemJson.remove("provenance"), Set.of("added", "reworded", "merged"), problems);
      for (String field : List.of("since", "retired")) {
        if (itemJson.containsKey(field)) {
          problems.add(new Problem(field, "set by Kenes, not by the request"));
          itemJson.remove(field);
        }
      }
      Set<String> answerIds = OpenAnswers.ids(all.resultAt(0), all.resultAt(1));
      if (provenance != null && provenance.change() != null) {
        ItemRequests.checkFrom(study, provenance, answerIds, problems);
      }
      Item item = problems.isEmpty() ? ItemRequests.readItem(study, itemJson.put("since", state.next()), problems) : null;
      if (!problems.isEmpty()) {
        throw new Invalid("the item cannot be added", problems);
      }
      Item existing = study.item(item.id()).orElse(null);
      if (existing != null && !ItemRequests.sameQuestion(existing, item)) {
        throw new Conflict("an item '" + item.id() + "' exists");
      }
      List<Item> items = new ArrayList<>();
      for (Item i : study.items()) {
        boolean source = !"added".equals(provenance.change()) && provenance.from().contains(i.id());
        items.add(source ? i.retire() : i);
      }
      if (existing == null) {
        items.add(item);
      }
      String at = Instant.now().toString();
      List<Change> log = new ArrayList<>();
      log.add(new Change(studyId, item.id(), provenance.change(), state.held(), state.next(), provenance.from(),
          provenance.note(), item.text().values(), actor.name(), at));
      if (!"added".equals(provenance.change())) {
        provenance.from().forEach(from -> log.add(new Change(studyId, from, "retired", state.held(), state.next(),
            List.of(item.id()), provenance.change() + " into " + item.id() + ": " + provenance.note(), null, actor.name(), at)));
      }
      return save(state.stored(), study.withItems(items), log).map(item);
    }));
  }

  /**
   * Rewords an item (its new text is asked from the next round, compared with nothing before) or retires it (never
   * asked again): {@code {"text": ..., "provenance": {"change": "reworded"}}} or
   * {@code {"provenance": {"change": "retired"}}}.
   */
  public Future<Item> update(String studyId, String itemId, JsonObject body, Actor actor) {
    return between(studyId).map(state -> {
      Study study = state.stored().study();
      Item item = study.item(itemId).orElseThrow(() -> new NotFound("study '" + studyId + "' has no item '" + itemId + "'"));
      List<Problem> problems = new ArrayList<>();
      JsonObject request = body.copy();
      Provenance provenance = Provenance.read(request.remove("provenance"), Set.of("reworded", "retired"), problems);
      request.fieldNames().stream().filter(k -> !Set.of("text", "options", "retired").contains(k)).sorted()
          .forEach(k -> problems.add(new Problem(k, "unknown field (only text, options and retired change here)")));
      boolean retire = provenance != null && "retired".equals(provenance.change());
      if (Boolean.TRUE.equals(request.getValue("retired")) != retire && request.containsKey("retired")) {
        problems.add(new Problem("retired", "retired: true goes with provenance.change \"retired\""));
      }
      Item changed = null;
      if (problems.isEmpty() && !retire) {
        if (!request.containsKey("text")) {
          problems.add(new Problem("text", "required to reword"));
        } else {
          JsonObject json = StudyFormat.item(item).put("text", request.getValue("text")).put("since", state.next());
          json.remove("retired");
          if (request.containsKey("options")) {
            json.put("options", request.getValue("options"));
          }
          changed = ItemRequests.readItem(study.withItems(study.items().stream().filter(i -> !i.id().equals(itemId)).toList()),
              json, problems);
        }
      }
      if (!problems.isEmpty()) {
        throw new Invalid("the item cannot be changed", problems);
      }
      if (item.retired() && !retire) {
        throw new Conflict("item '" + itemId + "' is retired");
      }
      return new Edit(state, item, retire ? item.retire() : changed, provenance);
    }).compose(edit -> {
      State state = edit.state();
      Item before = edit.before();
      Item after = edit.after();
      Provenance provenance = edit.provenance();
      Study study = state.stored().study();
      boolean unchanged = provenance.change().equals("retired") ? before.retired()
          : ItemRequests.sameQuestion(before, after) && before.since() == after.since();
      List<Item> items = study.items().stream().map(i -> i.id().equals(itemId) ? after : i).toList();
      Change change = new Change(studyId, itemId, provenance.change(), state.held(), state.next(), provenance.from(),
          provenance.note(), "retired".equals(provenance.change()) ? null : after.text().values(), actor.name(),
          Instant.now().toString());
      return (unchanged ? changes.record(List.of(change)) : save(state.stored(), study.withItems(items), List.of(change)))
          .map(after);
    });
  }

  /** The study's definition first, then the log: a retried request finds the item changed and completes the log. */
  private Future<Void> save(StudyRepository.Stored stored, Study changed, List<Change> log) {
    return studies.update(changed, stored).compose(v -> changes.record(log));
  }

  /** Where the study stands: items change only while no round is open, and only if a round is left to ask them. */
  private record State(StudyRepository.Stored stored, int held) {
    int next() {
      return held + 1;
    }
  }

  private record Edit(State state, Item before, Item after, Provenance provenance) {}

  private Future<State> between(String studyId) {
    return Future.all(studies.stored(studyId), rounds.list(studyId)).compose(all -> {
      StudyRepository.Stored stored = all.resultAt(0);
      List<Round> held = all.resultAt(1);
      Round open = held.stream().filter(Round::open).findFirst().orElse(null);
      if (open != null) {
        return Future.failedFuture(new Conflict("round " + open.number() + " is open: items change between rounds"));
      }
      // The rounds at hand may be a moment old; the study itself says whether a round has been opened since.
      if (stored.roundsOpened() != null && stored.roundsOpened() > held.size()) {
        return Future.failedFuture(new Conflict("round " + stored.roundsOpened() + " is being opened: items change "
            + "between rounds"));
      }
      if (held.size() >= stored.study().rounds().max()) {
        return Future.failedFuture(new Conflict("the study has had its " + stored.study().rounds().max()
            + " rounds: no round is left to ask a changed item in"));
      }
      return Future.succeededFuture(new State(stored, held.size()));
    });
  }
}
