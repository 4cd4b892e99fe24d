package org.kenes.report;

import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.round.RoundService;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * Attrition and non-response bias across a study's closed rounds ({@link AttritionAnalysis}): read from the rounds'
 * answer sets and typed results, analysed on a worker thread; with how many withdrew in each round.
 */
public final class AttritionService {

  private final Vertx vertx;
  private final StudyService studies;
  private final RoundService rounds;
  private final AnswerRepository answers;
  private final ParticipantRepository participants;

  public AttritionService(Vertx vertx, StudyService studies, RoundService rounds, AnswerRepository answers,
      ParticipantRepository participants) {
    this.vertx = vertx;
    this.studies = studies;
    this.rounds = rounds;
    this.answers = answers;
    this.participants = participants;
  }

  public Future<JsonObject> attrition(String studyId) {
    return Future.all(studies.get(studyId), rounds.list(studyId), participants.list(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      List<Round> held = all.resultAt(1);
      List<Round> closed = held.stream().filter(r -> !r.open()).toList();
      JsonObject withdrawn = withdrawn(held, all.resultAt(2));
      return Future.all(Future.all(closed.stream().map(r -> answers.list(studyId, r.number())).toList()),
              Future.all(closed.stream().map(r -> rounds.results(studyId, r.number())).toList()))
          .compose(both -> vertx.executeBlocking(() -> AttritionAnalysis.of(study, closed,
              both.<CompositeFuture>resultAt(0).<List<AnswerSet>>list(),
              both.<CompositeFuture>resultAt(1).<RoundResults>list()), false))
          .map(json -> json.put("withdrawn", withdrawn));
    });
  }

  /**
   * How many withdrew in each round: from its opening to the next one's (before the first round, in the first), by
   * round number. A count of the whole study, never per panel.
   */
  static JsonObject withdrawn(List<Round> held, List<Participant> people) {
    JsonObject out = new JsonObject();
    held.forEach(r -> out.put(String.valueOf(r.number()), 0L));
    for (Participant p : people) {
      if (p.withdrawnAt() == null || held.isEmpty()) {
        continue;
      }
      Round in = held.get(0);
      for (Round r : held) {
        if (r.openedAt() != null && Instant.parse(r.openedAt()).compareTo(Instant.parse(p.withdrawnAt())) <= 0) {
          in = r;
        }
      }
      String key = String.valueOf(in.number());
      out.put(key, out.getLong(key) + 1);
    }
    return out;
  }
}
