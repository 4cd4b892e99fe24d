package org.kenes.panelist;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.round.EarlierRounds;
import org.kenes.round.ItemResult;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.round.RoundService;
import org.kenes.study.Study;

/** The group feedback a round's questionnaire shows, and a save of it checks reasons against. */
final class GroupFeedback {

  private final RoundService rounds;
  private final LiveFeedback live;

  GroupFeedback(RoundService rounds) {
    this.rounds = rounds;
    this.live = new LiveFeedback(rounds);
  }

  /**
   * Group feedback for each rating or ranking item of the round that an earlier closed round asked: that round's
   * results for the item (panels under minCell suppressed already; the whole group too while it is under minCell), the
   * panelist's own answer then (none for a preview's {@code participant} null), read from {@code sets} (a pilot's
   * own), and the anonymous comments. Open items have no statistics to feed back. A real-time study feeds back its
   * open round's figures so far instead ({@link LiveFeedback}).
   */
  Future<Map<String, Feedback>> of(Study study, Round round, String participant, AnswerRepository sets) {
    if (study.realTime()) {
      return live.of(study, round, participant, sets);
    }
    return rounds.list(study).compose(all -> {
      Map<String, Integer> lastAsked = EarlierRounds.lastAsked(study, round, all);
      return EarlierRounds.load(lastAsked, n -> Future.all(rounds.results(study.id(), n), participant == null
              ? Future.succeededFuture(Optional.<AnswerSet>empty()) : sets.find(study.id(), n, participant)))
          .map(loaded -> {
            Map<String, Feedback> feedback = new HashMap<>();
            loaded.forEach((n, pair) -> {
              RoundResults results = pair.resultAt(0);
              Optional<AnswerSet> mine = pair.resultAt(1);
              results.items().stream()
                  .filter(r -> n.equals(lastAsked.get(r.id())) && !(r instanceof ItemResult.Open))
                  .forEach(r -> feedback.put(r.id(), Feedback.of(study, n, r, mine)));
            });
            return feedback;
          });
    });
  }
}
