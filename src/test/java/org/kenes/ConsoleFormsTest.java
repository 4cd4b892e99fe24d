package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's forms over HTTP: each posts, redirects with 303, or shows its problems by path; the API sees the result. */
class ConsoleFormsTest {

  @TempDir
  Path dir;

  private static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("a facilitator creates, edits and runs a study from the console's forms, between rounds too")
  void wholeStudyThroughForms() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.adminPost("/api/accounts", "application/json", new JsonObject().put("username", "maria")
          .put("password", "correct horse battery").encode());
      ConsoleSession maria = ConsoleSession.login(kenes, "maria", "correct horse battery");
      String yaml = TestKenes.resource("studies/small.yaml");

      HttpResponse<Buffer> bad = maria.post("/console/studies", "/console", form("definition",
          yaml.replace("ru: \"Клинический аудит\"", "de: \"Audit\"")));
      assertEquals(400, bad.statusCode());
      assertTrue(bad.bodyAsString().contains("<code>items[1].text.ru</code>: missing"), bad.bodyAsString());
      HttpResponse<Buffer> created = maria.post("/console/studies", "/console", form("definition", yaml));
      assertEquals(303, created.statusCode(), created.bodyAsString());
      assertEquals("/console/studies/small?done=created", created.getHeader("Location"));
      assertTrue(maria.get("/console").bodyAsString().contains("Draft: no round yet"));
      assertEquals(200, maria.get("/studies/small/report").statusCode(), "the report of a study not begun");

      HttpResponse<Buffer> edited = maria.post("/console/studies/small/edit", "/console/studies/small/edit",
          form("definition", yaml.replace("Small test study", "Edited study")));
      assertEquals(303, edited.statusCode(), edited.bodyAsString());
      assertTrue(kenes.adminGet("/api/studies/small").bodyAsString().contains("Edited study"));

      HttpResponse<Buffer> badPerson = maria.post("/console/studies/small/participants",
          "/console/studies/small/participants", form("name", "Aigerim", "email", "not-an-email", "panel", "policy",
              "language", "ru"));
      assertEquals(400, badPerson.statusCode());
      assertTrue(badPerson.bodyAsString().contains("not an email address"));
      for (int i = 0; i < 6; i++) {
        assertEquals(303, maria.post("/console/studies/small/participants", "/console/studies/small/participants",
            form("name", "P" + i, "email", "p" + i + "@example.org", "panel", i % 2 == 0 ? "policy" : "providers",
                "language", "en")).statusCode());
      }

      HttpResponse<Buffer> text = maria.post("/console/studies/small/mail-texts", "/console/studies/small/mail",
          form("kind", "reminder", "language", "en", "subject", "Round {round} closes soon", "body", "Hello {name}: {link}"));
      assertEquals(303, text.statusCode(), text.bodyAsString());
      JsonObject reminder = kenes.adminGet("/api/studies/small/mail-texts").bodyAsJsonArray().stream()
          .map(JsonObject.class::cast).filter(t -> t.getString("kind").equals("reminder") && t.getString("language").equals("en"))
          .findFirst().orElseThrow();
      assertEquals("Round {round} closes soon", reminder.getString("subject"));
      assertTrue(reminder.getBoolean("edited"));

      String deadline = LocalDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.MINUTES).toString();
      HttpResponse<Buffer> opened = maria.post("/console/studies/small/rounds", "/console/studies/small",
          form("closesAt", deadline));
      assertEquals(303, opened.statusCode(), opened.bodyAsString());
      assertEquals(deadline + ":00Z", kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray().getJsonObject(0)
          .getString("closesAt"));
      assertEquals(409, maria.post("/console/studies/small/edit", "/console/studies/small/edit",
          form("definition", yaml)).statusCode(), "no longer once round 1 began");
      JsonArray people = kenes.adminGet("/api/studies/small/participants").bodyAsJsonArray();
      for (int i = 0; i < people.size(); i++) {
        String token = people.getJsonObject(i).getString("link").replaceAll(".*/p/", "");
        kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
            .put("strategy", new JsonObject().put("value", 8)).put("ideas", new JsonObject().put("text", "Idea " + i)))
            .put("submit", true));
      }
      assertEquals(303, maria.post("/console/studies/small/reminders", "/console/studies/small/mail", form()).statusCode());
      assertEquals(303, maria.post("/console/studies/small/rounds/1/close", "/console/studies/small", form()).statusCode());

      String items = maria.get("/console/studies/small/items").bodyAsString();
      assertTrue(items.contains("Idea 3"), "the open answers are on the page");
      String answerId = kenes.adminGet("/api/studies/small/rounds/1/open-answers").bodyAsJsonObject().getJsonArray("items")
          .getJsonObject(0).getJsonArray("answers").getJsonObject(0).getString("id");
      MultiMap add = form("item", "workforce", "type", "rating", "text-en", "Workforce", "text-ru", "Кадры",
          "change", "added", "note", "From the ideas", "from", answerId);
      assertEquals(303, maria.post("/console/studies/small/items", "/console/studies/small/items", add).statusCode());
      // A ranking item, its options given row by row; one with a single option is refused with what was typed kept.
      HttpResponse<Buffer> oneOption = maria.post("/console/studies/small/items", "/console/studies/small/items",
          form("item", "first-tools", "type", "ranking", "text-en", "Which <first>?", "text-ru", "Что первым?",
              "option-1-id", "lonely", "option-1-en", "Alone", "change", "added", "note", "A ranking"));
      assertEquals(400, oneOption.statusCode());
      String refused = oneOption.bodyAsString();
      assertTrue(refused.contains("a ranking needs at least two options"), refused);
      assertTrue(refused.contains("value=\"lonely\"") && refused.contains("Which &lt;first&gt;?</textarea>")
          && refused.contains("<option value=\"ranking\" selected>"), "the refused form keeps what was typed");
      assertEquals(303, maria.post("/console/studies/small/items", "/console/studies/small/items",
          form("item", "first-tools", "type", "ranking", "text-en", "Which first?", "text-ru", "Что первым?",
              "option-1-id", "audit", "option-1-en", "Audit", "option-1-ru", "Аудит",
              "option-3-id", "pdsa", "option-3-en", "PDSA cycles", "option-3-ru", "Циклы PDSA",
              "change", "added", "note", "A ranking")).statusCode());
      JsonObject ranking = kenes.adminGet("/api/studies/small").bodyAsJsonObject().getJsonArray("items").stream()
          .map(JsonObject.class::cast).filter(i -> "first-tools".equals(i.getString("id"))).findFirst().orElseThrow();
      assertEquals("ranking", ranking.getString("type"));
      assertEquals(new JsonArray().add(new JsonObject().put("id", "audit")
              .put("text", new JsonObject().put("en", "Audit").put("ru", "Аудит")))
          .add(new JsonObject().put("id", "pdsa").put("text", new JsonObject().put("en", "PDSA cycles")
              .put("ru", "Циклы PDSA"))), ranking.getJsonArray("options"));
      HttpResponse<Buffer> noNote = maria.post("/console/studies/small/items/audit", "/console/studies/small/items",
          form("action", "retire"));
      assertEquals(400, noNote.statusCode());
      assertTrue(noNote.bodyAsString().contains("provenance.note"));
      assertEquals(303, maria.post("/console/studies/small/items/audit", "/console/studies/small/items",
          form("action", "retire", "note", "Covered elsewhere")).statusCode());
      assertEquals(303, maria.post("/console/studies/small/items/strategy", "/console/studies/small/items",
          form("action", "reword", "text-en", "A strategy with targets", "text-ru", "Стратегия с целями",
              "note", "Clearer")).statusCode());
      List<String> changes = kenes.adminGet("/api/studies/small/changes").bodyAsJsonArray().stream()
          .map(c -> ((JsonObject) c).getString("item") + " " + ((JsonObject) c).getString("change")
              + " " + ((JsonObject) c).getString("actor")).toList();
      assertEquals(List.of("workforce added maria", "first-tools added maria", "audit retired maria",
          "strategy reworded maria"), changes);
      assertEquals(new JsonArray().add(answerId), kenes.adminGet("/api/studies/small/changes").bodyAsJsonArray()
          .getJsonObject(0).getJsonObject("provenance").getJsonArray("from"));
      String log = maria.get("/console/studies/small/items").bodyAsString();
      assertTrue(log.contains("From the ideas") && log.contains("Covered elsewhere"), "the changes log is shown");
      assertTrue(maria.get("/console/studies/small/audit").bodyAsString().contains("item.reworded"));
    }
  }

  @Test
  @DisplayName("every form of every console page that posts carries the session's CSRF token")
  void everyFormHasItsToken() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      kenes.addParticipants("small", "policy", "providers");
      kenes.adminPost("/api/studies/small/rounds");
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      String csrf = admin.csrf("/console");
      int forms = 0;
      for (String page : List.of("/console", "/console/accounts", "/console/studies/small", "/console/studies/small/edit",
          "/console/studies/small/participants", "/console/studies/small/mail", "/console/studies/small/live",
          "/console/studies/small/items", "/console/studies/small/audit", "/console/studies/small/access",
          "/console/preferences")) {
        HttpResponse<Buffer> r = admin.get(page);
        assertEquals(200, r.statusCode(), page);
        String html = r.bodyAsString();
        String[] parts = html.split("<form", -1);
        for (int i = 1; i < parts.length; i++) {
          String form = parts[i].substring(0, parts[i].indexOf("</form>"));
          if (form.startsWith(" method=\"get\"")) {
            // A search changes nothing, and a token in its address would end up in histories and logs.
            continue;
          }
          assertTrue(form.contains("name=\"csrf\" value=\"" + csrf + "\""), page + ": a form without its token");
          forms++;
        }
      }
      assertTrue(forms >= 10, "forms checked: " + forms);
    }
  }

  @Test
  @DisplayName("the admin creates an account from the console; a short password is refused on the page")
  void accountsPage() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      HttpResponse<Buffer> shortPassword = admin.post("/console/accounts", "/console/accounts",
          form("username", "maria", "name", "Maria", "password", "short"));
      assertEquals(400, shortPassword.statusCode());
      assertTrue(shortPassword.bodyAsString().contains("at least 10 characters"));
      assertEquals(303, admin.post("/console/accounts", "/console/accounts",
          form("username", "maria", "name", "Maria", "password", "correct horse battery")).statusCode());
      assertTrue(admin.get("/console/accounts").bodyAsString().contains("account.created"));
      ConsoleSession.login(kenes, "maria", "correct horse battery");
    }
  }
}
