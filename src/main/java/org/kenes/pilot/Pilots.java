package org.kenes.pilot;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerReader;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Invalid;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundAnalysis;
import org.kenes.round.RoundCounters;
import org.kenes.round.RoundResults;
import org.kenes.round.RoundService;
import org.kenes.round.RoundTallies;
import org.kenes.store.Durability;
import org.kenes.study.Item;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * What a study's pilot participants answered, for its facilitators alone: their sets by round, and what the
 * feedback of each round would say if only they had answered it. Their sets are kept apart ({@link
 * AnswerRepository#pilot}), so nothing else ever reads them.
 */
public final class Pilots {

  /**
   * A round the pilots answered: the real one while or after it was held, or the one they tried before it opened.
   *
   * @param held  whether the round has opened for real
   * @param items the items it asks (for a round not held, as opening it now would choose them)
   * @param results the round's results as the analysis would give them from the pilots' submitted sets alone
   */
  public record PilotRound(int round, boolean held, List<String> items, List<AnswerSet> sets,
      RoundResults results) {}

  /** A study's pilots and their rounds. */
  public record View(Study study, List<Participant> pilots, List<PilotRound> rounds) {}

  private final StudyService studies;
  private final ParticipantRepository participants;
  private final RoundService rounds;
  private final AnswerRepository pilotSets;
  private final Durability durability;

  public Pilots(StudyService studies, ParticipantRepository participants, RoundService rounds,
      AnswerRepository pilotSets, Durability durability) {
    this.studies = studies;
    this.participants = participants;
    this.rounds = rounds;
    this.pilotSets = pilotSets;
    this.durability = durability;
  }

  public Future<View> view(String studyId) {
    return studies.get(studyId).compose(study -> Future.all(participants.list(studyId), rounds.list(study),
            pilotSets.list(studyId))
        .compose(all -> {
          List<Participant> pilots = all.<List<Participant>>resultAt(0).stream().filter(Participant::pilot).toList();
          List<Round> held = all.resultAt(1);
          Map<Integer, List<AnswerSet>> byRound = all.<List<AnswerSet>>resultAt(2).stream()
              .collect(Collectors.groupingBy(AnswerSet::round, TreeMap::new, Collectors.toList()));
          Future<List<String>> next = held.size() >= study.rounds().max() ? Future.succeededFuture(List.of())
              : rounds.nextItems(study, held);
          return next.map(nextItems -> {
            List<PilotRound> out = new ArrayList<>();
            byRound.forEach((n, sets) -> {
              Optional<Round> round = held.stream().filter(r -> r.number() == n).findFirst();
              List<String> items = round.map(Round::items).orElse(n == held.size() + 1 ? nextItems
                  : study.items().stream().map(Item::id).toList());
              List<AnswerSet> fitting = sets.stream().map(set -> fitting(study, items, set)).toList();
              out.add(new PilotRound(n, round.isPresent(), items, fitting, results(study, n, items, fitting, pilots)));
            });
            return new View(study, pilots, out);
          });
        }));
  }

  /**
   * Deletes every pilot answer of a study, at any time (they count nowhere, so no figure moves): typically before
   * round 1 opens, so that the pilots start it afresh. Answers how many sets went.
   */
  public Future<Long> clear(String studyId) {
    return studies.get(studyId).compose(study -> pilotSets.deleteAll(studyId))
        .compose(n -> durability.sync().map(n));
  }

  /**
   * A pilot's set without the answers the study no longer takes: a round tried before it opened was answered under
   * the definition of the moment, which piloting is there to change (an item removed, the scale shortened).
   */
  private static AnswerSet fitting(Study study, List<String> items, AnswerSet set) {
    Map<String, Answer> kept = new LinkedHashMap<>();
    set.answers().forEach((item, answer) -> {
      try {
        AnswerReader.read(study, items, new JsonObject().put("answers", new JsonObject().put(item,
            AnswerJson.toJson(answer))));
        kept.put(item, answer);
      } catch (Invalid e) {
        // Left out: it no longer fits the questionnaire.
      }
    });
    return new AnswerSet(set.study(), set.round(), set.participant(), set.panel(), kept, set.submitted(),
        set.updatedAt(), set.submittedAt());
  }

  /**
   * The round's results from the pilots' sets alone, through the same counters and analysis as a real round's, with
   * the pilots as the invited; a set of an item no longer in the study is left out.
   */
  private static RoundResults results(Study study, int round, List<String> asked, List<AnswerSet> sets,
      List<Participant> pilots) {
    List<String> items = asked.stream().filter(i -> study.item(i).isPresent()).toList();
    Map<String, Long> invited = new TreeMap<>(pilots.stream().filter(p -> !p.withdrawn())
        .collect(Collectors.groupingBy(Participant::panel, Collectors.counting())));
    RoundTallies tallies = RoundCounters.tallies(study, items, RoundCounters.of(study, items, sets, p -> Map.of()));
    return RoundAnalysis.analyse(new RoundAnalysis.Input(study, round, items, tallies, invited, Map.of(),
        RoundAnalysis.Texts.of(items, sets), true));
  }
}
