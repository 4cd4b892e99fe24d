package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study builder's privacy and consent over HTTP: the consent text per language, the retention period and the
 * contact, before round 1 and after, through the builder, the translation view and the advanced editor; copies and
 * the preview of a study with a consent text.
 */
class BuilderPrivacyTest {

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

  private static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static JsonObject study(String id) {
    return kenes.adminGet("/api/studies/" + id).bodyAsJsonObject();
  }

  /** A form of the page {@code page} posted as a browser would: with its CSRF token and the study's hash. */
  private static HttpResponse<Buffer> post(String path, String page, String... pairs) {
    Matcher hash = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"").matcher(maria.get(page).bodyAsString());
    assertTrue(hash.find(), page);
    return maria.post(path, page, form(pairs).add("hash", hash.group(1)));
  }

  private static HttpResponse<Buffer> privacy(String study, String... pairs) {
    String page = "/console/studies/" + study + "/build/privacy";
    return post(page, page, pairs);
  }

  private static String consentOf(String study, String participant) {
    return kenes.adminGet("/api/studies/" + study + "/participants").bodyAsJsonArray().stream()
        .map(JsonObject.class::cast).filter(p -> participant.equals(p.getString("id"))).findFirst().orElseThrow()
        .getString("consent");
  }

  @Test
  @DisplayName("a draft's privacy terms: the defaults shown, each problem at its field with nothing stored, then saved")
  void draft() {
    kenes.adminPost("/api/studies", "application/yaml", TestKenes.resource("studies/small.yaml")
        .replace("id: small", "id: terms"));
    kenes.grant("terms", "maria", "facilitator");
    String page = maria.get("/console/studies/terms/build/privacy").bodyAsString();
    assertTrue(page.contains("id=\"f-retentionDays\" name=\"retentionDays\" type=\"number\" value=\"365\""),
        "the default retention period filled in");
    assertTrue(page.contains("id=\"f-consent-ru\" name=\"consent.ru\" rows=\"12\" lang=\"ru\""), page);
    assertTrue(page.contains("can answer only once they have agreed to it"), "each field explained");
    assertTrue(maria.get("/console/studies/terms/build").bodyAsString()
        .contains("href=\"/console/studies/terms/build/privacy\""), "in the builder's menu");

    HttpResponse<Buffer> bad = privacy("terms", "consent.en", "We ask your consent.", "consent.ru", "",
        "retentionDays", "-5", "contact", "dpo at example.org");
    assertEquals(400, bad.statusCode());
    String refused = bad.bodyAsString();
    assertTrue(refused.contains("id=\"f-contact-error\""), refused);
    assertTrue(refused.contains("id=\"f-retentionDays-error\""), refused);
    assertTrue(refused.contains("value=\"dpo at example.org\""), "what was typed is kept");
    assertTrue(refused.contains("href=\"#f-contact\""), "the list links to the field");
    assertFalse(study("terms").containsKey("contact"), "nothing stored");

    HttpResponse<Buffer> saved = privacy("terms", "consent.en", "We ask your consent.\r\n\r\nYou may withdraw.",
        "consent.ru", "", "retentionDays", "730", "contact", " dpo@example.org ");
    assertEquals(303, saved.statusCode(), saved.bodyAsString());
    assertEquals("/console/studies/terms/build/privacy?done=saved", saved.getHeader("Location"));
    JsonObject terms = study("terms");
    assertEquals("We ask your consent.\n\nYou may withdraw.", terms.getJsonObject("consent").getString("en"));
    assertEquals(730, terms.getInteger("retentionDays"));
    assertEquals("dpo@example.org", terms.getString("contact"));
    String missing = maria.get("/console/studies/terms/translations?missing=1").bodyAsString();
    assertTrue(missing.contains("id=\"f-consent-ru\""), "the Russian consent text is missing, as any text would be");
    assertTrue(maria.get("/console/studies/terms/build").bodyAsString().contains("Consent text › Русский"));

    assertEquals(303, privacy("terms", "consent.en", "", "consent.ru", "", "retentionDays", "365", "contact", "")
        .statusCode());
    JsonObject none = study("terms");
    assertFalse(none.containsKey("consent"), "emptied in every language: no consent is asked");
    assertFalse(none.containsKey("retentionDays"), "the default, as a study file leaves it out");
    assertFalse(none.containsKey("contact"));
  }

  @Test
  @DisplayName("after round 1 only the privacy terms change, in the builder, the translations and the advanced view; "
      + "a changed consent text asks again those who agreed, a text sent back unchanged asks nobody")
  void afterRoundOne() {
    RightsFixture f = RightsFixture.create(kenes, "begun", "");
    kenes.grant("begun", "maria", "facilitator");
    f.openRound();
    f.agree(0);
    f.agree(2);
    String ru = study("begun").getJsonObject("consent").getString("ru");
    String en = study("begun").getJsonObject("consent").getString("en");
    assertTrue(ru.endsWith("\n"), "the study file's block ends its texts with a line break");

    assertTrue(maria.get("/console/studies/begun/build/scale").bodyAsString().contains("<fieldset disabled>"),
        "the builder's other pages are for drafts");
    String page = maria.get("/console/studies/begun/build/privacy").bodyAsString();
    assertFalse(page.contains("disabled"), page);
    assertTrue(page.contains("only these privacy terms can still change"), page);

    // The texts sent back as the browser shows them (CR LF, without the final line break): nobody is asked again.
    assertEquals(303, privacy("begun", "consent.en", en.strip().replace("\n", "\r\n"), "consent.ru",
        ru.strip().replace("\n", "\r\n"), "retentionDays", "400", "contact", "dpo@example.org").statusCode());
    assertEquals(400, study("begun").getInteger("retentionDays"));
    assertEquals(ru, study("begun").getJsonObject("consent").getString("ru"), "kept to the line break");
    assertEquals("agreed", consentOf("begun", f.id(0)));

    HttpResponse<Buffer> emptied = privacy("begun", "consent.en", en, "consent.ru", "", "retentionDays", "400",
        "contact", "dpo@example.org");
    assertEquals(400, emptied.statusCode(), "a study under way cannot ask some panelists to agree to nothing");
    assertTrue(emptied.bodyAsString().contains("id=\"f-consent-ru-error\""), emptied.bodyAsString());
    assertEquals(ru, study("begun").getJsonObject("consent").getString("ru"));
    assertEquals(409, post("/console/studies/begun/build", "/console/studies/begun/build", "title.en", "Another")
        .statusCode(), "the questions stay");
    HttpResponse<Buffer> stale = maria.post("/console/studies/begun/build/privacy",
        "/console/studies/begun/build/privacy", form("consent.en", en, "consent.ru", ru, "retentionDays", "401",
            "contact", "dpo@example.org", "hash", "0123456789abcdef"));
    assertEquals(409, stale.statusCode());
    assertTrue(stale.bodyAsString().contains("Someone changed the study while you were editing it"),
        "a colleague's change, not the rounds, stands in the way");
    assertEquals(400, study("begun").getInteger("retentionDays"));

    HttpResponse<Buffer> reworded = privacy("begun", "consent.en", en, "consent.ru",
        ru.replace("попросить удалить ваши данные", "попросить удалить свои данные"), "retentionDays", "400",
        "contact", "dpo@example.org");
    assertEquals(303, reworded.statusCode(), reworded.bodyAsString());
    assertEquals("asked-again", consentOf("begun", f.id(0)), "the Russian text changed");
    assertEquals("agreed", consentOf("begun", f.id(2)), "the English one did not");
    assertTrue(kenes.get("/p/" + f.token(0)).bodyAsString().contains("Этот текст изменился"));

    // The translation view: the consent text and the messages open, every other text shown as it is.
    String translations = maria.get("/console/studies/begun/translations").bodyAsString();
    assertTrue(translations.contains("name=\"title.en\" value=\"Small test study\" lang=\"en\" disabled"),
        translations);
    assertTrue(Pattern.compile("name=\"consent\\.en\" rows=\"4\" lang=\"en\">").matcher(translations).find());
    assertEquals(303, post("/console/studies/begun/translations", "/console/studies/begun/translations",
        "consent.en", en + "\nQuestions: dpo@example.org.").statusCode());
    assertEquals("asked-again", consentOf("begun", f.id(2)));
    assertEquals(409, post("/console/studies/begun/translations", "/console/studies/begun/translations",
        "title.en", "Another title").statusCode(), "a text sent past the page's locks is refused");
    assertEquals("Small test study", study("begun").getJsonObject("title").getString("en"));

    // The advanced editor takes the same terms, and refuses the rest.
    String definition = maria.get("/console/studies/begun/edit").bodyAsString();
    assertTrue(definition.contains("&quot;retentionDays&quot; : 400"), definition);
    String yaml = kenes.adminGet("/api/studies/begun/study.yaml").bodyAsString();
    assertEquals(303, maria.post("/console/studies/begun/edit", "/console/studies/begun/edit",
        form("definition", yaml.replace("retentionDays: 400", "retentionDays: 500"))).statusCode());
    assertEquals(500, study("begun").getInteger("retentionDays"));
  }

  @Test
  @DisplayName("a copy carries the consent text, the retention period and the contact, and asks its panelists anew")
  void copy() {
    RightsFixture f = RightsFixture.create(kenes, "original", "retentionDays: 90\n");
    kenes.grant("original", "maria", "facilitator");
    f.openRound();
    f.agree(0);
    HttpResponse<Buffer> copied = maria.post("/console/studies/original/copy", "/console/studies/original",
        form("newId", "original-2"));
    assertEquals(303, copied.statusCode(), copied.bodyAsString());
    JsonObject original = study("original");
    JsonObject copy = study("original-2");
    assertEquals(original.getJsonObject("consent"), copy.getJsonObject("consent"));
    assertEquals(90, copy.getInteger("retentionDays"));
    assertEquals("dpo@example.org", copy.getString("contact"));
    String page = maria.get("/console/studies/original-2/build/privacy").bodyAsString();
    assertTrue(page.contains("value=\"90\"") && page.contains("value=\"dpo@example.org\""), page);
    assertTrue(page.contains("Вы можете выйти из диалога"), "the consent text in the builder");
    assertTrue(kenes.adminGet("/api/studies/original-2/participants").bodyAsJsonArray().isEmpty(),
        "nobody came with it, so nobody has agreed yet");
  }

  @Test
  @DisplayName("the preview says panelists are first asked for their consent, and shows that page as they see it; "
      + "agreeing leads to the questionnaire and stores nothing")
  void preview() {
    RightsFixture f = RightsFixture.create(kenes, "previewed", "");
    kenes.grant("previewed", "maria", "facilitator");
    f.openRound();
    String questionnaire = maria.get("/console/studies/previewed/preview?panel=providers&lang=ru").bodyAsString();
    assertTrue(questionnaire.contains("class=\"questionnaire\""), "as a panelist who has agreed sees it");
    assertTrue(questionnaire.contains("Panelists are first asked to agree to the study’s consent text"),
        questionnaire);
    assertTrue(questionnaire.replace("&#x3D;", "=").replace("&amp;", "&")
        .contains("href=\"/console/studies/previewed/preview?view=consent&panel=providers&lang=ru\""), questionnaire);

    String consent = maria.get("/console/studies/previewed/preview?view=consent&panel=providers&lang=ru")
        .bodyAsString();
    assertTrue(consent.contains("Прежде чем начать") && consent.contains("Вы можете выйти из диалога"), consent);
    assertTrue(consent.contains("class=\"preview-bar\""), "with the preview's bar");
    assertFalse(consent.contains("/p/"), "no panelist's link");
    assertTrue(consent.contains("<form method=\"get\" action=\"/console/studies/previewed/preview\" class=\"consent\""),
        consent);

    HttpResponse<Buffer> unticked = maria.get("/console/studies/previewed/preview?view=agreed&panel=providers&lang=ru");
    assertEquals(400, unticked.statusCode());
    assertTrue(unticked.bodyAsString().contains("Отметьте, пожалуйста, что вы согласны"));
    String agreed = maria.get("/console/studies/previewed/preview?view=agreed&agree=yes&panel=providers&lang=ru")
        .bodyAsString();
    assertTrue(agreed.contains("class=\"questionnaire\""), agreed);
    assertTrue(agreed.contains("Nothing was stored"), agreed);
    assertEquals("not-yet", consentOf("previewed", f.id(3)), "nothing stored");
  }
}
