package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study builder's reporting information over HTTP, as a browser without JavaScript posts it: each field of the
 * reporting block in every language, before round 1 and after it opened, shown in the report and its checklists.
 */
class BuilderReportingTest {

  @TempDir
  static Path dir;
  static TestKenes kenes;
  static ConsoleSession maria;

  @BeforeAll
  static void start() {
    kenes = TestKenes.start(dir.resolve("data"));
    kenes.account("maria");
    maria = ConsoleSession.login(kenes, "maria", TestKenes.PASSWORD);
  }

  @AfterAll
  static void stop() {
    kenes.close();
  }

  private static HttpResponse<Buffer> reporting(String study, String... pairs) {
    return maria.postBuilderForm("/console/studies/" + study + "/build/reporting", pairs);
  }

  private static JsonObject study(String id) {
    return kenes.adminGet("/api/studies/" + id).bodyAsJsonObject();
  }

  @Test
  @DisplayName("a draft's reporting information: a text per field and language, saved, emptied to not reported")
  void draft() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: told"));
    kenes.grant("told", "maria", "facilitator");
    String page = maria.get("/console/studies/told/build/reporting").bodyAsString();
    assertTrue(page.contains("<legend>Ethics approval</legend>"), page);
    assertTrue(page.contains("id=\"f-reporting-ethics-ru\" name=\"reporting.ethics.ru\" rows=\"4\" lang=\"ru\""), page);
    assertTrue(maria.get("/console/studies/told/build").bodyAsString()
        .contains("href=\"/console/studies/told/build/reporting\""), "in the builder's menu");

    HttpResponse<Buffer> saved = reporting("told", "reporting.ethics.en", "Approved, ref. 17\r\n",
        "reporting.ethics.ru", "Одобрено, № 17", "reporting.funding.en", "", "reporting.funding.ru", "");
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals("/console/studies/told/build/reporting?done=saved", saved.getHeader("Location"));
    JsonObject reporting = study("told").getJsonObject("reporting");
    assertEquals(new JsonObject().put("ethics", new JsonObject().put("en", "Approved, ref. 17")
        .put("ru", "Одобрено, № 17")), reporting, "a field left empty is not stored");
    String report = kenes.adminGet("/studies/told/report?lang=ru").bodyAsString();
    assertTrue(report.contains("<dd>Одобрено, № 17</dd>"), report);

    assertEquals(303, reporting("told", "reporting.ethics.en", "", "reporting.ethics.ru", "").statusCode());
    assertFalse(study("told").containsKey("reporting"), "emptied in every language: nothing is reported");
  }

  @Test
  @DisplayName("after round 1 the reporting information still changes, in every language of the study, and the "
      + "report and its checklists say it at once")
  void afterRoundOne() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: later"));
    kenes.grant("later", "maria", "facilitator");
    kenes.addParticipants("later", "policy");
    assertEquals(201, kenes.adminPost("/api/studies/later/rounds").statusCode());
    String page = maria.get("/console/studies/later/build/reporting").bodyAsString();
    assertTrue(page.contains("its questions can no longer change, but this reporting information can"), page);

    HttpResponse<Buffer> half = reporting("later", "reporting.limitations.en", "A small panel");
    assertEquals(400, half.statusCode(), "the Russian text is missing");
    assertTrue(half.bodyAsString().contains("id=\"f-reporting-limitations-ru-error\""), half.bodyAsString());
    assertFalse(study("later").containsKey("reporting"), "nothing stored");

    assertEquals(303, reporting("later", "reporting.limitations.en", "A small panel",
        "reporting.limitations.ru", "Малая панель").statusCode());
    String report = kenes.adminGet("/studies/later/report?lang=en").bodyAsString();
    assertTrue(report.contains("<dt id=\"reporting-limitations\">Limitations</dt><dd>A small panel</dd>"), report);
    assertTrue(report.contains("<tr class=\"given\"><th scope=\"row\">D1</th>"), "the checklist item is answered");
    assertEquals("given", kenes.adminGet("/api/studies/later/checklist").bodyAsJsonObject()
        .getJsonArray("checklists").getJsonObject(0).getJsonArray("items").getJsonObject(30).getString("status"));
  }
}
