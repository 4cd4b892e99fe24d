package org.kenes.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The results type and its JSON: read and written again, the golden dialogue's results are the same text. */
class ResultsJsonTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"results-1.json", "results-2.json", "results-3.json", "analyze.json",
      "analyze-round-1.json", "analyze-without-study.json"})
  @DisplayName("round results read into the type and written back are the same JSON, field order and numbers included")
  void roundTrip(String name) throws IOException {
    String text = Files.readString(Path.of("src/test/resources/golden").resolve(name));
    JsonObject json = new JsonObject(text);
    String again = ResultsJson.toJson(ResultsJson.fromJson(json)).encode();
    assertEquals(json.encode(), again);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"results-1.json", "results-2.json", "results-3.json"})
  @DisplayName("the type keeps what the views read: verdicts, stability, suppressed panels, advice")
  void typed(String name) throws IOException {
    JsonObject json = new JsonObject(Files.readString(Path.of("src/test/resources/golden").resolve(name)));
    RoundResults results = ResultsJson.fromJson(json);
    assertEquals(json.getJsonArray("items").size(), results.items().size());
    for (int i = 0; i < results.items().size(); i++) {
      JsonObject item = json.getJsonArray("items").getJsonObject(i);
      ItemResult typed = results.items().get(i);
      assertEquals(item.getString("type"), typed.type().key());
      if (typed instanceof ItemResult.Rating r) {
        assertEquals(item.getJsonObject("overall").getString("verdict"), r.verdict().key());
        assertEquals(item.containsKey("stability"), r.stability() != null);
        r.panels().forEach(p -> assertEquals(item.getJsonObject("panels").getJsonObject(p.panel())
            .getBoolean("suppressed", false), p.suppressed()));
      }
    }
    assertEquals(json.getJsonObject("advice").getString("basis"), results.advice().basis().key());
  }
}
