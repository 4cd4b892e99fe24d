package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RatingTallyTest {

  @Test
  @DisplayName("a tally counts each scale point and keeps 'unable to rate' apart from n")
  void counts() {
    RatingTally tally = RatingTally.of(1, 5, Arrays.asList(4, 5, null, 4, 1, null));
    assertEquals(4, tally.n());
    assertEquals(2, tally.unable());
    assertEquals(1, tally.count(1));
    assertEquals(0, tally.count(2));
    assertEquals(2, tally.count(4));
    assertEquals(3, tally.count(new Band(4, 5)));
  }

  @Test
  @DisplayName("a tally from counts equals the tally of the same answers")
  void ofCounts() {
    assertEquals(RatingTally.of(1, 5, Arrays.asList(4, 5, null, 4, 1, null)),
        RatingTally.ofCounts(1, 5, new long[] {1, 0, 0, 2, 1}, 2));
  }

  @Test
  @DisplayName("a value off the scale is rejected, never clipped")
  void offScale() {
    assertThrows(IllegalArgumentException.class, () -> RatingTally.of(1, 9, Arrays.asList(5, 10)));
    assertThrows(IllegalArgumentException.class, () -> RatingTally.of(1, 9, Arrays.asList(0)));
    assertThrows(IllegalArgumentException.class, () -> RatingTally.empty(1, 9).count(10));
  }

  @Test
  @DisplayName("counts must fit the scale and cannot be negative")
  void invalidCounts() {
    assertThrows(IllegalArgumentException.class, () -> RatingTally.ofCounts(1, 5, new long[] {1, 2, 3}, 0));
    assertThrows(IllegalArgumentException.class, () -> RatingTally.ofCounts(1, 3, new long[] {1, -2, 3}, 0));
    assertThrows(IllegalArgumentException.class, () -> RatingTally.ofCounts(1, 3, new long[] {1, 2, 3}, -1));
  }

  @Test
  @DisplayName("tallies add point by point, unable included")
  void plus() {
    RatingTally sum = RatingTally.ofCounts(1, 3, new long[] {1, 0, 2}, 1)
        .plus(RatingTally.ofCounts(1, 3, new long[] {0, 4, 1}, 2));
    assertEquals(RatingTally.ofCounts(1, 3, new long[] {1, 4, 3}, 3), sum);
    assertEquals(8, sum.n());
  }

  @Test
  @DisplayName("tallies on different scales do not add up")
  void plusOtherScale() {
    assertThrows(IllegalArgumentException.class, () -> RatingTally.empty(1, 9).plus(RatingTally.empty(1, 5)));
    assertThrows(IllegalArgumentException.class,
        () -> new RatingTally.Builder(1, 9).addAll(RatingTally.empty(0, 9)));
  }

  @Test
  @DisplayName("a builder keeps its tallies unchanged when it goes on collecting")
  void builderSnapshots() {
    RatingTally.Builder builder = new RatingTally.Builder(1, 3).add(2);
    RatingTally first = builder.build();
    builder.add(3).add(null);
    assertEquals(1, first.n());
    assertEquals(0, first.unable());
    assertEquals(2, builder.build().n());
  }

  @Test
  @DisplayName("changing the array a tally came from does not change the tally")
  void countsAreCopied() {
    long[] counts = {1, 2, 3};
    RatingTally tally = RatingTally.ofCounts(1, 3, counts, 0);
    counts[0] = 100;
    assertEquals(1, tally.count(1));
  }
}
