package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShiftTest {

  private static final Criteria NINE = Criteria.defaults(1, 9);

  @Test
  @DisplayName("leaving the group's band, or moving further out, is away from the group")
  void away() {
    assertTrue(Shift.awayFromGroup(NINE, 8, 5, 8.0), "agree → neutral while the group agrees");
    assertTrue(Shift.awayFromGroup(NINE, 5, 2, 7.0), "neutral → disagree while the group agrees");
    assertTrue(Shift.awayFromGroup(NINE, 5, 8, 5.0), "neutral → agree while the group is neutral");
    assertTrue(Shift.awayFromGroup(NINE, 6, 7, 6.5), "a median of 6.5 lies in the neutral band");
  }

  @Test
  @DisplayName("staying in a band, moving towards the group, or jumping over it is not")
  void notAway() {
    assertFalse(Shift.awayFromGroup(NINE, 7, 9, 2.0), "within the agree band");
    assertFalse(Shift.awayFromGroup(NINE, 2, 5, 8.0), "towards the group");
    assertFalse(Shift.awayFromGroup(NINE, 2, 8, 5.0), "over the group's band to the same distance");
    assertFalse(Shift.awayFromGroup(NINE, 5, 5, 1.0), "unchanged");
  }

  @Test
  @DisplayName("the points that would move away are listed, on any scale and band order")
  void points() {
    assertEquals(List.of(1, 2, 3, 4, 5, 6), Shift.pointsAwayFromGroup(NINE, 8, 8.0));
    assertEquals(List.of(1, 2, 3, 7, 8, 9), Shift.pointsAwayFromGroup(NINE, 5, 5.0));
    assertEquals(List.of(), Shift.pointsAwayFromGroup(NINE, 2, 8.0));
    assertEquals(List.of(1, 2), Shift.pointsAwayFromGroup(Criteria.defaults(1, 5), 3, 4.5));
    Criteria reversed = new Criteria(1, 9, Rule.PERCENT, new Band(1, 3), new Band(7, 9), 0.7, 0.15, 1, 5, false,
        org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7, 3, 15);
    assertEquals(List.of(7, 8, 9), Shift.pointsAwayFromGroup(reversed, 5, 2.0), "agree at the low end");
  }
}
