package org.kenes.panelist;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.round.ItemResult;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.round.RoundService;
import org.kenes.study.Study;

/**
 * A real-time study's feedback: on each rating or ranking item a panelist has answered, the open round's figures so
 * far. They are the figures a facilitator sees of the open round, which move only in steps of at least minCell
 * submissions per panel and suppress small panels, so that watching them around one person's save shows nothing of
 * that person's answer.
 */
final class LiveFeedback {

  private final RoundService rounds;
  private final AnswerRepository answers;

  LiveFeedback(RoundService rounds, AnswerRepository answers) {
    this.rounds = rounds;
    this.answers = answers;
  }

  /** By item, for a panelist ({@code participant} null, as a preview: none). */
  Future<Map<String, Feedback>> of(Study study, Round round, String participant) {
    if (participant == null) {
      return Future.succeededFuture(Map.of());
    }
    return Future.all(rounds.results(study.id(), round.number()),
            answers.find(study.id(), round.number(), participant))
        .map(all -> {
          RoundResults results = all.resultAt(0);
          Optional<AnswerSet> mine = all.resultAt(1);
          Map<String, Answer> now = mine.map(AnswerSet::answers).orElse(Map.of());
          Map<String, Feedback> feedback = new HashMap<>();
          results.items().stream().filter(r -> !(r instanceof ItemResult.Open) && answered(now.get(r.id())))
              .forEach(r -> feedback.put(r.id(), Feedback.live(study, round.number(), r, now.get(r.id()))));
          return feedback;
        });
  }

  private static boolean answered(Answer answer) {
    return answer instanceof Answer.Rating r ? r.rated()
        : answer instanceof Answer.Ranking k && !k.order().isEmpty();
  }
}
