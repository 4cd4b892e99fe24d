package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnumKeysTest {

  @Test
  @DisplayName("keys are spelled as study files and round results spell them")
  void keys() {
    assertEquals(List.of("percent", "median-iqr", "rand-ucla"),
        Arrays.stream(Rule.values()).map(Rule::key).toList());
    assertEquals(List.of("consensus-in", "consensus-out", "no-consensus", "insufficient"),
        Arrays.stream(Verdict.values()).map(Verdict::key).toList());
    assertEquals(List.of("all-panels-in", "divided", "none"),
        Arrays.stream(Bridging.values()).map(Bridging::key).toList());
    assertEquals(List.of("appropriate", "uncertain", "inappropriate"),
        Arrays.stream(Appropriateness.values()).map(Appropriateness::key).toList());
  }

  @Test
  @DisplayName("every key reads back as its constant")
  void roundTrip() {
    Arrays.stream(Rule.values()).forEach(rule -> assertEquals(rule, Rule.fromKey(rule.key())));
    Arrays.stream(Verdict.values()).forEach(verdict -> assertEquals(verdict, Verdict.fromKey(verdict.key())));
    Arrays.stream(Bridging.values()).forEach(bridging -> assertEquals(bridging, Bridging.fromKey(bridging.key())));
    Arrays.stream(Appropriateness.values()).forEach(a -> assertEquals(a, Appropriateness.fromKey(a.key())));
  }

  @Test
  @DisplayName("an unknown rule key is refused, naming the known ones")
  void unknownRule() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Rule.fromKey("majority"));
    assertTrue(error.getMessage().contains("median-iqr"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rule.fromKey("PERCENT"));
  }

  @Test
  @DisplayName("only consensus in or out counts as decided")
  void decided() {
    assertTrue(Verdict.CONSENSUS_IN.decided());
    assertTrue(Verdict.CONSENSUS_OUT.decided());
    assertFalse(Verdict.NO_CONSENSUS.decided());
    assertFalse(Verdict.INSUFFICIENT.decided());
  }
}
