package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.kenes.consensus.Tolerance.assertClose;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RatingItemsTest {
  private static final Criteria CRITERIA = Criteria.defaults(1, 9);

  private static RatingTally tally(Integer... values) {
    return RatingTally.of(1, 9, Arrays.asList(values));
  }

  /** policy agrees on its own, practice does not (20 % disagree), patients are too few to show. */
  private static Map<String, RatingTally> threePanels() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(7, 8, 9, 8, 7, 9));
    panels.put("practice", tally(7, 8, 8, 9, 2));
    panels.put("patients", tally(8, null));
    return panels;
  }

  @Test
  @DisplayName("the overall statistics sum every panel, suppressed ones included")
  void overallSumsAllPanels() {
    RatingItemResult result = RatingItems.analyse(threePanels(), CRITERIA);
    assertEquals(12, result.overall().n());
    assertEquals(1, result.overall().unable());
    assertClose(11.0 / 12, result.overall().agree());
  }

  @Test
  @DisplayName("a panel under minCell is suppressed, and the others keep their input order")
  void smallPanelSuppressed() {
    Map<String, RatingTally> panels = threePanels();
    panels.put("patients", tally(null, null));
    RatingItemResult result = RatingItems.analyse(panels, CRITERIA);
    assertEquals(List.of("policy", "practice"), List.copyOf(result.panels().keySet()));
    assertEquals(List.of("patients"), result.suppressed());
    assertEquals(Verdict.CONSENSUS_IN, result.panels().get("policy").verdict());
    assertEquals(Verdict.NO_CONSENSUS, result.panels().get("practice").verdict());
  }

  @Test
  @DisplayName("secondary suppression: with one rating withheld, the smallest shown panel is withheld too")
  void secondarySuppression() {
    RatingItemResult result = RatingItems.analyse(threePanels(), CRITERIA);
    assertEquals(List.of("policy"), List.copyOf(result.panels().keySet()));
    assertEquals(List.of("practice", "patients"), result.suppressed());
    assertEquals(12, result.overall().n());
  }

  @Test
  @DisplayName("secondary suppression: two small panels holding minCell ratings together need nothing more")
  void remainderAtMinCell() {
    Map<String, RatingTally> panels = threePanels();
    panels.put("partners", tally(4, 5));
    RatingItemResult result = RatingItems.analyse(panels, CRITERIA);
    assertEquals(List.of("policy", "practice"), List.copyOf(result.panels().keySet()));
    assertEquals(List.of("patients", "partners"), result.suppressed());
  }

  @Test
  @DisplayName("without perPanel the overall rule decides: consensus-in")
  void overallVerdict() {
    assertEquals(Verdict.CONSENSUS_IN, RatingItems.analyse(threePanels(), CRITERIA).overall().verdict());
    assertNull(RatingItems.analyse(threePanels(), CRITERIA).tooFewToJudge());
  }

  @Test
  @DisplayName("with perPanel a panel of minResponses without consensus blocks it, even when withheld from view")
  void perPanelBlocks() {
    RatingItemResult result = RatingItems.analyse(threePanels(), CRITERIA.withPerPanel(true));
    assertEquals(Verdict.NO_CONSENSUS, result.overall().verdict());
    assertEquals(List.of("patients"), result.tooFewToJudge());
  }

  @Test
  @DisplayName("with perPanel a panel under minResponses neither confirms nor blocks, and is named too few to judge")
  void perPanelIgnoresTooFew() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(7, 8, 9, 8, 7, 9));
    panels.put("practice", tally(9, 9, 8, 8, 7));
    panels.put("patients", tally(5, 5, 6));
    RatingItemResult result = RatingItems.analyse(panels, CRITERIA.withPerPanel(true));
    assertEquals(Verdict.CONSENSUS_IN, result.overall().verdict());
    assertEquals(List.of("patients"), result.tooFewToJudge());
    assertEquals(Bridging.DIVIDED, result.bridging());
  }

  @Test
  @DisplayName("with perPanel a shown panel still under minResponses is insufficient on its own and has no say")
  void perPanelSmallShownPanel() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(7, 8, 9, 8, 7, 9, 9, 9));
    panels.put("practice", tally(5, 5, 6));
    RatingItemResult result = RatingItems.analyse(panels, CRITERIA.withPerPanel(true));
    assertEquals(Verdict.INSUFFICIENT, result.panels().get("practice").verdict());
    assertEquals(Verdict.CONSENSUS_IN, result.overall().verdict());
    assertEquals(List.of("practice"), result.tooFewToJudge());
  }

  @Test
  @DisplayName("with perPanel and no panel of minResponses ratings the verdict is insufficient")
  void perPanelNoPanelJudges() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(7, 8, 9, 8));
    panels.put("practice", tally(9, 9, 8, 8));
    RatingItemResult overall = RatingItems.analyse(panels, CRITERIA);
    assertEquals(Verdict.CONSENSUS_IN, overall.overall().verdict());
    RatingItemResult result = RatingItems.analyse(panels, CRITERIA.withPerPanel(true));
    assertEquals(Verdict.INSUFFICIENT, result.overall().verdict());
    assertEquals(List.of("policy", "practice"), result.tooFewToJudge());
  }

  @Test
  @DisplayName("perPanel leaves an undecided overall verdict alone")
  void perPanelUndecided() {
    Map<String, RatingTally> panels = Map.of("policy", tally(7, 8, 9));
    assertEquals(Verdict.INSUFFICIENT, RatingItems.analyse(panels, CRITERIA.withPerPanel(true)).overall().verdict());
  }

  @Test
  @DisplayName("one panel in and another not is divided, whether or not the other is withheld from view")
  void divided() {
    assertEquals(Bridging.DIVIDED, RatingItems.analyse(threePanels(), CRITERIA).bridging());
  }

  @Test
  @DisplayName("a single shown panel in consensus bridges nothing: none")
  void singlePanel() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(7, 8, 9, 8, 7, 9));
    panels.put("patients", tally(1));
    assertEquals(Bridging.NONE, RatingItems.analyse(panels, CRITERIA).bridging());
  }

  @Test
  @DisplayName("no panel in consensus-in is none")
  void noPanelIn() {
    Map<String, RatingTally> panels = new LinkedHashMap<>();
    panels.put("policy", tally(1, 2, 5, 8, 9));
    panels.put("practice", tally(5, 5, 5, 5, 5));
    assertEquals(Bridging.NONE, RatingItems.analyse(panels, CRITERIA).bridging());
  }

  @Test
  @DisplayName("gic multiplies (agree + 1) / (n + 2) over the shown panels: 7/8 × 5/7 = 0.625")
  void gic() {
    Map<String, RatingTally> panels = threePanels();
    panels.remove("patients");
    assertClose(0.625, RatingItems.analyse(panels, CRITERIA).gic());
    assertClose(0.875, RatingItems.analyse(threePanels(), CRITERIA).gic());
  }

  @Test
  @DisplayName("gic is null and bridging none when every panel is suppressed")
  void allSuppressed() {
    RatingItemResult result = RatingItems.analyse(Map.of("policy", tally(8, 9), "practice", tally()), CRITERIA);
    assertNull(result.gic());
    assertEquals(Bridging.NONE, result.bridging());
    assertEquals(2, result.overall().n());
    assertEquals(List.of(), List.copyOf(result.panels().keySet()));
  }

  @Test
  @DisplayName("no panels at all give empty overall statistics")
  void noPanels() {
    RatingItemResult result = RatingItems.analyse(Map.of(), CRITERIA);
    assertEquals(0, result.overall().n());
    assertEquals(Verdict.INSUFFICIENT, result.overall().verdict());
    assertNull(result.gic());
  }

  @Test
  @DisplayName("a panel tally on another scale is refused")
  void otherScale() {
    assertThrows(IllegalArgumentException.class,
        () -> RatingItems.analyse(Map.of("policy", RatingTally.empty(1, 5)), CRITERIA));
  }
}
