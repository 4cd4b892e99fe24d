package org.kenes.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Conflict;
import org.kenes.store.TestStore;

/** Withdrawal marks in the answers: what a withdrawal takes out, and the saves that come after it on any instance. */
class AnswerRepositoryTest {

  @TempDir
  Path dir;
  private TestStore store;
  private AnswerRepository answers;
  /** The moments the rounds of every study were counted, as their closes would have marked them. */
  private final Map<Integer, Instant> counted = new ConcurrentHashMap<>();

  @BeforeEach
  void start() {
    store = TestStore.open(dir);
    answers = new AnswerRepository(store.vertx(), store.client(), study -> Future.succeededFuture(Map.copyOf(counted)));
  }

  @AfterEach
  void stop() {
    store.close();
  }

  /** The failure a future ends in, once it has; null for a success. */
  private static Throwable failure(Future<?> future) {
    return future.<Throwable>transform(r -> Future.succeededFuture(r.cause())).await();
  }

  private static Map<String, Answer> rating(int value) {
    return Map.of("strategy", new Answer.Rating(value, false, null, null));
  }

  @Test
  @DisplayName("a withdrawal answers the set it took out and leaves a mark that a later save (a stale instance's) "
      + "runs into: refused, the mark put back, nothing of the save left")
  void markRefusesLateSaves() {
    answers.update("s", 1, "P-A", "policy", rating(7), true, true).await();
    long submittedAt = answers.find("s", 1, "P-A").await().orElseThrow().submittedAt();
    Optional<AnswerSet> taken = answers.withdraw("s", 1, "P-A", 1234).await();
    assertEquals(rating(7), taken.orElseThrow().answers());
    assertEquals(Optional.empty(), answers.find("s", 1, "P-A").await(), "reads leave the mark out");
    assertEquals(List.of(new AnswerRepository.Withdrawal("policy", submittedAt, 1234)),
        answers.withdrawals("s", 1).await());
    JsonObject mark = store.client().findOne("answers", new JsonObject().put("_id", "s:1:P-A"), null).await();

    assertInstanceOf(Conflict.class, failure(answers.update("s", 1, "P-A", "policy", rating(2), true, false)));
    assertInstanceOf(Conflict.class, failure(answers.update("s", 1, "P-A", "policy", rating(2), true, true)));
    assertEquals(mark, store.client().findOne("answers", new JsonObject().put("_id", "s:1:P-A"), null).await(),
        "the mark as it was, with no answer in it");
    assertEquals(List.of(), answers.list("s", 1).await());
    assertEquals(Optional.empty(), answers.withdraw("s", 1, "P-A", 5678).await(), "withdrawing twice takes nothing");
    assertEquals(1234, answers.withdrawals("s", 1).await().get(0).at(), "and keeps the first mark");
  }

  @Test
  @DisplayName("a withdrawal from a round with no set of theirs still leaves the mark; other sets are untouched")
  void markWithoutSet() {
    answers.update("s", 1, "P-B", "policy", rating(5), true, true).await();
    assertEquals(Optional.empty(), answers.withdraw("s", 1, "P-A", 1).await());
    assertInstanceOf(Conflict.class, failure(answers.update("s", 1, "P-A", "policy", rating(2), false, false)));
    assertEquals(Optional.empty(), answers.find("s", 1, "P-A").await());
    assertEquals(List.of("P-B"), answers.list("s", 1).await().stream().map(AnswerSet::participant).toList());
    assertEquals(List.of(new AnswerRepository.Withdrawal(null, 0, 1)), answers.withdrawals("s", 1).await());
  }

  @Test
  @DisplayName("a set written after its round was counted is late: every read leaves it out, and a save that wrote it "
      + "puts back the set as it was")
  void lateSetsLeftOut() {
    answers.update("s", 1, "P-A", "policy", rating(7), true, true).await();
    counted.put(1, Instant.now().plusSeconds(3600));
    assertEquals(1, answers.list("s", 1).await().size(), "written before the count");
    counted.put(1, Instant.EPOCH);
    assertEquals(List.of(), answers.list("s", 1).await());
    assertEquals(List.of(), answers.list("s").await());
    assertEquals(Optional.empty(), answers.find("s", 1, "P-A").await());
    List<AnswerSet> scanned = new ArrayList<>();
    answers.scan("s", 1, Instant.EPOCH, scanned::addAll).await();
    assertEquals(List.of(), scanned);

    counted.put(1, Instant.now().plusSeconds(3600));
    AnswerRepository.Written first = answers.update("s", 1, "P-B", "policy", rating(5), true, true).await();
    AnswerRepository.Written revision = answers.update("s", 1, "P-A", "policy", rating(2), true, true).await();
    assertEquals(false, answers.undoIfLate("s", 1, "P-A", revision).await(), "not late: it stays");
    counted.put(1, Instant.EPOCH);
    assertEquals(true, answers.undoIfLate("s", 1, "P-B", first).await());
    assertEquals(true, answers.undoIfLate("s", 1, "P-A", revision).await());
    // The moment a round was counted never changes once marked: here the test moves it, to see what lies before.
    counted.put(1, Instant.now().plusSeconds(3600));
    List<AnswerSet> after = answers.list("s", 1).await();
    assertEquals(List.of("P-A"), after.stream().map(AnswerSet::participant).toList());
    assertEquals(rating(7), after.get(0).answers(), "put back as it was");
  }
}
