package org.kenes.participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.store.TestStore;

/** Pseudonyms are keyed hashes under a study's secret, which several instances on one store make once between them. */
class PseudonymsTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("instances asking for a study's secret at once agree on one; another study has another")
  void oneSecretPerStudy() {
    try (TestStore store = TestStore.open(dir)) {
      List<PseudonymKeys> instances = List.of(new PseudonymKeys(store.client(), store.store().durability()),
          new PseudonymKeys(store.client(), store.store().durability()),
          new PseudonymKeys(store.client(), store.store().durability()));
      List<Pseudonyms> first = Future.all(instances.stream().map(k -> k.of("s")).toList()).await().list();
      String name = first.get(0).respondent("P-7KQ2MX9D");
      first.forEach(p -> assertEquals(name, p.respondent("P-7KQ2MX9D")));
      assertTrue(name.matches("R-[2-9A-HJ-NP-Z]{12}"), name);
      assertEquals(name, new PseudonymKeys(store.client(), store.store().durability()).of("s").await()
          .respondent("P-7KQ2MX9D"), "kept in the store");
      Pseudonyms other = instances.get(0).of("t").await();
      assertNotEquals(name, other.respondent("P-7KQ2MX9D"));
      assertNotEquals(first.get(0).openAnswer(1, "P-7KQ2MX9D", "ideas"), other.openAnswer(1, "P-7KQ2MX9D", "ideas"));
      assertTrue(other.openAnswer(1, "P-7KQ2MX9D", "ideas").matches("a-[0-9a-f]{16}"));
      assertNotEquals(other.openAnswer(1, "P-7KQ2MX9D", "ideas"), other.openAnswer(2, "P-7KQ2MX9D", "ideas"));
    }
  }
}
