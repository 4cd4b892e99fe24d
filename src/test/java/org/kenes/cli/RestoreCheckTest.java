package org.kenes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ReportFixture;
import org.kenes.TestKenes;
import org.kenes.common.Sha256;
import org.kenes.config.KenesConfig;

/**
 * {@code kenes restore} trusts no dump: every document is held against what Kenes writes, sessions never come back,
 * and a dump with a problem restores nothing. A backup of a real dialogue (two closed rounds, one open, mail, accounts)
 * passes.
 */
class RestoreCheckTest {

  @TempDir
  static Path dir;
  /** The lines of a backup of a real dialogue. */
  static List<String> backup;
  static String token;
  static String pilotToken;

  private record Run(int code, String out, String err) {}

  private static Run restore(Path data, List<String> lines) throws Exception {
    Path file = Files.createTempFile(dir, "dump", ".jsonl");
    Files.write(file, lines);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Backup.restore(new String[] {file.toString()}, KenesConfig.from(Map.of(KenesConfig.DATA_DIR,
        data.toString())), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void backUpADialogue() throws Exception {
    Path data = dir.resolve("source");
    Path file = dir.resolve("backup.jsonl");
    try (TestKenes kenes = TestKenes.start(data)) {
      ReportFixture.run(kenes);
      kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
          .replace("id: small", "id: running"));
      token = kenes.addParticipants("running", "policy").getJsonObject(0).getString("token");
      kenes.adminPost("/api/studies/running/rounds");
      kenes.get("/p/" + token);
      kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 8).put("comment", "Важно"))));
      pilotToken = pilot(kenes, "running");
      // A draft's pilot answers round 1 before it opens: a round the dump does not hold yet.
      kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
          .replace("id: small", "id: drafted"));
      pilot(kenes, "drafted");
      kenes.adminPost("/api/studies/small/invitations");
      kenes.adminPut("/api/studies/small/mail-texts/reminder/ru", new JsonObject().put("subject", "Напоминание")
          .put("body", "Ссылка: {link}"));
      kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "maria")
          .put("password", "correct horse battery").put("email", "maria@health.example.org").encode());
      // A disabled account too: the schema must know the mark.
      kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "oleg")
          .put("password", "correct horse battery").encode());
      kenes.adminPut("/api/accounts/oleg/disabled", new JsonObject().put("disabled", true));
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertEquals(0, Backup.backup(new String[] {file.toString()}, KenesConfig.from(Map.of(KenesConfig.DATA_DIR,
          data.toString())), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)), err.toString());
    }
    backup = Files.readAllLines(file);
  }

  /** Adds a pilot participant who saves a rating of 2; answers their link's token. */
  private static String pilot(TestKenes kenes, String study) {
    String pilot = kenes.adminPost("/api/studies/" + study + "/participants", "application/json", new JsonArray()
        .add(new JsonObject().put("panel", "providers").put("pilot", true)).encode()).bodyAsJsonArray()
        .getJsonObject(0).getString("token");
    assertEquals(200, kenes.put("/api/p/" + pilot + "/answers", new JsonObject().put("answers", new JsonObject()
        .put("strategy", new JsonObject().put("value", 2)))).statusCode());
    return pilot;
  }

  /** The backup with each document of {@code collection} passed through {@code change} (null drops it). */
  private static List<String> changed(String collection, UnaryOperator<JsonObject> change) {
    List<String> lines = new ArrayList<>();
    for (String line : backup) {
      JsonObject entry = new JsonObject(line);
      if (collection.equals(entry.getString("c"))) {
        JsonObject doc = change.apply(entry.getJsonObject("d").copy());
        if (doc != null) {
          lines.add(entry.put("d", doc).encode());
        }
      } else {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The line number (from 1) of the first document of a collection in the backup. */
  private static int firstLineOf(String collection) {
    for (int i = 0; i < backup.size(); i++) {
      if (backup.get(i).startsWith("{\"c\":\"" + collection + "\"")) {
        return i + 1;
      }
    }
    throw new AssertionError("no " + collection + " in the backup");
  }

  @Test
  @DisplayName("a backup is owner-only (0600) and carries no session; a real dialogue's backup restores whole")
  void realBackupRestores() throws Exception {
    Path file = dir.resolve("backup.jsonl");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(backup.stream().noneMatch(l -> l.startsWith("{\"c\":\"sessions\"")), "no session in a backup");
    Run run = restore(dir.resolve("whole"), backup);
    assertEquals(0, run.code(), run.err());
    try (TestKenes kenes = TestKenes.start(dir.resolve("whole"))) {
      assertEquals(200, kenes.adminGet("/api/studies/small/report").statusCode());
      assertEquals(200, kenes.adminGet("/api/studies/running/rounds/1/results").statusCode());
      assertEquals(200, kenes.get("/api/p/" + token).statusCode());
      JsonObject pilot = kenes.get("/api/p/" + pilotToken).bodyAsJsonObject();
      assertTrue(pilot.getBoolean("pilot"), pilot.encode());
      assertEquals(2, pilot.getJsonArray("items").getJsonObject(0).getJsonObject("answer").getInteger("value"));
    }
  }

  @Test
  @DisplayName("a pilot's answer off the scale of a round held, or in no answer's shape, is refused by its line; "
      + "nothing is restored")
  void malformedPilotAnswers() throws Exception {
    assertEquals(2, backup.stream().filter(l -> l.startsWith("{\"c\":\"pilot-answers\"")).count());
    Run held = restore(dir.resolve("pilot-held"), changed("pilot-answers", doc -> "running".equals(
        doc.getString("study")) ? doc.put("answers", new JsonObject().put("strategy", new JsonObject()
        .put("value", 42))) : doc));
    assertEquals(2, held.code(), held.err());
    assertTrue(held.err().contains(": answers.strategy"), held.err());
    assertTrue(held.err().contains("nothing was restored"), held.err());
    // Of a round tried before it opened, an answer the definition no longer takes may be a pilot's: only its shape.
    Run tried = restore(dir.resolve("pilot-tried"), changed("pilot-answers", doc -> "drafted".equals(
        doc.getString("study")) ? doc.put("answers", new JsonObject().put("strategy", new JsonObject()
        .put("value", "seven"))) : doc));
    assertEquals(2, tried.code(), tried.err());
    assertTrue(tried.err().contains(": answers.strategy: not an answer"), tried.err());
  }

  @Test
  @DisplayName("a session forged into a dump is dropped: after the restore it signs nobody in")
  void forgedSessionDropped() throws Exception {
    String secret = "forged-session-secret-of-an-attacker";
    List<String> lines = new ArrayList<>(backup);
    JsonObject header = new JsonObject(lines.get(0));
    header.getJsonArray("collections").add("sessions");
    lines.set(0, header.encode());
    lines.add(new JsonObject().put("c", "sessions").put("d", new JsonObject().put("_id", Sha256.hex(secret))
        .put("actor", "admin").put("admin", true).put("csrf", "x").put("expiresAt", Long.MAX_VALUE / 2)).encode());
    Run run = restore(dir.resolve("forged"), lines);
    assertEquals(0, run.code(), run.err());
    try (TestKenes kenes = TestKenes.start(dir.resolve("forged"))) {
      assertEquals(401, kenes.vertxClient().get("/api/studies").bearerTokenAuthentication(secret).send().await()
          .statusCode());
    }
  }

  @Test
  @DisplayName("a password hash with iterations chosen by whoever wrote the dump is refused by its line")
  void boundedIterations() throws Exception {
    for (String iterations : List.of("2000000000", "1000")) {
      Run run = restore(dir.resolve("iterations-" + iterations), changed("accounts", doc -> doc.put("password",
          doc.getString("password").replace("$310000$", "$" + iterations + "$"))));
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().contains("line " + firstLineOf("accounts") + ": password"), run.err());
    }
  }

  @Test
  @DisplayName("an account's email address that is no address is refused by its line")
  void accountEmail() throws Exception {
    assertTrue(backup.get(firstLineOf("accounts") - 1).contains("maria@health.example.org"), "backed up");
    Run run = restore(dir.resolve("account-email"), changed("accounts", doc -> doc.put("email", "maria\r\nBcc: x")));
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("line " + firstLineOf("accounts") + ": email"), run.err());
  }

  @Test
  @DisplayName("answers off the scale, of items not asked, or of strangers, and first ratings outside a real-time "
      + "study are refused by line; nothing is restored")
  void malformedAnswers() throws Exception {
    int line = firstLineOf("answers");
    List<UnaryOperator<JsonObject>> forgeries = List.of(
        doc -> doc.put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 42))),
        doc -> doc.put("answers", new JsonObject().put("nope", new JsonObject().put("value", 5))),
        doc -> doc.put("answers", new JsonObject().put("strategy", "seven")),
        doc -> doc.put("first", new JsonObject().put("strategy", new JsonObject().put("value", 5))),
        doc -> doc.put("participant", "P-NOBODY22").put("_id", doc.getString("study") + ":" + doc.getInteger("round")
            + ":P-NOBODY22"),
        doc -> doc.put("round", "1"),
        doc -> doc.put("$where", "1"));
    for (int i = 0; i < forgeries.size(); i++) {
      UnaryOperator<JsonObject> forge = forgeries.get(i);
      boolean[] first = {true};
      Path data = dir.resolve("answers-" + i);
      Run run = restore(data, changed("answers", doc -> {
        boolean forged = first[0];
        first[0] = false;
        return forged ? forge.apply(doc) : doc;
      }));
      assertEquals(2, run.code(), "forgery " + i + ": " + run.err());
      assertTrue(run.err().contains("line " + line + ": "), run.err());
      assertTrue(run.err().contains("nothing was restored"), run.err());
      assertTrue(!Files.exists(data.resolve("kenes.mv.db")), "the store was not even opened");
    }
  }

  @Test
  @DisplayName("a round asking an item its study lacks, tallies and results that do not fit or read, refused by line")
  void inconsistentDocuments() throws Exception {
    Run round = restore(dir.resolve("round"), changed("rounds", doc -> doc.put("items",
        new JsonArray().add("strategy").add("ghost"))));
    assertEquals(2, round.code(), round.err());
    assertTrue(round.err().contains("no item 'ghost'"), round.err());
    Run tally = restore(dir.resolve("tally"), changed("tallies", doc -> doc.put("counters",
        new JsonObject().put("d.strategy.x", 1).encode())));
    assertEquals(2, tally.code(), tally.err());
    assertTrue(tally.err().contains("counters.d.strategy.x"), tally.err());
    Run results = restore(dir.resolve("results"), changed("results", doc -> doc.put("json", "[1, 2")));
    assertEquals(2, results.code(), results.err());
    Run verdict = restore(dir.resolve("verdict"), changed("results", doc -> doc.put("json",
        doc.getString("json").replaceFirst("\"verdict\":\"[a-z-]+\"", "\"verdict\":\"maybe\""))));
    assertEquals(2, verdict.code(), verdict.err());
    assertTrue(verdict.err().contains("not round results as Kenes writes them"), verdict.err());
    Run study = restore(dir.resolve("study"), changed("studies", doc -> doc.put("definition", "id: x")));
    assertEquals(2, study.code(), study.err());
    assertTrue(study.err().contains("line " + firstLineOf("studies") + ": definition"), study.err());
    Run stranger = restore(dir.resolve("stranger"), List.of(backup.get(0),
        "{\"c\": \"studies\", \"d\": {\"_id\": 1}}"));
    assertEquals(2, stranger.code(), stranger.err());
  }
}
