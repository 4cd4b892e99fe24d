package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisclosureTest {

  private static Map<String, Long> sizes(Object... idSizePairs) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    for (int i = 0; i < idSizePairs.length; i += 2) {
      sizes.put((String) idSizePairs[i], ((Number) idSizePairs[i + 1]).longValue());
    }
    return sizes;
  }

  @Test
  @DisplayName("groups of minCell or more are shown, and an empty group reveals nobody")
  void nothingSmall() {
    assertEquals(List.of(), List.copyOf(Disclosure.withheld(sizes("a", 3, "b", 10, "c", 0), 3)));
  }

  @Test
  @DisplayName("one group of 2: withheld, and the smallest other group too, or overall minus the shown is that group")
  void secondary() {
    assertEquals(List.of("b", "c"), List.copyOf(Disclosure.withheld(sizes("a", 9, "b", 4, "c", 2, "d", 5), 3)));
  }

  @Test
  @DisplayName("small groups that together reach minCell need no secondary suppression")
  void remainderLargeEnough() {
    assertEquals(List.of("b", "c"), List.copyOf(Disclosure.withheld(sizes("a", 9, "b", 1, "c", 2), 3)));
  }

  @Test
  @DisplayName("of equal candidates the first is withheld; with nothing else left every group is withheld")
  void tiesAndExhaustion() {
    assertEquals(List.of("a", "c"), List.copyOf(Disclosure.withheld(sizes("a", 4, "b", 4, "c", 1), 3)));
    assertEquals(List.of("a", "b"), List.copyOf(Disclosure.withheld(sizes("a", 1, "b", 1), 3)));
  }

  @Test
  @DisplayName("a larger minCell withholds more, repeatedly, until the remainder reaches it")
  void repeated() {
    assertEquals(List.of("a", "b", "c"),
        List.copyOf(Disclosure.withheld(sizes("a", 1, "b", 2, "c", 2, "d", 9), 5)));
  }
}
