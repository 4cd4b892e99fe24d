package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kenes.consensus.Tolerance.assertClose;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Expected values: expected.py ("Stability between rounds"). */
class StabilityTest {
  private static final List<Integer> PREVIOUS = Arrays.asList(5, 6, 7, 7, 8, 3, 9, null, 6, 7);
  private static final List<Integer> CURRENT = Arrays.asList(6, 7, 7, 7, 8, 5, 8, 7, null, 8);

  private static PairedTally paired(List<Integer> previous, List<Integer> current) {
    PairedTally.Builder builder = new PairedTally.Builder();
    for (int i = 0; i < previous.size(); i++) {
      if (previous.get(i) != null && current.get(i) != null) {
        builder.add(previous.get(i), current.get(i));
      }
    }
    return builder.build();
  }

  @Test
  @DisplayName("changePct of ten participants matches numpy; their five tied pairs get the exact p = 5/16")
  void tenParticipants() {
    Stability stability = Stability.of(RatingTally.of(1, 9, PREVIOUS), RatingTally.of(1, 9, CURRENT),
        paired(PREVIOUS, CURRENT), 15);
    assertClose(33.333333333333336, stability.changePct());
    assertFalse(stability.stable());
    assertEquals(5, stability.pairs());
    assertClose(2.5, stability.wilcoxonT());
    assertEquals(0.3125, stability.wilcoxonP());
    assertEquals("exact", stability.wilcoxonMethod());
  }

  @Test
  @DisplayName("a change of exactly 15 % is not stable; under the threshold it is; thresholds are exact decimals")
  void threshold() {
    RatingTally before = RatingTally.ofCounts(1, 9, new long[] {0, 0, 0, 0, 20, 0, 0, 0, 0}, 0);
    RatingTally after = RatingTally.ofCounts(1, 9, new long[] {0, 0, 0, 0, 17, 3, 0, 0, 0}, 0);
    Stability stability = Stability.of(before, after, PairedTally.empty(), 15);
    assertEquals(15.0, stability.changePct());
    assertFalse(stability.stable());
    assertTrue(Stability.of(before, after, PairedTally.empty(), 20).stable());
    // 100 × ½ × 2 × 1/30 = 10/3 %: just under 3.34, not under 3.333.
    RatingTally thirty = RatingTally.ofCounts(1, 9, new long[] {0, 0, 0, 0, 30, 0, 0, 0, 0}, 0);
    RatingTally moved = RatingTally.ofCounts(1, 9, new long[] {0, 0, 0, 0, 29, 1, 0, 0, 0}, 0);
    assertTrue(Stability.of(thirty, moved, PairedTally.empty(), 3.34).stable());
    assertFalse(Stability.of(thirty, moved, PairedTally.empty(), 3.333).stable());
  }

  @Test
  @DisplayName("identical distributions change 0 % and are stable")
  void unchanged() {
    RatingTally tally = RatingTally.of(1, 9, PREVIOUS);
    Stability stability = Stability.of(tally, tally, paired(PREVIOUS, PREVIOUS), 15);
    assertEquals(0.0, stability.changePct());
    assertTrue(stability.stable());
    assertEquals(0, stability.pairs());
    assertEquals(1.0, stability.wilcoxonP());
  }

  @Test
  @DisplayName("a round without valid ratings leaves changePct null and the item not stable")
  void emptyRound() {
    Stability stability = Stability.of(RatingTally.of(1, 9, Arrays.asList(null, null)),
        RatingTally.of(1, 9, CURRENT), PairedTally.empty(), 15);
    assertNull(stability.changePct());
    assertFalse(stability.stable());
    assertEquals(1.0, stability.wilcoxonP());
  }

  @Test
  @DisplayName("rounds on different scales are refused")
  void otherScale() {
    assertThrows(IllegalArgumentException.class,
        () -> Stability.of(RatingTally.empty(1, 9), RatingTally.empty(1, 5), PairedTally.empty(), 15));
  }

  @Test
  @DisplayName("a paired tally counts each difference current − previous, zeros included")
  void pairedTally() {
    PairedTally tally = paired(PREVIOUS, CURRENT);
    assertEquals(8, tally.pairs());
    assertEquals(List.of(-1, 0, 1, 2), List.copyOf(tally.differences().keySet()));
    assertEquals(List.of(1L, 3L, 3L, 1L), List.copyOf(tally.differences().values()));
  }
}
