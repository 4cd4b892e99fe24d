package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kenes.TestKenes;
import org.kenes.study.Text;

/** The panelist's language: chosen, switched, fallen back on; and a third language added by a bundle file only. */
class LanguageTest {

  private static final String KAZAKH = """
      id: kk-study
      title: {kk: "Сапа стратегиясы", en: "Quality strategy"}
      languages: [kk, en]
      panels: [{id: all, name: {kk: "Барлығы", en: "All"}}]
      items:
        - {id: one, type: rating, text: {kk: "Ұлттық сапа стратегиясы", en: "A national quality strategy"}}
      """;

  @TempDir
  Path dir;

  @Test
  @DisplayName("the page and the API answer in the panelist's language, switch with ?lang=, and ignore unknown ones")
  void chooseAndSwitch() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.createSmallStudy();
      JsonArray people = kenes.addParticipants("small", "policy", "policy");
      kenes.adminPost("/api/studies/small/rounds");
      String russian = people.getJsonObject(1).getString("token");

      String page = kenes.get("/p/" + russian).bodyAsString();
      assertTrue(page.contains("<html lang=\"ru\">"));
      assertTrue(page.contains("Отправить ответы") && page.contains("Клинический аудит"));
      assertTrue(page.contains("<a href=\"/p/" + russian + "?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"));
      assertTrue(page.contains("<span aria-current=\"true\" lang=\"ru\">Русский</span>"));

      String english = kenes.get("/p/" + russian + "?lang=en").bodyAsString();
      assertTrue(english.contains("<html lang=\"en\">"));
      assertTrue(english.contains("Submit answers") && english.contains("Clinical audit"));
      assertTrue(english.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"), "a form post keeps the choice");

      JsonObject fallback = kenes.get("/api/p/" + russian + "?lang=de").bodyAsJsonObject();
      assertEquals("ru", fallback.getString("language"), "a language the study does not have: the panelist's own");
      assertEquals("Клинический аудит", fallback.getJsonArray("items").getJsonObject(1).getString("text"));
      assertTrue(kenes.get("/p/" + russian + "?lang=de").bodyAsString().contains("<html lang=\"ru\">"));
    }
  }

  @Test
  @DisplayName("a third language is a bundle file and study texts; keys the bundle lacks fall back to English")
  void thirdLanguage() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      assertEquals(201, kenes.adminPost("/api/studies", "application/yaml", KAZAKH).statusCode());
      JsonArray people = kenes.adminPost("/api/studies/kk-study/participants", "application/json",
          new JsonArray().add(new JsonObject().put("name", "Айгерим").put("email", "a@example.org").put("panel", "all")
              .put("language", "kk")).encode()).bodyAsJsonArray();
      kenes.adminPost("/api/studies/kk-study/rounds");
      String page = kenes.get("/p/" + people.getJsonObject(0).getString("token")).bodyAsString();
      assertTrue(page.contains("<html lang=\"kk\">"));
      assertTrue(page.contains("Ұлттық сапа стратегиясы"), "the item in Kazakh");
      assertTrue(page.contains("Жауаптарды жіберу"), "a key of the Kazakh bundle");
      assertTrue(page.contains("Жауап берілді: 0 / 1"), "with its arguments");
      assertTrue(page.contains("Save and continue later"), "a key the bundle lacks, in English");
      assertTrue(page.contains(">Қазақ тілі<"), "the language's name comes from the JDK, not from a bundle");
    }
  }

  @Test
  @DisplayName("an error page takes only the bundles' languages from ?lang= and Accept-Language, and keeps no junk")
  void junkLanguagesAreNotKept() {
    try (TestKenes kenes = TestKenes.start(dir.resolve("data"))) {
      kenes.get("/nothing-here");
      kenes.get("/nothing-here?lang=ru");
      int kept = Views.cachedEntries();
      String junk = "x".repeat(3_000);
      for (int i = 0; i < 100; i++) {
        String page = kenes.get("/nothing-here?lang=" + junk + i).bodyAsString();
        assertTrue(page.contains("<html lang=\"en\">"), "junk is not a language");
        page = kenes.vertxClient().get("/nothing-here").putHeader("Accept-Language", "zz-" + junk + i).send().await()
            .bodyAsString();
        assertTrue(page.contains("<html lang=\"en\">"), "nor in Accept-Language");
        page = kenes.get("/nothing-here?lang=ru-RU-x-" + i).bodyAsString();
        assertTrue(page.contains("<html lang=\"ru\">"), "a bundle's language however a request spells it");
      }
      assertEquals(kept, Views.cachedEntries(), "what requests sent is not kept");
      assertEquals("ru", Views.spoken("ru-KZ"));
      assertEquals(null, Views.spoken("<script>"));
      assertEquals(null, Views.spoken("de"), "no bundle in German");
    }
  }

  @Test
  @DisplayName("a study text missing in a language falls back to the study's languages in order")
  void textFallback() {
    Text text = new Text(java.util.Map.of("en", "A national quality strategy"));
    assertEquals("A national quality strategy", text.in("ru", List.of("en", "ru")));
    assertEquals("–", Views.number(null, "ru"));
    assertEquals("6,5", Views.number(6.5, "ru"));
    assertEquals("6.5", Views.number(6.5, "en"));
  }
}
