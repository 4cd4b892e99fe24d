package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdviceTest {

  @Test
  @DisplayName("stop when every item is decided, in or out")
  void allDecided() {
    Advice advice = Advice.of(1, 3, List.of(new ItemOutcome("a", Verdict.CONSENSUS_IN, null),
        new ItemOutcome("b", Verdict.CONSENSUS_OUT, false)));
    assertTrue(advice.stop());
    assertEquals(List.of(), advice.pending());
    assertEquals("Every item has reached consensus, in or out.", advice.reason());
    assertEquals(Advice.Basis.ALL_DECIDED, advice.basis());
    assertEquals("all-decided", advice.basis().key());
  }

  @Test
  @DisplayName("stop when every undecided item is stable, and name them")
  void undecidedButStable() {
    Advice advice = Advice.of(2, 3, List.of(new ItemOutcome("a", Verdict.CONSENSUS_IN, true),
        new ItemOutcome("b", Verdict.NO_CONSENSUS, true), new ItemOutcome("c", Verdict.INSUFFICIENT, true)));
    assertTrue(advice.stop());
    assertEquals(List.of(), advice.pending());
    assertTrue(advice.reason().contains("(b, c)"), advice.reason());
    assertEquals(Advice.Basis.UNDECIDED_STABLE, advice.basis());
    assertEquals(List.of("b", "c"), advice.undecided(), "what a page names when it words the advice itself");
  }

  @Test
  @DisplayName("continue while an undecided item is unstable or not yet compared, naming those items")
  void continueRound() {
    Advice advice = Advice.of(2, 3, List.of(new ItemOutcome("a", Verdict.NO_CONSENSUS, false),
        new ItemOutcome("b", Verdict.NO_CONSENSUS, true), new ItemOutcome("c", Verdict.INSUFFICIENT, null),
        new ItemOutcome("d", Verdict.CONSENSUS_IN, false)));
    assertFalse(advice.stop());
    assertEquals(List.of("a", "c"), advice.pending());
    assertEquals("Another round is advised: a, c have neither consensus nor stable answers yet.", advice.reason());
    assertEquals(Advice.Basis.ANOTHER_ROUND, advice.basis());
    assertEquals(List.of("a", "b", "c"), advice.undecided());
  }

  @Test
  @DisplayName("after the first round, undecided items are pending because stability is still unknown")
  void firstRound() {
    Advice advice = Advice.of(1, 3, List.of(new ItemOutcome("a", Verdict.NO_CONSENSUS, null)));
    assertFalse(advice.stop());
    assertEquals("Another round is advised: a has neither consensus nor stable answers yet.", advice.reason());
  }

  @Test
  @DisplayName("stop at the last round the study allows, still listing the open items")
  void lastRound() {
    Advice advice = Advice.of(3, 3, List.of(new ItemOutcome("a", Verdict.NO_CONSENSUS, false)));
    assertTrue(advice.stop());
    assertEquals(List.of("a"), advice.pending());
    assertEquals("Round 3 is the last the study allows (3); still without consensus or stability: a.",
        advice.reason());
    assertEquals(Advice.Basis.LAST_ROUND, advice.basis());
  }
}
