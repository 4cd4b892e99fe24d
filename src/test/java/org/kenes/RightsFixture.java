package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A study with a consent text ({@code studies/rights.yaml}, under an id of the test's) and nine panelists, three per
 * panel: Zhanar, whose rights the tests exercise, first, then eight others. Each can agree to the consent text and
 * answer a round.
 */
public final class RightsFixture {

  private static final String[] PANELS = {"policy", "policy", "policy", "providers", "providers", "providers",
      "patients", "patients", "patients"};

  public final TestKenes kenes;
  public final String study;
  /** Zhanar's name and email address, of this study only: another study's Zhanar is another person. */
  public final String name;
  public final String email;
  /** {@code {"id", "token", "link"}} of each panelist, Zhanar first. */
  public final List<JsonObject> people;

  private RightsFixture(TestKenes kenes, String study, List<JsonObject> people) {
    this.kenes = kenes;
    this.study = study;
    this.people = people;
    this.name = name(study);
    this.email = email(study);
  }

  /** The study under {@code id} (with {@code more} lines added to its file) and its nine panelists, invited. */
  public static RightsFixture create(TestKenes kenes, String id, String more) {
    String file = TestKenes.resource("studies/rights.yaml").replace("id: rights", "id: " + id) + more;
    HttpResponse<Buffer> created = kenes.adminPost("/api/studies", "application/yaml", file);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    JsonArray people = new JsonArray().add(new JsonObject().put("name", name(id)).put("email", email(id))
        .put("panel", "policy").put("language", "ru"));
    for (int i = 1; i < PANELS.length; i++) {
      people.add(new JsonObject().put("name", "Other " + i).put("email", "other" + i + "@example.org")
          .put("panel", PANELS[i]).put("language", i % 2 == 0 ? "en" : "ru"));
    }
    HttpResponse<Buffer> added = kenes.adminPost("/api/studies/" + id + "/participants", "application/json",
        people.encode());
    assertEquals(201, added.statusCode(), added.bodyAsString());
    assertEquals(200, kenes.adminPost("/api/studies/" + id + "/invitations").statusCode());
    List<JsonObject> list = new ArrayList<>();
    added.bodyAsJsonArray().forEach(p -> list.add((JsonObject) p));
    return new RightsFixture(kenes, id, list);
  }

  private static String name(String study) {
    return "Zhanar Tulegenova of " + study;
  }

  private static String email(String study) {
    return "zhanar.tulegenova." + study + "@example.kz";
  }

  public String token(int person) {
    return people.get(person).getString("token");
  }

  public String id(int person) {
    return people.get(person).getString("id");
  }

  /** The panelist agrees to the consent text the questionnaire shows them. */
  public void agree(int person) {
    kenes.agree(token(person));
  }

  public void agreeAll() {
    for (int i = 0; i < people.size(); i++) {
      agree(i);
    }
  }

  /**
   * Every panelist from {@code from} submits ratings of strategy and audit and a comment; panelist i rates strategy
   * {@code 9 - i % 3} and audit {@code 5 + i % 4}, but Zhanar rates strategy {@code zhanar}.
   */
  public void answerAll(int from, int zhanar) {
    for (int i = from; i < people.size(); i++) {
      JsonObject answers = new JsonObject()
          .put("strategy", new JsonObject().put("value", i == 0 ? zhanar : 9 - i % 3).put("reason", "Considered"))
          .put("audit", new JsonObject().put("value", 5 + i % 4).put("comment", "Comment of panelist " + i));
      HttpResponse<Buffer> saved = kenes.put("/api/p/" + token(i) + "/answers",
          new JsonObject().put("answers", answers).put("submit", true));
      assertEquals(200, saved.statusCode(), saved.bodyAsString());
    }
  }

  public void openRound() {
    HttpResponse<Buffer> opened = kenes.adminPost("/api/studies/" + study + "/rounds");
    assertEquals(201, opened.statusCode(), opened.bodyAsString());
  }

  public JsonObject closeRound(int n) {
    HttpResponse<Buffer> closed = kenes.adminPost("/api/studies/" + study + "/rounds/" + n + "/close");
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    return closed.bodyAsJsonObject();
  }
}
