package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.ConsoleSession;
import org.kenes.TestKenes;

/** The console in the reader's language and time zone: chosen, remembered with the account, and used everywhere. */
class ConsoleLanguageTest {

  @TempDir
  Path dir;

  private static MultiMap form(String... pairs) {
    MultiMap m = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      m.add(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** Signs in through the login form read in {@code lang}, as a browser that chose it with the page's switch. */
  private static ConsoleSession login(TestKenes kenes, String username, String password, String lang) {
    return ConsoleSession.login(kenes, username, password, lang);
  }

  @Test
  @DisplayName("the login page speaks the browser's language or the one chosen with its switch; the session keeps it")
  void beforeSignIn() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      HttpResponse<Buffer> russian = kenes.vertxClient().get("/console/login")
          .putHeader("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").send().await();
      assertTrue(russian.bodyAsString().contains("<html lang=\"ru\">"));
      assertTrue(russian.bodyAsString().contains("Имя пользователя") && russian.bodyAsString().contains(">Войти<"));
      String german = kenes.vertxClient().get("/console/login").putHeader("Accept-Language", "de-DE,de;q=0.9")
          .send().await().bodyAsString();
      assertTrue(german.contains("<html lang=\"en\">"), "a language without a bundle: English");
      String chosen = kenes.get("/console/login?lang=ru&next=%2Fconsole%2Fstudies%2Fx").bodyAsString();
      assertTrue(chosen.contains("<html lang=\"ru\">"));
      assertTrue(chosen.contains("href=\"/console/login?lang&#x3D;en&amp;next&#x3D;%2Fconsole%2Fstudies%2Fx\""),
          "the switch keeps where the person was going: " + chosen);
      assertTrue(chosen.contains("<input type=\"hidden\" name=\"lang\" value=\"ru\">"));

      ConsoleSession admin = login(kenes, null, TestKenes.ADMIN, "ru");
      String home = admin.get("/console").bodyAsString();
      assertTrue(home.contains("<html lang=\"ru\">") && home.contains("Вы вошли как admin")
          && home.contains("Создать исследование"), home);

      HttpResponse<Buffer> blank = kenes.get("/console/login?lang=ru");
      String token = ConsoleSession.csrfOf(blank.bodyAsString());
      HttpResponse<Buffer> refused = kenes.vertxClient().post("/console/login?lang=ru")
          .putHeader("Cookie", "kenes_login=" + token)
          .sendForm(form("csrf", token, "username", "x", "password", "wrong password", "lang", "ru")).await();
      assertEquals(401, refused.statusCode());
      assertTrue(refused.bodyAsString().contains("Неверное имя пользователя или пароль."));
    }
  }

  @Test
  @DisplayName("the language switch is kept with the account: its other sessions, and the next sign-in, speak it")
  void rememberedWithTheAccount() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.account("olga");
      ConsoleSession first = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD);
      ConsoleSession second = ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD);
      assertTrue(first.get("/console").bodyAsString().contains("<html lang=\"en\">"));
      String here = "/console/preferences";
      HttpResponse<Buffer> switched = first.post("/console/language", here, form("language", "ru", "back", here));
      assertEquals(303, switched.statusCode());
      assertEquals(here, switched.getHeader("Location"));
      assertTrue(first.get(here).bodyAsString().contains("<html lang=\"ru\">"));
      assertTrue(second.get("/console").bodyAsString().contains("<html lang=\"ru\">"), "the other session at once");
      assertTrue(ConsoleSession.login(kenes, "olga", TestKenes.PASSWORD).get("/console").bodyAsString()
          .contains("<html lang=\"ru\">"), "and the next sign-in, whatever the browser says");
      assertEquals("ru", kenes.services().store().client()
          .findOne("accounts", new JsonObject().put("_id", "olga"), null).await().getString("language"));

      assertEquals(400, first.post("/console/language", here, form("language", "de", "back", here)).statusCode());
      assertEquals("/console", first.post("/console/language", here, form("language", "en",
          "back", "https://elsewhere.example")).getHeader("Location"), "never sent to another site");

      // The admin has no account: its choice is kept all the same.
      ConsoleSession admin = ConsoleSession.login(kenes, null, TestKenes.ADMIN);
      admin.post("/console/language", "/console", form("language", "ru", "back", "/console"));
      assertTrue(ConsoleSession.login(kenes, null, TestKenes.ADMIN).get("/console").bodyAsString()
          .contains("<html lang=\"ru\">"));
    }
  }

  @Test
  @DisplayName("notices, status lines, the stopping advice, problems and error pages speak the reader's language")
  void everythingInRussian() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      kenes.addParticipants("small", "policy", "providers");
      ConsoleSession admin = login(kenes, null, TestKenes.ADMIN, "ru");
      assertTrue(admin.get("/console").bodyAsString().contains("Черновик: раундов ещё не было"));
      HttpResponse<Buffer> opened = admin.post("/console/studies/small/rounds", "/console/studies/small", form());
      String overview = admin.get(opened.getHeader("Location")).bodyAsString();
      assertTrue(overview.contains("Раунд 1 открыт.") && overview.contains("Идёт раунд 1"), overview);
      assertTrue(overview.contains("Рекомендуется провести ещё один раунд: по пунктам strategy, audit, twinning, fees "
          + "пока нет ни консенсуса, ни устойчивых ответов."), overview);
      JsonObject advice = kenes.adminGet("/api/studies/small/rounds/1/results").bodyAsJsonObject()
          .getJsonObject("advice");
      assertTrue(advice.getString("reason").startsWith("Another round is advised: strategy, audit"),
          "the API keeps its English sentence: " + advice);
      assertEquals("another-round", advice.getString("basis"));
      assertTrue(admin.get("/console/studies/small/live").bodyAsString()
          .contains("Рекомендуется провести ещё один раунд"));

      HttpResponse<Buffer> badAccount = admin.post("/console/accounts", "/console/accounts",
          form("username", "x", "password", "short"));
      assertEquals(400, badAccount.statusCode());
      String problems = badAccount.bodyAsString();
      assertTrue(problems.contains("Ничего не сохранено.") && problems.contains("не менее 10 символов"), problems);

      kenes.account("fedor");
      ConsoleSession fedor = login(kenes, "fedor", TestKenes.PASSWORD, "ru");
      HttpResponse<Buffer> forbidden = fedor.get("/console/studies/small");
      assertEquals(403, forbidden.statusCode());
      assertTrue(forbidden.bodyAsString().contains("<html lang=\"ru\">")
          && forbidden.bodyAsString().contains("У вас нет прав на это действие.")
          && forbidden.bodyAsString().contains("Вернуться в консоль"), forbidden.bodyAsString());
      assertTrue(fedor.get("/console/studies/small/nothing-here").bodyAsString().contains("<html lang=\"ru\">"));
    }
  }

  @Test
  @DisplayName("dates are shown in the account's time zone and language, deadlines typed in it, and stored in UTC")
  void timeZones() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      ConsoleSession admin = login(kenes, null, TestKenes.ADMIN, "ru");
      HttpResponse<Buffer> badZone = admin.post("/console/preferences", "/console/preferences",
          form("language", "ru", "timeZone", "Mars/Olympus"));
      assertEquals(400, badZone.statusCode());
      assertTrue(badZone.bodyAsString().contains("<code>timeZone</code>: укажите часовой пояс"));
      HttpResponse<Buffer> saved = admin.post("/console/preferences", "/console/preferences",
          form("language", "ru", "timeZone", "Asia/Tokyo"));
      assertEquals(303, saved.statusCode());
      assertTrue(admin.get("/console/preferences?done=preferences-saved").bodyAsString()
          .contains("<option value=\"Asia/Tokyo\" selected>"));

      // A deadline on the first of a month two to three months ahead: deadlines lie within a year.
      LocalDate day = LocalDate.now(ZoneOffset.UTC).plusMonths(3).withDayOfMonth(1);
      assertEquals(303, admin.post("/console/studies/small/rounds", "/console/studies/small",
          form("closesAt", day + "T10:00")).statusCode());
      assertEquals(day + "T01:00:00Z", kenes.adminGet("/api/studies/small/rounds").bodyAsJsonArray()
          .getJsonObject(0).getString("closesAt"), "typed in Tokyo, stored in UTC");
      String overview = admin.get("/console/studies/small").bodyAsString();
      String russian = "1 " + month(day, "ru") + " " + day.getYear() + ", 10:00";
      assertTrue(overview.contains(russian) && overview.contains("Asia/Tokyo"), overview);

      admin.post("/console/preferences", "/console/preferences", form("language", "en", "timeZone", "UTC"));
      String english = admin.get("/console/studies/small").bodyAsString();
      assertTrue(english.contains("1 " + month(day, "en") + " " + day.getYear() + ", 01:00")
          && english.contains("Times are shown in UTC."), english);
    }
  }

  /** A month's short name as the JDK writes it in a language ("янв.", "Jan"). */
  private static String month(LocalDate day, String language) {
    return DateTimeFormatter.ofPattern("MMM", Locale.forLanguageTag(language)).format(day);
  }

  @Test
  @DisplayName("a third language is one properties file: it joins the switches; its missing keys are English")
  void thirdLanguage() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      assertEquals(List.of("en", "kk", "ru"), Views.languages(), "the test bundle messages_kk.properties");
      String login = kenes.get("/console/login").bodyAsString();
      assertTrue(login.contains(">Қазақ тілі</a>") && login.contains(">Русский</a>"), login);
      ConsoleSession admin = login(kenes, null, TestKenes.ADMIN, "kk");
      String home = admin.get("/console").bodyAsString();
      assertTrue(home.contains("<html lang=\"kk\">") && home.contains("Create a study"), home);
    }
  }

  @Test
  @DisplayName("the Russian bundle has every key of the English one, and no key of its own")
  void bundlesMatch() throws IOException {
    Set<String> english = load("/i18n/messages.properties").stringPropertyNames();
    Set<String> russian = load("/i18n/messages_ru.properties").stringPropertyNames();
    assertEquals(new TreeSet<>(english), new TreeSet<>(russian));
    Properties ru = load("/i18n/messages_ru.properties");
    for (String key : russian) {
      if (key.startsWith("console.") && !key.equals("console.brand")) {
        assertFalse(ru.getProperty(key).isBlank(), key);
      }
    }
  }

  private static Properties load(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = ConsoleLanguageTest.class.getResourceAsStream(resource)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
