package org.kenes.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.ext.mongo.MongoClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.store.TestStore;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/** An open round's figures in steps of at least minCell (3 in the small study) submissions per panel. */
class LiveStepsTest {

  private static final Study STUDY = StudyFormat.read(TestKenes.resource("studies/small.yaml"));

  @TempDir
  Path dir;

  private TestStore store;
  private MongoClient mongo;
  private TallyRepository tallies;

  @BeforeEach
  void start() {
    store = TestStore.open(dir);
    mongo = store.client();
    tallies = new TallyRepository(mongo);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private LiveSteps steps() {
    return new LiveSteps(mongo, store.store().durability(), tallies);
  }

  /** A submit of a rating of 'strategy' through the tallies, as a save adds it. */
  private void submit(String panel, int value) {
    tallies.increment("small", 1, panel, Map.of(RoundCounters.SUBMITTED, 1L, "r.strategy." + value, 1L));
    tallies.flush().await();
  }

  @Test
  @DisplayName("a panel's figures step once minCell more sets are submitted and stay put in between; counts are live")
  void stepsOfMinCell() {
    LiveSteps steps = steps();
    submit("policy", 9);
    submit("policy", 8);
    LiveSteps.View view = steps.view(STUDY, 1).await();
    assertEquals(0, view.counted(), "two submissions: no figures yet");
    assertEquals(2L, view.live().get("policy").get(RoundCounters.SUBMITTED), "the count is live");
    submit("policy", 7);
    view = steps.view(STUDY, 1).await();
    assertEquals(3, view.counted());
    assertEquals(Map.of(RoundCounters.SUBMITTED, 3L, "r.strategy.9", 1L, "r.strategy.8", 1L, "r.strategy.7", 1L),
        view.counters().get("policy"));
    submit("policy", 1);
    submit("providers", 1);
    submit("policy", 2);
    // A revision moves the counters without a new submission: it waits for the panel's next step too.
    tallies.increment("small", 1, "policy", Map.of("r.strategy.9", -1L, "r.strategy.1", 1L));
    tallies.flush().await();
    view = steps.view(STUDY, 1).await();
    assertEquals(3, view.counted(), "five of policy and one of providers: still the step of three");
    assertEquals(Map.of(RoundCounters.SUBMITTED, 3L, "r.strategy.9", 1L, "r.strategy.8", 1L, "r.strategy.7", 1L),
        view.counters().get("policy"));
    submit("policy", 3);
    view = steps().view(STUDY, 1).await();
    assertEquals(6, view.counted(), "another instance sees and takes the next step");
    assertEquals(6L, view.counters().get("policy").get(RoundCounters.SUBMITTED));
    assertEquals(2L, view.counters().get("policy").get("r.strategy.1"), "the revision comes with the step");
    assertNull(view.counters().get("policy").get("r.strategy.9"));
  }

  @Test
  @DisplayName("two instances stepping at once leave no step of fewer than minCell between them")
  void concurrentSteps() {
    LiveSteps one = steps();
    LiveSteps other = steps();
    one.step("small", 1, "policy", 4, Map.of(RoundCounters.SUBMITTED, 4L), 3).await();
    // The other read the counters a moment later, before the first step was written.
    other.step("small", 1, "policy", 5, Map.of(RoundCounters.SUBMITTED, 5L), 3).await();
    assertEquals(4, one.view(STUDY, 1).await().counted(), "a step of one submission is refused by the write itself");
    other.step("small", 1, "policy", 7, Map.of(RoundCounters.SUBMITTED, 7L), 3).await();
    one.step("small", 1, "policy", 6, Map.of(RoundCounters.SUBMITTED, 6L), 3).await();
    assertEquals(7, other.view(STUDY, 1).await().counted());
  }

  @Test
  @DisplayName("the sets counted are each panel's first submitted; sets of earlier versions (no moment kept) first")
  void firstSubmitted() {
    submit("policy", 9);
    submit("policy", 9);
    submit("policy", 9);
    submit("providers", 9);
    LiveSteps.View view = steps().view(STUDY, 1).await();
    List<AnswerSet> sets = List.of(set("a", "policy", 300), set("b", "policy", 100), set("c", "policy", 0),
        set("d", "policy", 200), set("e", "providers", 50), new AnswerSet("small", 1, "f", "policy", Map.of(), false,
            null, 0));
    assertEquals(List.of("b", "c", "d"), view.counted(sets, List.of()).stream().map(AnswerSet::participant)
        .toList());
  }

  @Test
  @DisplayName("a set withdrawn after its panel's step keeps its place unshown; one withdrawn before the step has none")
  void withdrawnKeepPlace() {
    submit("policy", 9);
    submit("policy", 9);
    submit("policy", 9);
    LiveSteps.View view = steps().view(STUDY, 1).await();
    List<AnswerSet> left = List.of(set("a", "policy", 300), set("c", "policy", 0), set("d", "policy", 200));
    long afterStep = System.currentTimeMillis() + 1;
    assertEquals(List.of("c", "d"), view.counted(left,
            List.of(new AnswerRepository.Withdrawal("policy", 100, afterStep))).stream()
        .map(AnswerSet::participant).toList(), "b's place is held: a, the next in line, is not shown on its own");
    assertEquals(List.of("a", "c", "d"), view.counted(left, List.of(new AnswerRepository.Withdrawal("policy", 100, 1)))
        .stream().map(AnswerSet::participant).toList(), "withdrawn before the step: the step never counted it");
  }

  private static AnswerSet set(String participant, String panel, long submittedAt) {
    return new AnswerSet("small", 1, participant, panel, Map.of(), true, null, submittedAt);
  }
}
