package org.kenes.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CharacteristicsTest {
  private static final List<String> PANELS = List.of("policy", "providers", "patients");

  private static List<Characteristics.Person> people(String panel, Object... values) {
    List<Characteristics.Person> out = new ArrayList<>();
    for (Object v : values) {
      out.add(new Characteristics.Person(panel, v));
    }
    return out;
  }

  @Test
  @DisplayName("a choice is counted per panel and overall, small option counts and small panels withheld")
  void choice() {
    List<Characteristics.Person> all = new ArrayList<>(people("policy", "public", "public", "public", "private", null));
    all.addAll(people("providers", "public", "private", "private", "private", "ngo", "ngo", "ngo"));
    all.addAll(people("patients", "ngo", "ngo", "public"));
    List<Characteristics.Column> columns = Characteristics.choice(PANELS, List.of("public", "private", "ngo"), all, 3);
    Characteristics.Column overall = columns.get(0);
    assertEquals(14, overall.n());
    assertEquals(1, overall.missing());
    assertEquals(Map.of("public", 5L, "private", 4L, "ngo", 5L), overall.counts());
    assertEquals(5.0 / 14, overall.share("ngo"), 1e-12);
    Characteristics.Column policy = columns.get(1);
    // private counted once (under minCell 3); ngo, 0, reveals nobody, so public is withheld beside it
    assertEquals(List.of("public", "private"), policy.withheld());
    assertEquals(Map.of("ngo", 0L), policy.counts());
    Characteristics.Column providers = columns.get(2);
    assertEquals(List.of("public", "private"), providers.withheld());
    assertEquals(Map.of("ngo", 3L), providers.counts());
    assertEquals(List.of("public", "ngo"), columns.get(3).withheld());
    assertEquals(Map.of("private", 0L), columns.get(3).counts());
  }

  @Test
  @DisplayName("a panel of fewer than minCell is withheld whole, and the next smallest beside it")
  void smallPanel() {
    List<Characteristics.Person> all = new ArrayList<>(people("policy", "public", "public", "public", "private"));
    all.addAll(people("providers", "public", "private", "private", "private", "ngo", "ngo", "ngo"));
    all.addAll(people("patients", "ngo", "ngo"));
    List<Characteristics.Column> columns = Characteristics.choice(PANELS, List.of("public", "private", "ngo"), all, 3);
    assertTrue(columns.get(3).suppressed(), "two patients");
    assertTrue(columns.get(1).suppressed(), "policy, the smallest other panel, would reveal them by subtraction");
    assertFalse(columns.get(2).suppressed());
    assertFalse(columns.get(0).suppressed());
  }

  @Test
  @DisplayName("a number is described by median and range; the withheld patients are never described")
  void number() {
    List<Characteristics.Person> all = new ArrayList<>(people("policy", 3, 12, 25, 8));
    all.addAll(people("providers", 1, 2, 30));
    all.addAll(people("patients", 5));
    List<Characteristics.Column> columns = Characteristics.number(PANELS, all, 3);
    assertEquals(6.5, columns.get(0).median());
    assertEquals(1, columns.get(0).min());
    assertEquals(30, columns.get(0).max());
    assertEquals(10.0, columns.get(1).median());
    assertEquals(3, columns.get(1).min());
    assertEquals(25, columns.get(1).max());
    // patients (1) is withheld, and providers (3), the smallest other panel, beside it
    assertTrue(columns.get(2).suppressed());
    assertTrue(columns.get(3).suppressed());
  }
}
