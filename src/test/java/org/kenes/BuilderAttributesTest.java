package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study builder's participant attributes over HTTP, as a browser without JavaScript posts them: added, given
 * options or bounds, refused at the field with nothing stored, removed; fixed once round 1 has opened.
 */
class BuilderAttributesTest {

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

  private static HttpResponse<Buffer> post(String study, String... pairs) {
    return maria.postBuilderForm("/console/studies/" + study + "/build/attributes", pairs);
  }

  private static JsonArray attributes(String id) {
    return kenes.adminGet("/api/studies/" + id).bodyAsJsonObject().getJsonArray("attributes");
  }

  private static void draft(String id) {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: " + id));
    kenes.grant(id, "maria", "facilitator");
  }

  @Test
  @DisplayName("a choice and a number added, given options and bounds, a wrong bound refused, moved, then both removed")
  void buildThem() {
    draft("who");
    String empty = maria.get("/console/studies/who/build/attributes").bodyAsString();
    assertTrue(empty.contains("No attributes yet"), empty);
    assertTrue(maria.get("/console/studies/who/build").bodyAsString()
        .contains("href=\"/console/studies/who/build/attributes\""), "in the builder's menu");

    HttpResponse<Buffer> added = post("who", "action", "add", "index", "0", "attributes[0].id", "sector",
        "attributes[0].name.en", "Sector", "attributes[0].name.ru", "Сектор", "attributes[0].type", "choice",
        "attributes[0].required", "false", "attributes[0].required", "true");
    assertEquals(400, added.statusCode(), "a choice needs its options");
    assertTrue(added.bodyAsString().contains("id=\"f-attributes-0-options-error\"")
        || added.bodyAsString().contains("href=\"#f-attributes-0-options\""), added.bodyAsString());
    added = post("who", "action", "add", "index", "0", "attributes[0].id", "sector",
        "attributes[0].name.en", "Sector", "attributes[0].name.ru", "Сектор", "attributes[0].type", "choice",
        "attributes[0].required", "false", "attributes[0].required", "true", "attributes[0].options[0].id", "public",
        "attributes[0].options[0].text.en", "Public", "attributes[0].options[0].text.ru", "Государственный",
        "attributes[0].options[1].id", "ngo", "attributes[0].options[1].text.en", "NGO",
        "attributes[0].options[1].text.ru", "НКО");
    assertEquals(303, added.statusCode(), added.bodyAsString());
    HttpResponse<Buffer> options = post("who", "action", "save", "index", "0", "attributes[0].name.en", "Sector",
        "attributes[0].name.ru", "Сектор", "attributes[0].type", "choice", "attributes[0].required", "false",
        "attributes[0].required", "true", "attributes[0].min", "", "attributes[0].max", "",
        "attributes[0].options[0].id", "public", "attributes[0].options[0].text.en", "Public",
        "attributes[0].options[0].text.ru", "Государственный", "attributes[0].options[1].id", "private",
        "attributes[0].options[1].text.en", "Private", "attributes[0].options[1].text.ru", "Частный",
        "attributes[0].options[2].id", "", "attributes[0].options[2].text.en", "",
        "attributes[0].options[2].text.ru", "");
    assertEquals(303, options.statusCode(), options.bodyAsString());
    JsonObject sector = attributes("who").getJsonObject(0);
    assertEquals("choice", sector.getString("type"));
    assertEquals(true, sector.getBoolean("required"));
    assertEquals(new JsonArray().add(new JsonObject().put("id", "public").put("text", new JsonObject()
            .put("en", "Public").put("ru", "Государственный")))
        .add(new JsonObject().put("id", "private").put("text", new JsonObject().put("en", "Private")
            .put("ru", "Частный"))), sector.getJsonArray("options"), "the empty row is no option");

    HttpResponse<Buffer> number = post("who", "action", "add", "index", "1", "attributes[1].id", "years",
        "attributes[1].name.en", "Years of experience", "attributes[1].name.ru", "Стаж, лет",
        "attributes[1].type", "number", "attributes[1].required", "false", "attributes[1].min", "0",
        "attributes[1].max", "50");
    assertEquals(303, number.statusCode(), number.bodyAsString());
    HttpResponse<Buffer> bad = post("who", "action", "save", "index", "1", "attributes[1].name.en",
        "Years of experience", "attributes[1].name.ru", "Стаж, лет", "attributes[1].type", "number",
        "attributes[1].required", "false", "attributes[1].min", "many", "attributes[1].max", "60");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.bodyAsString().contains("id=\"f-attributes-1-min-error\""), bad.bodyAsString());
    assertTrue(bad.bodyAsString().contains("value=\"many\""), "what was typed is kept");
    assertEquals(50, attributes("who").getJsonObject(1).getInteger("max"), "nothing stored");
    assertEquals(303, post("who", "action", "save", "index", "1", "attributes[1].name.en", "Years of experience",
        "attributes[1].name.ru", "Стаж, лет", "attributes[1].type", "number", "attributes[1].required", "false",
        "attributes[1].min", "0", "attributes[1].max", "60").statusCode());
    JsonObject years = attributes("who").getJsonObject(1);
    assertEquals(0, years.getInteger("min"));
    assertEquals(60, years.getInteger("max"));
    assertEquals(303, post("who", "action", "up", "index", "1").statusCode());
    assertEquals("years", attributes("who").getJsonObject(0).getString("id"));
    assertEquals(303, post("who", "action", "remove", "index", "0").statusCode());
    assertEquals(303, post("who", "action", "remove", "index", "0").statusCode());
    assertFalse(kenes.adminGet("/api/studies/who").bodyAsJsonObject().containsKey("attributes"));
  }

  @Test
  @DisplayName("once round 1 has opened the attributes are shown but fixed: a form is refused, nothing changes")
  void fixedOnceBegun() {
    draft("fixed");
    assertEquals(303, post("fixed", "action", "add", "index", "0", "attributes[0].id", "region",
        "attributes[0].name.en", "Region", "attributes[0].name.ru", "Регион", "attributes[0].type", "choice",
        "attributes[0].required", "false", "attributes[0].options[0].id", "north",
        "attributes[0].options[0].text.en", "North", "attributes[0].options[0].text.ru", "Север",
        "attributes[0].options[1].id", "south", "attributes[0].options[1].text.en", "South",
        "attributes[0].options[1].text.ru", "Юг").statusCode());
    kenes.addParticipants("fixed", "policy");
    assertEquals(201, kenes.adminPost("/api/studies/fixed/rounds").statusCode());
    String page = maria.get("/console/studies/fixed/build/attributes").bodyAsString();
    assertTrue(page.contains("<fieldset disabled><legend><code>region</code></legend>"), page);
    HttpResponse<Buffer> refused = post("fixed", "action", "save", "index", "0", "attributes[0].name.en", "Area",
        "attributes[0].name.ru", "Регион", "attributes[0].type", "choice", "attributes[0].required", "false",
        "attributes[0].options[0].id", "north", "attributes[0].options[0].text.en", "North",
        "attributes[0].options[0].text.ru", "Север", "attributes[0].options[1].id", "south",
        "attributes[0].options[1].text.en", "South", "attributes[0].options[1].text.ru", "Юг");
    assertEquals(409, refused.statusCode());
    assertEquals("Region", attributes("fixed").getJsonObject(0).getJsonObject("name").getString("en"));
  }
}
