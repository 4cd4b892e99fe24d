package org.kenes.web.panelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.web.Fragments;
import org.kenes.web.Views;

/** The page's model and rendering, without a server. */
class QuestionnairePageTest {

  @Test
  @DisplayName("a 60-item questionnaire with feedback renders every item's chart, the same at every render")
  void sixtyCharts() {
    Views views = new Views(Path.of("webroot"));
    JsonObject model = QuestionnairePage.model(questionnaire(60), "token", null, null, null);
    String first = views.render("questionnaire", model).await().toString();
    assertEquals(60, first.split("<svg ", -1).length - 1);
    // Templates and partials are compiled once and kept: a later render gives the same page.
    assertEquals(first, views.render("questionnaire", model).await().toString());
  }

  @Test
  @DisplayName("items rendered once are kept, yet every page shows its own panelist's answers, language and escaping")
  void itemsKeptPerModel() {
    Views views = new Views(Path.of("webroot"));
    JsonObject sevens = questionnaire(3);
    JsonObject other = questionnaire(3);
    other.getJsonArray("items").getJsonObject(1).put("answer", new JsonObject().put("value", 3)
        .put("comment", "<script>alert(1)</script>"));
    String first = views.render("questionnaire", QuestionnairePage.model(sevens, "a", null, null, null)).await()
        .toString();
    String second = views.render("questionnaire", QuestionnairePage.model(other, "b", null, null, null)).await()
        .toString();
    String again = views.render("questionnaire", QuestionnairePage.model(sevens, "a", null, null, null)).await()
        .toString();
    String russian = views.render("questionnaire",
        QuestionnairePage.model(sevens.copy().put("language", "ru"), "a", null, null, null)).await().toString();
    assertEquals(first, again);
    assertEquals(3, occurrences(first, "value=\"7\" checked"));
    assertEquals(2, occurrences(second, "value=\"7\" checked"));
    assertEquals(1, occurrences(second, "value=\"3\" data-reason=\"1\" checked"));
    assertTrue(second.contains("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"));
    assertFalse(second.contains("<script>alert"));
    assertFalse(first.contains("alert(1)"));
    assertEquals(3, occurrences(russian, ">Комментарий (необязательно)<"), russian);
    assertFalse(russian.contains(">Comment (optional)<"));
  }

  @Test
  @DisplayName("problems are shown at their fields in the panelist's language, and listed with their questions")
  void problemsAtFields() {
    Invalid invalid = new Invalid("x", List.of(new Problem("answers.i3.reason", "please give a reason"),
        new Problem("answers.i2.value", "choose a point"), new Problem("submit", "must be true or false")));
    JsonObject draft = new JsonObject().put("i3", new JsonObject().put("value", 2));
    JsonObject model = QuestionnairePage.model(questionnaire(3).put("language", "ru"), "t", draft, invalid, null);
    JsonObject i3 = view(model, 2);
    assertTrue(i3.getJsonObject("errors").getString("reason").startsWith("Ваша новая оценка дальше"));
    assertTrue(i3.getJsonArray("points").getJsonObject(1).getBoolean("checked"), "the draft, not the saved answer");
    assertEquals("Выберите оценку по шкале к вашему комментарию или объяснению.",
        view(model, 1).getJsonObject("errors").getString("value"));
    JsonArray problems = model.getJsonArray("problems");
    assertEquals(3, problems.getJsonObject(0).getInteger("number"));
    assertEquals("must be true or false", problems.getJsonObject(2).getString("message"));
    assertEquals("Ошибка:", model.getString("titlePrefix"));
  }

  @Test
  @DisplayName("the points that need a reason are written as runs")
  void ranges() {
    assertEquals("1–3, 7–9", ItemView.ranges(List.of(1, 2, 3, 7, 8, 9)));
    assertEquals("1–6", ItemView.ranges(List.of(1, 2, 3, 4, 5, 6)));
    assertEquals("5, 9", ItemView.ranges(List.of(5, 9)));
  }

  private static JsonObject view(JsonObject page, int item) {
    return ((Fragments.Part) page.getJsonArray("items").getValue(item)).model().get();
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  /** The questionnaire JSON of round 2 of a 1–9 study, {@code size} rating items each with full feedback. */
  static JsonObject questionnaire(int size) {
    JsonArray items = new JsonArray();
    for (int i = 1; i <= size; i++) {
      JsonObject histogram = new JsonObject();
      for (int p = 1; p <= 9; p++) {
        histogram.put(String.valueOf(p), (i + p) % 5);
      }
      JsonObject stats = new JsonObject().put("n", 18).put("unable", 1).put("histogram", histogram).put("median", 6.5)
          .put("q1", 4.0).put("q3", 8.0).put("agree", 0.44).put("verdict", "no-consensus");
      JsonObject feedback = new JsonObject().put("round", 1).put("overall", stats)
          .put("panels", new JsonObject().put("a", stats).put("b", new JsonObject().put("suppressed", true)))
          .put("yours", new JsonObject().put("value", 7)).put("askReasonFor", new JsonArray(List.of(1, 2, 3)))
          .put("comments", new JsonArray(List.of("<b>one</b>", "two & three", "four")));
      items.add(new JsonObject().put("id", "i" + i).put("type", "rating").put("text", "Item <" + i + ">")
          .put("answer", new JsonObject().put("value", 7)).put("feedback", feedback));
    }
    return new JsonObject().put("study", "s").put("title", "Study").put("language", "en")
        .put("languages", new JsonArray(List.of("en", "ru"))).put("round", 2).put("submitted", false)
        .put("scale", new JsonObject().put("min", 1).put("max", 9).put("allowUnable", true)
            .put("labels", new JsonObject().put("1", "Low").put("9", "High"))
            .put("agree", new JsonArray(List.of(7, 9))).put("disagree", new JsonArray(List.of(1, 3))))
        .put("panel", "a").put("panels", new JsonArray(List.of(new JsonObject().put("id", "a").put("name", "A"),
            new JsonObject().put("id", "b").put("name", "B"))))
        .put("items", items);
  }
}
