package org.kenes.round;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.answer.AnswerSet;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * A real-time round's first ratings, counted while its answers are: to its final ratings they are what an earlier
 * round's are to a round's, so that the round's stability is measured from first to final answers (README,
 * "mode") by the same rules and tests.
 */
final class FirstRatings {

  private final Study study;
  private final List<String> items;
  private final RoundCounters.Count count;
  private final Map<String, Map<String, Integer>> byParticipant = new HashMap<>();

  FirstRatings(Study study, List<String> items) {
    this.study = study;
    this.items = items;
    this.count = new RoundCounters.Count(study, items, participant -> Map.of());
  }

  /** Counts the first ratings of a batch of sets; a set not submitted counts nowhere, as its answers do not. */
  void add(List<AnswerSet> sets) {
    count.add(sets.stream().map(AnswerSet::firstAnswers).toList());
    for (AnswerSet set : sets) {
      Map<String, Integer> values = new HashMap<>();
      set.first().forEach((item, rating) -> {
        if (rating.value() != null) {
          values.put(item, rating.value());
        }
      });
      byParticipant.put(set.participant(), values);
    }
  }

  /** A participant's first valid ratings, by item, for the paired differences. */
  Map<String, Integer> of(String participant) {
    return byParticipant.getOrDefault(participant, Map.of());
  }

  /** Each rating item's first ratings over every panel, as the "previous round" of the round itself. */
  Map<String, RoundAnalysis.Previous> previous(int round) {
    List<String> ratings = items.stream()
        .filter(id -> study.item(id).map(i -> i.type() == ItemType.RATING).orElse(false)).toList();
    RoundTallies first = RoundCounters.tallies(study, ratings, count.byPanel());
    Map<String, RoundAnalysis.Previous> previous = new LinkedHashMap<>();
    ratings.forEach(item -> previous.put(item, new RoundAnalysis.Previous(round, first.overall(item))));
    return previous;
  }
}
