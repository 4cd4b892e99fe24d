package org.kenes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Who answered what never shows: not in results, not in logs; links never appear in logs. */
class AnonymityTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("no log line carries a personal-link token, and results carry no name, email or pseudonym")
  void nothingLeaks() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    JsonArray people;
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      people = kenes.addParticipants("small", "policy", "policy", "policy", "providers", "patients");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        String token = DelphiLoopTest.token(people, i);
        kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
            .put("strategy", new JsonObject().put("value", 3 + i).put("comment", "view " + i))).put("submit", true));
        kenes.putRaw("/api/p/" + token + "/answers", "application/json", "{broken");
        kenes.get("/p/" + token + "x");
      }
      String results = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsString();
      for (int i = 0; i < people.size(); i++) {
        JsonObject p = people.getJsonObject(i);
        assertFalse(results.contains(p.getString("id")), "no pseudonym in the results");
        assertFalse(results.contains("Person " + i) || results.contains("p" + i + "@example.org"));
      }
      assertTrue(results.contains("view 0"), "comments are there, without their authors");
    } finally {
      root.detachAppender(logs);
    }
    List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    assertFalse(lines.isEmpty(), "the server logged something to check");
    for (int i = 0; i < people.size(); i++) {
      String token = DelphiLoopTest.token(people, i);
      lines.forEach(line -> assertFalse(line.contains(token.substring(0, 12)), line));
    }
  }
}
