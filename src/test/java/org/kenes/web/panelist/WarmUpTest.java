package org.kenes.web.panelist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;

class WarmUpTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the warm-up at start runs the example dialogue's page in every language and writes nothing")
  void warmsUpWithoutWriting() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), Path.of("surveys"))) {
      List<String> collections = List.of("rounds", "answers", "results", "tallies", "opened");
      List<Long> before = collections.stream().map(c -> count(kenes, c)).toList();
      WarmUp.run(kenes.vertx, kenes.services()).await();
      assertEquals(before, collections.stream().map(c -> count(kenes, c)).toList());
      assertEquals(200, kenes.get("/health").statusCode());
    }
  }

  private static long count(TestKenes kenes, String collection) {
    return kenes.services().store().client().count(collection, new JsonObject()).await();
  }
}
