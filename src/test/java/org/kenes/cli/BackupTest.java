package org.kenes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.discussion.DiscussionFixture;
import org.kenes.config.KenesConfig;

class BackupTest {

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private interface Command {
    int run(String[] args, KenesConfig config, PrintStream out, PrintStream err);
  }

  private static Run run(Command command, Path data, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    KenesConfig config = KenesConfig.from(Map.of(KenesConfig.DATA_DIR, data.toString()));
    int code = command.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("backup of a running server and restore into a new store round-trip a study exactly")
  void roundTrip() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    Path file = dir.resolve("kenes.jsonl");
    JsonArray people;
    JsonObject results;
    String export;
    try (TestKenes kenes = TestKenes.start(first)) {
      kenes.createSmallStudy();
      people = kenes.addParticipants("small", "policy", "policy", "providers", "patients");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers", new JsonObject()
            .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 5 + i).put("comment", "é " + i)))
            .put("submit", true));
      }
      results = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      export = kenes.adminGet("/api/studies/small/export.csv").bodyAsString();
      Run backup = run(Backup::backup, first, file.toString());
      assertEquals(0, backup.code(), backup.err());
      assertTrue(backup.out().contains("documents written"));
      Run busy = run(Backup::restore, first, file.toString(), "--force");
      assertEquals(1, busy.code());
      assertTrue(busy.err().contains("a server is running"), busy.err());
    }
    Run restore = run(Backup::restore, second, file.toString());
    assertEquals(0, restore.code(), restore.err());
    try (TestKenes kenes = TestKenes.start(second)) {
      assertEquals(results, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
      assertEquals(export, kenes.adminGet("/api/studies/small/export.csv").bodyAsString());
      assertEquals(200, kenes.get("/api/p/" + people.getJsonObject(0).getString("token")).statusCode());
      assertEquals(people, kenes.addParticipants("small", "policy", "policy", "providers", "patients"),
          "the same people keep their pseudonyms and links");
    }
    Run refused = run(Backup::restore, second, file.toString());
    assertEquals(2, refused.code());
    assertTrue(refused.err().contains("--force"), refused.err());
    assertEquals(0, run(Backup::restore, second, file.toString(), "--force").code());
  }

  @Test
  @DisplayName("a backup says it holds personal data; --pseudonymous leaves out names, emails and links, and restores "
      + "into a store with the same results and export")
  void pseudonymous() throws Exception {
    Path first = dir.resolve("first");
    Path full = dir.resolve("full.jsonl");
    Path pseudonymous = dir.resolve("pseudonymous.jsonl");
    JsonArray people;
    JsonObject results;
    String export;
    try (TestKenes kenes = TestKenes.start(first)) {
      kenes.createSmallStudy();
      people = kenes.addParticipants("small", "policy", "policy", "providers", "patients");
      kenes.adminPost("/api/studies/small/invitations");
      kenes.adminPost("/api/studies/small/rounds");
      for (int i = 0; i < people.size(); i++) {
        kenes.put("/api/p/" + people.getJsonObject(i).getString("token") + "/answers", new JsonObject()
            .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 5 + i))).put("submit", true));
      }
      results = kenes.adminPost("/api/studies/small/rounds/1/close").bodyAsJsonObject();
      export = kenes.adminGet("/api/studies/small/export.csv").bodyAsString();
      Run said = run(Backup::backup, first, full.toString());
      assertEquals(0, said.code(), said.err());
      assertTrue(said.out().contains("this file holds personal data"), said.out());
      assertTrue(said.out().contains("--pseudonymous"), said.out());
      Run without = run(Backup::backup, first, pseudonymous.toString(), "--pseudonymous");
      assertEquals(0, without.code(), without.err());
      assertTrue(without.out().contains("pseudonymous: no panelist's name"), without.out());
    }
    String withData = Files.readString(full);
    String withoutData = Files.readString(pseudonymous);
    assertTrue(withData.contains("p0@example.org") && withData.contains("Person 0"), "the full backup has them");
    for (int i = 0; i < people.size(); i++) {
      for (String secret : List.of("Person " + i, "p" + i + "@example.org", people.getJsonObject(i).getString("token"))) {
        assertFalse(withoutData.contains(secret), "the pseudonymous backup holds " + secret);
      }
    }
    Path second = dir.resolve("second");
    Run restored = run(Backup::restore, second, pseudonymous.toString());
    assertEquals(0, restored.code(), restored.err());
    try (TestKenes kenes = TestKenes.start(second)) {
      assertEquals(results, kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject());
      assertEquals(export, kenes.adminGet("/api/studies/small/export.csv").bodyAsString(), "the same pseudonyms");
      assertTrue(kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray().isEmpty());
      assertEquals(404, kenes.get("/api/p/" + people.getJsonObject(0).getString("token")).statusCode());
    }
  }

  @Test
  @DisplayName("a study's discussion (posts, replies, agreements, moderation, word lists, wishes to be told of replies) "
      + "survives a backup and a restore that checks every document")
  void discussion() throws Exception {
    Path first = dir.resolve("talk-first");
    Path second = dir.resolve("talk-second");
    Path file = dir.resolve("talk.jsonl");
    String token;
    JsonObject thread;
    JsonObject moderation;
    try (TestKenes kenes = TestKenes.start(first)) {
      DiscussionFixture f = DiscussionFixture.create(kenes, "talk", "always");
      token = f.token(1);
      String post = f.posted(0, "strategy", new JsonObject().put("text", "Ä post").put("tag", "for"));
      f.posted(4, "strategy", new JsonObject().put("text", "A reply").put("parent", post));
      assertEquals(204, f.agree(1, "strategy", post).statusCode());
      kenes.adminPost("/api/studies/talk/discussion/strategy/posts/" + post + "/pin", "application/json", "{}");
      kenes.adminPost("/api/studies/talk/discussion/audit/close", "application/json", "{}");
      kenes.adminPut("/api/studies/talk/discussion-words/en", new JsonObject().put("words", new JsonArray().add("x*")));
      kenes.vertxClient().put("/api/p/" + token + "/discussion/notify")
          .sendJsonObject(new JsonObject().put("replies", true)).await();
      thread = f.read(1, "strategy");
      moderation = kenes.adminGet("/api/studies/talk/discussion").bodyAsJsonObject();
      Run backup = run(Backup::backup, first, file.toString());
      assertEquals(0, backup.code(), backup.err());
    }
    Run restore = run(Backup::restore, second, file.toString());
    assertEquals(0, restore.code(), restore.err());
    try (TestKenes kenes = TestKenes.start(second)) {
      assertEquals(thread, kenes.get("/api/p/" + token + "/items/strategy/thread").bodyAsJsonObject());
      assertEquals(moderation, kenes.adminGet("/api/studies/talk/discussion").bodyAsJsonObject());
    }
  }

  @Test
  @DisplayName("a real-time study's first ratings survive a backup and a checked restore: the round closed afterwards "
      + "measures from them")
  void firstRatings() throws Exception {
    Path first = dir.resolve("live-first");
    Path second = dir.resolve("live-second");
    Path file = dir.resolve("live.jsonl");
    try (TestKenes kenes = TestKenes.start(first)) {
      kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
          .replace("id: small", "id: live") + "mode: real-time\n");
      JsonArray people = kenes.addParticipants("live", "policy", "policy", "policy");
      kenes.adminPost("/api/studies/live/rounds");
      for (int i = 0; i < people.size(); i++) {
        String token = people.getJsonObject(i).getString("token");
        for (int value : new int[] {2 + i, 7}) {
          kenes.put("/api/p/" + token + "/answers", new JsonObject().put("submit", true).put("answers",
              new JsonObject().put("strategy", new JsonObject().put("value", value).put("reason", "Moved"))));
        }
      }
      Run backup = run(Backup::backup, first, file.toString());
      assertEquals(0, backup.code(), backup.err());
    }
    Run restore = run(Backup::restore, second, file.toString());
    assertEquals(0, restore.code(), restore.err());
    try (TestKenes kenes = TestKenes.start(second)) {
      JsonObject results = kenes.adminPost("/api/studies/live/rounds/1/close").bodyAsJsonObject();
      assertEquals(3.0, results.getJsonObject("first").getJsonObject("strategy").getDouble("median"));
      JsonObject strategy = results.getJsonArray("items").getJsonObject(0);
      assertEquals(7.0, strategy.getJsonObject("overall").getDouble("median"));
      assertEquals(3, strategy.getJsonObject("stability").getInteger("pairs"));
    }
  }

  @Test
  @DisplayName("a file that is not a dump is refused with its line, and nothing changes")
  void badDump() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"format\": \"kenes-dump\", \"version\": 1, \"collections\": [\"studies\"]}\n{\"c\": \"x\"}\n");
    Run r = run(Backup::restore, dir.resolve("data"), file.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("line 2"), r.err());
    Files.writeString(file, "hello\n");
    assertTrue(run(Backup::restore, dir.resolve("data"), file.toString()).err().contains("line 1: not a Kenes dump"));
    assertEquals(2, run(Backup::restore, dir.resolve("data"), dir.resolve("missing").toString()).code());
    assertEquals(2, run(Backup::backup, dir.resolve("data")).code());
  }
}
