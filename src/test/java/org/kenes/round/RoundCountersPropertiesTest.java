package org.kenes.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kenes.TestKenes;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/** Live tallies kept save by save, as increments, equal the tallies of the final answers computed afresh. */
class RoundCountersPropertiesTest {

  private static final Study STUDY = StudyFormat.read(TestKenes.resource("studies/small.yaml"));
  private static final List<String> ITEMS = List.of("strategy", "audit", "tools", "ideas");
  private static final List<String> PANELS = List.of("policy", "providers", "patients");

  /** One save: who, in which panel (a facilitator may move a person), what, and whether it submits. */
  record SaveStep(int participant, int panel, Integer strategy, Integer audit, List<String> ranking, String idea,
      boolean submit) {}

  @Property(tries = 300)
  @Label("increments applied save by save equal the counters of the final answer sets")
  void incrementsEqualRecount(@ForAll("saves") List<SaveStep> steps) {
    Map<String, AnswerSet> sets = new LinkedHashMap<>();
    Map<String, Map<String, Number>> live = new HashMap<>();
    Map<String, Map<String, Integer>> previous = new HashMap<>();
    for (SaveStep step : steps) {
      String who = "P" + step.participant();
      previous.computeIfAbsent(who, p -> step.participant() % 2 == 0 ? Map.of("strategy", 5) : Map.of());
      String panel = PANELS.get(step.panel());
      Map<String, Answer> answers = new LinkedHashMap<>();
      answers.put("strategy", rating(step.strategy()));
      answers.put("audit", rating(step.audit()));
      answers.put("tools", new Answer.Ranking(step.ranking(), null));
      answers.put("ideas", new Answer.OpenText(step.idea()));
      AnswerSet was = sets.getOrDefault(who, AnswerSet.empty("small", 1, who, panel));
      AnswerSet now = was.merge(panel, answers, step.submit(), null);
      RoundCounters.move(STUDY, ITEMS, was, now, previous.get(who)).forEach((moved, increments) ->
          RoundCounters.addInto(live.computeIfAbsent(moved, p -> new HashMap<>()), increments));
      sets.put(who, now);
    }
    Map<String, Map<String, Number>> afresh = RoundCounters.of(STUDY, ITEMS, new ArrayList<>(sets.values()),
        who -> previous.getOrDefault(who, Map.of()));
    assertEquals(RoundCounters.tallies(STUDY, ITEMS, afresh), RoundCounters.tallies(STUDY, ITEMS, live));
  }

  /** A point; null for "unable to rate"; 0 for a rating not given yet (a draft kept for its comment). */
  private static Answer.Rating rating(Integer value) {
    return value == null ? new Answer.Rating(null, true, null, null)
        : value == 0 ? new Answer.Rating(null, false, "later", null) : new Answer.Rating(value, false, null, null);
  }

  @Provide
  Arbitrary<List<SaveStep>> saves() {
    Arbitrary<Integer> rating = Arbitraries.integers().between(0, 9).injectNull(0.2);
    Arbitrary<List<String>> ranking = Arbitraries.of("audit", "checklists", "pdsa").list().uniqueElements().ofMaxSize(3);
    Arbitrary<SaveStep> step = Combinators.combine(Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, 2).edgeCases(e -> e.includeOnly(0)), rating, rating, ranking,
            Arbitraries.of("", "an idea"), Arbitraries.of(true, false))
        .as(SaveStep::new);
    return step.list().ofMaxSize(30);
  }
}
