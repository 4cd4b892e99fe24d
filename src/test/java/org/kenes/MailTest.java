package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invitations and reminders: the outbox, texts per language, and delivery to a real (local) SMTP server. */
class MailTest {

  @TempDir
  Path dir;

  private static List<JsonObject> outbox(TestKenes kenes) {
    HttpResponse<Buffer> r = kenes.adminGet("/api/studies/small/outbox");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonArray().stream().map(JsonObject.class::cast).toList();
  }

  private static int queued(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getInteger("queued");
  }

  @Test
  @DisplayName("without KENES_SMTP_HOST invitations wait in the outbox as unsent, in each person's language, once each")
  void unsentOutbox() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers");
      assertEquals(2, queued(kenes.adminPost("/api/studies/small/invitations")));
      assertEquals(0, queued(kenes.adminPost("/api/studies/small/invitations")), "a repeated request queues nothing");
      kenes.addParticipants("small", "policy", "providers", "patients");
      assertEquals(1, queued(kenes.adminPost("/api/studies/small/invitations")), "only the one not yet invited");

      List<JsonObject> messages = outbox(kenes);
      assertEquals(3, messages.size());
      JsonObject en = messages.stream().filter(m -> m.getString("to").equals("p0@example.org")).findFirst().orElseThrow();
      assertEquals(Set.of("to", "subject", "body", "kind", "status", "at", "round", "participant", "language", "sentAt",
          "error"), en.fieldNames());
      assertEquals("unsent", en.getString("status"));
      assertEquals("invitation", en.getString("kind"));
      assertEquals("Invitation: Small test study", en.getString("subject"));
      assertTrue(en.getString("body").contains("Dear Person 0"), en.getString("body"));
      assertTrue(en.getString("body").contains(people.getJsonObject(0).getString("link")));
      JsonObject ru = messages.stream().filter(m -> m.getString("to").equals("p1@example.org")).findFirst().orElseThrow();
      assertEquals("Приглашение: Небольшое тестовое исследование", ru.getString("subject"));

      HttpResponse<Buffer> noEmail = kenes.adminPost("/api/studies/small/participants", "application/json",
          "[{\"name\": \"Offline\", \"panel\": \"policy\"}]");
      assertEquals(201, noEmail.statusCode(), noEmail.bodyAsString());
      HttpResponse<Buffer> again = kenes.adminPost("/api/studies/small/invitations");
      assertEquals(new JsonObject().put("queued", 0).put("withoutEmail", 1), again.bodyAsJsonObject(),
          "someone without an email is counted, not written to");

      HttpResponse<Buffer> status = kenes.adminGet("/api/studies/small/participants");
      JsonObject first = status.bodyAsJsonArray().stream().map(JsonObject.class::cast)
          .filter(p -> "p0@example.org".equals(p.getString("email"))).findFirst().orElseThrow();
      assertEquals("unsent", first.getString("invited"));
    }
  }

  @Test
  @DisplayName("reminders go only to those who have not submitted the open round, at most once a day each")
  void remindersSkipSubmitted() throws Exception {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers", "patients", "policy");
      assertEquals(409, kenes.adminPost("/api/studies/small/reminders").statusCode(), "no open round yet");
      kenes.adminPost("/api/studies/small/rounds");
      kenes.put("/api/p/" + people.getJsonObject(0).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 8))).put("submit", true));
      kenes.put("/api/p/" + people.getJsonObject(1).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject().put("strategy", new JsonObject().put("value", 5))));

      // "The same day" is the UTC date: two requests either side of midnight would be on two days.
      Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
      if (Instant.now().plusSeconds(30).isAfter(midnight)) {
        Wait.until("midnight UTC has passed", () -> Instant.now().isAfter(midnight));
      }
      assertEquals(3, queued(kenes.adminPost("/api/studies/small/reminders")), "a draft is not a submission");
      assertEquals(0, queued(kenes.adminPost("/api/studies/small/reminders")), "not twice the same day");
      Set<String> reminded = outbox(kenes).stream().filter(m -> m.getString("kind").equals("reminder"))
          .map(m -> m.getString("to")).collect(Collectors.toSet());
      assertEquals(Set.of("p1@example.org", "p2@example.org", "p3@example.org"), reminded);
      JsonObject one = outbox(kenes).stream().filter(m -> m.getString("to").equals("p2@example.org")).findFirst()
          .orElseThrow();
      assertEquals("Reminder: round 1 of Small test study", one.getString("subject"));
      assertEquals(1, one.getInteger("round"));
    }
  }

  @Test
  @DisplayName("a study's own message text in a language replaces Kenes's, placeholders filled; a text without {link} is refused")
  void editedTexts() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers");
      HttpResponse<Buffer> bad = kenes.vertxClient().put("/api/studies/small/mail-texts/invitation/ru")
          .bearerTokenAuthentication(TestKenes.ADMIN)
          .sendJsonObject(new JsonObject().put("subject", "Тема").put("body", "Без ссылки")).await();
      assertEquals(400, bad.statusCode());
      assertEquals("body", bad.bodyAsJsonObject().getJsonArray("details").getJsonObject(0).getString("path"));
      HttpResponse<Buffer> ok = kenes.vertxClient().put("/api/studies/small/mail-texts/invitation/ru")
          .bearerTokenAuthentication(TestKenes.ADMIN).sendJsonObject(new JsonObject()
              .put("subject", "Приглашаем, {name}").put("body", "Здравствуйте, {name}! {study}: {link} — it's {round}"))
          .await();
      assertEquals(200, ok.statusCode(), ok.bodyAsString());
      JsonArray texts = kenes.adminGet("/api/studies/small/mail-texts").bodyAsJsonArray();
      assertEquals(6, texts.size(), "three kinds (invitation, reminder, results) in two languages");

      kenes.adminPost("/api/studies/small/invitations");
      JsonObject ru = outbox(kenes).stream().filter(m -> m.getString("language").equals("ru")).findFirst().orElseThrow();
      assertEquals("Приглашаем, Person 1", ru.getString("subject"));
      assertEquals("Здравствуйте, Person 1! Небольшое тестовое исследование: "
          + people.getJsonObject(1).getString("link") + " — it's ", ru.getString("body"));
      JsonObject en = outbox(kenes).stream().filter(m -> m.getString("language").equals("en")).findFirst().orElseThrow();
      assertEquals("Invitation: Small test study", en.getString("subject"), "English keeps Kenes's text");
    }
  }

  @Test
  @DisplayName("with KENES_SMTP_HOST invitations and reminders reach a local SMTP server and the outbox says sent")
  void deliveredThroughSmtp() throws Exception {
    ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
    setup.setServerStartupTimeout(Wait.PATIENCE.toMillis());
    GreenMail smtp = new GreenMail(setup);
    smtp.start();
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")),
        Map.of("KENES_SMTP_HOST", "127.0.0.1", "KENES_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
            "KENES_SMTP_FROM", "delphi@kenes.test"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "providers", "patients");
      assertEquals(3, queued(kenes.adminPost("/api/studies/small/invitations")));
      assertTrue(smtp.waitForIncomingEmail(Wait.PATIENCE.toMillis(), 3), "three invitations delivered");
      MimeMessage[] received = smtp.getReceivedMessages();
      Set<String> to = java.util.Arrays.stream(received).map(m -> GreenMailUtil.getAddressList(uncheck(m))).collect(Collectors.toSet());
      assertEquals(Set.of("p0@example.org", "p1@example.org", "p2@example.org"), to);
      MimeMessage first = java.util.Arrays.stream(received)
          .filter(m -> GreenMailUtil.getAddressList(uncheck(m)).equals("p0@example.org")).findFirst().orElseThrow();
      assertEquals("Invitation: Small test study", first.getSubject());
      assertEquals("delphi@kenes.test", GreenMailUtil.getAddressList(first.getFrom()));
      assertTrue(GreenMailUtil.getBody(first).contains(people.getJsonObject(0).getString("token")));
      Wait.until("the outbox says sent",
          () -> outbox(kenes).stream().allMatch(m -> m.getString("status").equals("sent")));
      assertFalse(outbox(kenes).stream().anyMatch(m -> m.getString("sentAt") == null));

      kenes.adminPost("/api/studies/small/rounds");
      kenes.put("/api/p/" + people.getJsonObject(2).getString("token") + "/answers", new JsonObject()
          .put("answers", new JsonObject()).put("submit", true));
      assertEquals(2, queued(kenes.adminPost("/api/studies/small/reminders")));
      assertTrue(smtp.waitForIncomingEmail(Wait.PATIENCE.toMillis(), 5), "two reminders delivered");
      Set<String> reminded = java.util.Arrays.stream(smtp.getReceivedMessages())
          .filter(m -> subject(m).startsWith("Reminder: round 1") || subject(m).startsWith("Напоминание: раунд 1"))
          .map(m -> GreenMailUtil.getAddressList(uncheck(m))).collect(Collectors.toSet());
      assertEquals(Set.of("p0@example.org", "p1@example.org"), reminded, "not the one who submitted");
    } finally {
      smtp.stop();
    }
  }

  @Test
  @DisplayName("with KENES_SMTP_TLS=required a server that offers no STARTTLS is sent nothing; the outbox says why")
  void tlsRequired() throws Exception {
    ServerSetup setup = ServerSetupTest.SMTP.dynamicPort();
    setup.setServerStartupTimeout(Wait.PATIENCE.toMillis());
    GreenMail smtp = new GreenMail(setup);
    smtp.start();
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"), TestKenes.emptyFolder(dir.resolve("data")),
        Map.of("KENES_SMTP_HOST", "127.0.0.1", "KENES_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
            "KENES_SMTP_TLS", "required"))) {
      kenes.createSmallStudy();
      kenes.addParticipants("small", "policy");
      assertEquals(1, queued(kenes.adminPost("/api/studies/small/invitations")));
      Wait.until("the outbox says why the message was not sent",
          () -> outbox(kenes).get(0).getString("error") != null);
      assertTrue(outbox(kenes).get(0).getString("error").contains("STARTTLS"), outbox(kenes).toString());
      assertEquals(0, smtp.getReceivedMessages().length, "nothing went out in clear");
    } finally {
      smtp.stop();
    }
  }

  private static jakarta.mail.Address[] uncheck(MimeMessage m) {
    try {
      return m.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
