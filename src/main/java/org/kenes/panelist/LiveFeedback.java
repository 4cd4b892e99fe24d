package org.kenes.panelist;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.NotFound;
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

  LiveFeedback(RoundService rounds) {
    this.rounds = rounds;
  }

  /**
   * By item, for a panelist whose sets are kept in {@code sets} ({@code participant} null, as a preview: none). A
   * pilot trying the next round before it opens sees nothing: no figures of that round exist yet.
   */
  Future<Map<String, Feedback>> of(Study study, Round round, String participant, AnswerRepository sets) {
    if (participant == null) {
      return Future.succeededFuture(Map.of());
    }
    Future<Optional<RoundResults>> figures = rounds.results(study.id(), round.number()).map(Optional::of)
        .recover(e -> e instanceof NotFound ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    return Future.all(figures, sets.find(study.id(), round.number(), participant))
        .map(all -> {
          Optional<RoundResults> results = all.resultAt(0);
          Optional<AnswerSet> mine = all.resultAt(1);
          Map<String, Answer> now = mine.map(AnswerSet::answers).orElse(Map.of());
          Map<String, Feedback> feedback = new HashMap<>();
          results.map(RoundResults::items).orElse(List.of()).stream()
              .filter(r -> !(r instanceof ItemResult.Open) && answered(now.get(r.id())))
              .forEach(r -> feedback.put(r.id(), Feedback.live(study, round.number(), r, now.get(r.id()))));
          return feedback;
        });
  }

  private static boolean answered(Answer answer) {
    return answer instanceof Answer.Rating r ? r.rated()
        : answer instanceof Answer.Ranking k && !k.order().isEmpty();
  }
}
