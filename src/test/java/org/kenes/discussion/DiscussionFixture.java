package org.kenes.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.kenes.TestKenes;

/**
 * The small test study under an id of the test's with a {@code discussion} setting, and eight panelists: four
 * policy-makers (a panel large enough to be named), three providers (named neither: the lone patient's panel would
 * otherwise be what "a participant" means) and one patient.
 */
public final class DiscussionFixture {

  public static final String[] PANELS = {"policy", "policy", "policy", "policy", "providers", "providers",
      "providers", "patients"};

  public final TestKenes kenes;
  public final String study;
  /** {@code {"id", "token", "link"}} of each panelist, in the order of {@link #PANELS}. */
  public final JsonArray people;

  private DiscussionFixture(TestKenes kenes, String study, JsonArray people) {
    this.kenes = kenes;
    this.study = study;
    this.people = people;
  }

  public static DiscussionFixture create(TestKenes kenes, String id, String setting) {
    String file = TestKenes.resource("studies/small.yaml").replace("id: small", "id: " + id)
        + "\ndiscussion: " + setting + "\n";
    HttpResponse<Buffer> created = kenes.adminPost("/api/studies", "application/yaml", file);
    assertEquals(201, created.statusCode(), created.bodyAsString());
    return new DiscussionFixture(kenes, id, kenes.addParticipants(id, PANELS));
  }

  public String token(int person) {
    return people.getJsonObject(person).getString("token");
  }

  public String id(int person) {
    return people.getJsonObject(person).getString("id");
  }

  public String thread(int person, String item) {
    return "/api/p/" + token(person) + "/items/" + item + "/thread";
  }

  public HttpResponse<Buffer> post(int person, String item, JsonObject body) {
    return kenes.vertxClient().post(thread(person, item)).sendJsonObject(body).await();
  }

  /** Posts and returns the new post's id. */
  public String posted(int person, String item, JsonObject body) {
    HttpResponse<Buffer> r = post(person, item, body);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getString("id");
  }

  public HttpResponse<Buffer> agree(int person, String item, String post) {
    return kenes.vertxClient().put(thread(person, item) + "/" + post + "/agree").send().await();
  }

  public JsonObject read(int person, String item) {
    HttpResponse<Buffer> r = kenes.get(thread(person, item));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  public void openRound() {
    assertEquals(201, kenes.adminPost("/api/studies/" + study + "/rounds").statusCode());
  }

  public void closeRound(int n) {
    HttpResponse<Buffer> r = kenes.adminPost("/api/studies/" + study + "/rounds/" + n + "/close");
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }
}
