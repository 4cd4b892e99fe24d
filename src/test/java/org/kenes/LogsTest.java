package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.config.KenesConfig;

/** What the server logs, as its own configuration writes it: never a panelist's name, email address or link. */
class LogsTest {

  @TempDir
  Path dir;

  /**
   * An SMTP server that refuses every recipient, naming the address in its reply, as real servers do ("550 5.1.1
   * <x@example.org>: Recipient address rejected"): the error a mailer is most likely to log.
   */
  private static NetServer refusingSmtp(Vertx vertx) {
    return vertx.createNetServer().connectHandler(socket -> {
      socket.write("220 smtp.test ESMTP\r\n");
      socket.handler(io.vertx.core.parsetools.RecordParser.newDelimited("\r\n", line -> {
        String command = line.toString();
        String upper = command.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
          socket.write("250 smtp.test\r\n");
        } else if (upper.startsWith("RCPT TO:")) {
          socket.write("550 5.1.1 " + command.substring(8).trim() + ": Recipient address rejected\r\n");
        } else if (upper.startsWith("QUIT")) {
          socket.write("221 bye\r\n").onComplete(r -> socket.close());
        } else if (upper.startsWith("RSET") || upper.startsWith("MAIL FROM:") || upper.startsWith("NOOP")) {
          socket.write("250 OK\r\n");
        } else {
          socket.write("502 not here\r\n");
        }
      }));
    }).listen(0, "127.0.0.1").await();
  }

  @Test
  @DisplayName("a mail server's refusal naming the address, and a panelist's whole visit, leave no name, email or "
      + "link in the logs")
  void noPersonalDataInLogs() throws Exception {
    Vertx smtpVertx = Vertx.vertx();
    NetServer smtp = refusingSmtp(smtpVertx);
    try (LogCapture logs = LogCapture.start(); TestKenes kenes = TestKenes.start(dir.resolve("data"),
        TestKenes.emptyFolder(dir.resolve("data")), Map.of(KenesConfig.SMTP_HOST, "127.0.0.1",
            KenesConfig.SMTP_PORT, String.valueOf(smtp.actualPort())))) {
      kenes.createSmallStudy();
      String name = "Aigerim Nurlanovna Seitkali";
      String email = "aigerim.seitkali@example.kz";
      HttpResponse<Buffer> added = kenes.adminPost("/api/studies/small/participants", "application/json",
          new JsonArray().add(new JsonObject().put("name", name).put("email", email).put("panel", "policy")).encode());
      String token = added.bodyAsJsonArray().getJsonObject(0).getString("token");
      kenes.adminPost("/api/studies/small/invitations");
      Wait.until("the refusal logged", () -> logs.text().contains("not sent"));
      kenes.adminPost("/api/studies/small/rounds");
      assertEquals(200, kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", new JsonObject()
          .put("strategy", new JsonObject().put("value", 7))).put("submit", true)).statusCode());
      kenes.get("/p/" + token);
      kenes.get("/p/" + token + "/me");
      kenes.put("/api/p/" + token + "/answers", new JsonObject().put("answers", "not an object"));
      assertEquals(200, kenes.vertxClient().delete("/api/p/" + token).send().await().statusCode());

      String text = logs.text();
      assertTrue(text.contains("Recipient address rejected"), "the refusal is there:\n" + text);
      assertTrue(text.contains("[email]"), "with its address replaced:\n" + text);
      for (String secret : List.of(name, email, token)) {
        assertFalse(text.contains(secret), "the logs hold " + secret + ":\n" + text);
      }
    } finally {
      smtp.close().await();
      smtpVertx.close().await();
    }
  }
}
