package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AttritionTest {
  private static final Criteria CRITERIA = Criteria.defaults(1, 9);

  /** Eight stayers and five leavers rating "x"; the leavers lower (expected.py: U = 37.5, exact p = 8/1287). */
  private static List<Attrition.Panelist> earlier() {
    List<Attrition.Panelist> people = new ArrayList<>();
    for (int v : new int[] {7, 8, 8, 9, 7, 6, 9, 8}) {
      people.add(new Attrition.Panelist("policy", true, Map.of("x", v, "y", 5)));
    }
    int[] leavers = {4, 6, 5, 7, 3};
    for (int i = 0; i < leavers.length; i++) {
      people.add(new Attrition.Panelist(i < 4 ? "providers" : "policy", false,
          i < 2 ? Map.of("x", leavers[i], "y", 5) : Map.of("x", leavers[i])));
    }
    return people;
  }

  @Test
  @DisplayName("leavers are counted per panel, a panel under minCell withheld with the next smallest beside it")
  void leavers() {
    Attrition.Leavers leavers = Attrition.leavers(earlier(), List.of("policy", "providers", "patients"), 3);
    assertEquals(5, leavers.total());
    assertEquals(8, leavers.stayed());
    // policy lost 1 (under minCell 3); providers, the smallest other panel with leavers, is withheld beside it
    assertEquals(List.of("policy", "providers"), leavers.suppressed());
    assertEquals(Map.of("patients", 0L), leavers.byPanel());
  }

  @Test
  @DisplayName("a panel with fewer than minCell respondents is withheld even when none of them left")
  void smallPanelNoLeavers() {
    List<Attrition.Panelist> people = new ArrayList<>(earlier());
    people.add(new Attrition.Panelist("patients", true, Map.of()));
    people.add(new Attrition.Panelist("patients", true, Map.of()));
    Attrition.Leavers leavers = Attrition.leavers(people, List.of("policy", "providers", "patients"), 3);
    assertEquals(List.of("policy", "providers", "patients"), leavers.suppressed());
  }

  @Test
  @DisplayName("stayers and leavers differ by medians, agreement shares and the exact U test of their ratings")
  void comparison() {
    Attrition.Comparison c = Attrition.compare("x", earlier(), CRITERIA);
    assertTrue(c.shown());
    assertEquals(8, c.stayers());
    assertEquals(5, c.leavers());
    assertEquals(8.0, c.stayersMedian());
    assertEquals(5.0, c.leaversMedian());
    assertEquals(-3.0, c.medianDifference());
    assertEquals(0.875, c.stayersAgree());
    assertEquals(0.2, c.leaversAgree());
    assertEquals(-0.675, c.agreeDifference(), 1e-12);
    assertEquals(37.5, c.test().u());
    assertEquals(8.0 / 1287, c.test().p(), 1e-15);
    assertTrue(c.test().exact());
    assertTrue(c.leaversLower());
  }

  @Test
  @DisplayName("fewer than minCell leavers rating an item give counts only, no figure about them")
  void tooFewLeavers() {
    Attrition.Comparison c = Attrition.compare("y", earlier(), CRITERIA);
    assertFalse(c.shown());
    assertEquals(2, c.leavers());
    assertNull(c.leaversMedian());
    assertNull(c.test());
    assertFalse(c.leaversLower());
  }

  @Test
  @DisplayName("a consensus among stayers that the leavers' last ratings would undo is found")
  void fragile() {
    Map<String, RatingTally> round = Map.of("policy", RatingTally.of(1, 9, List.of(7, 7, 8, 8, 9, 9, 6)));
    assertEquals(Verdict.CONSENSUS_IN, RatingItems.analyse(round, CRITERIA).overall().verdict());
    Map<String, RatingTally> leavers = Map.of("providers", RatingTally.of(1, 9, List.of(2, 3, 3)));
    assertEquals(Verdict.NO_CONSENSUS, Attrition.withLeavers(round, leavers, CRITERIA));
    Map<String, RatingTally> agreeing = Map.of("policy", RatingTally.of(1, 9, List.of(8, 9)));
    assertEquals(Verdict.CONSENSUS_IN, Attrition.withLeavers(round, agreeing, CRITERIA));
  }
}
