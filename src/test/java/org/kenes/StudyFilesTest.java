package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.common.Conflict;
import org.kenes.study.StudyService.Outcome;

/** Study files in surveys/: loaded at start, idempotently, and never applied silently once rounds began. */
class StudyFilesTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("the example dialogue of surveys/ is loaded at start")
  void exampleLoaded() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), Path.of("surveys"))) {
      JsonObject study = kenes.adminGet("/api/studies/qoc-strategy").bodyAsJsonObject();
      assertEquals("qoc-strategy", study.getString("id"));
      assertEquals(7, study.getJsonArray("panels").size());
    }
  }

  @Test
  @DisplayName("an unchanged file is not imported again; a changed one replaces the study until its rounds begin")
  void idempotentUntilRoundsBegin() throws Exception {
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    Path file = surveys.resolve("small.yaml");
    String original = TestKenes.resource("studies/small.yaml");
    Files.writeString(file, original);
    Path data = dir.resolve("data");
    String created;
    try (TestKenes kenes = TestKenes.start(data, surveys)) {
      created = kenes.adminGet("/api/studies").bodyAsJsonArray().getJsonObject(0).getString("updatedAt");
      assertEquals(Outcome.UNCHANGED, kenes.services().studies().load(original).await());
    }
    try (TestKenes kenes = TestKenes.start(data, surveys)) {
      assertEquals(created, kenes.adminGet("/api/studies").bodyAsJsonArray().getJsonObject(0).getString("updatedAt"),
          "the unchanged file was not imported again");
      String reworded = original.replace("A national quality strategy", "A national quality strategy with targets");
      assertEquals(Outcome.UPDATED, kenes.services().studies().load(reworded).await());
      assertEquals(201, kenes.adminPost("/api/studies/small/rounds").statusCode());
      Conflict refused = assertThrows(Conflict.class, () -> kenes.services().studies().load(original).await());
      assertTrue(refused.getMessage().contains("has begun its rounds"));
      String text = kenes.adminGet("/api/studies/small").bodyAsJsonObject().getJsonArray("items").getJsonObject(0)
          .getJsonObject("text").getString("en");
      assertEquals("A national quality strategy with targets", text, "the stored definition stays in force");
    }
  }
}
