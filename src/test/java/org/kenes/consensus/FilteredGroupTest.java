package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FilteredGroupTest {
  private static final Criteria CRITERIA = Criteria.defaults(1, 9);

  private static RatingTally tally(Integer... values) {
    return RatingTally.of(1, 9, List.of(values));
  }

  @Test
  @DisplayName("a selected group of at least minCell beside a rest of at least minCell is described")
  void shown() {
    RatingStats stats = FilteredGroup.stats(tally(7, 8, 9), tally(1, 2, 3, 4), CRITERIA);
    assertEquals(8.0, stats.median());
    assertEquals(1.0, stats.agree());
  }

  @Test
  @DisplayName("a selected group under minCell is withheld; so is one whose rest is under minCell, but not empty")
  void withheld() {
    assertNull(FilteredGroup.stats(tally(7, 8), tally(1, 2, 3, 4), CRITERIA));
    assertNull(FilteredGroup.stats(tally(7, 8, 9, 9), tally(1, 2), CRITERIA), "overall minus selected reveals two");
    assertEquals(4, FilteredGroup.stats(tally(7, 8, 9, 9), tally(), CRITERIA).n(), "everyone selected");
  }
}
