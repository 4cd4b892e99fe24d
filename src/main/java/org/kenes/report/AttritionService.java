package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * Attrition and non-response bias across a study's closed rounds ({@link AttritionAnalysis}): read from the rounds'
 * answer sets, analysed on a worker thread.
 */
public final class AttritionService {

  private final Vertx vertx;
  private final StudyService studies;
  private final RoundService rounds;
  private final AnswerRepository answers;

  public AttritionService(Vertx vertx, StudyService studies, RoundService rounds, AnswerRepository answers) {
    this.vertx = vertx;
    this.studies = studies;
    this.rounds = rounds;
    this.answers = answers;
  }

  public Future<JsonObject> attrition(String studyId) {
    return Future.all(studies.get(studyId), rounds.list(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      List<Round> closed = all.<List<Round>>resultAt(1).stream().filter(r -> !r.open()).toList();
      return Future.all(closed.stream().map(r -> answers.list(studyId, r.number())).toList())
          .compose(sets -> vertx.executeBlocking(() -> AttritionAnalysis.of(study, closed,
              sets.<List<AnswerSet>>list()), false));
    });
  }
}
