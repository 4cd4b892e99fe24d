package org.kenes.web;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;

/**
 * Between the questionnaire JSON and the HTML form: the view model of the page, and the form fields read back into
 * the same save the JSON API takes (so validation happens in one place).
 *
 * <p>Fields: {@code r-ITEM} a scale point or {@code unable}; {@code c-ITEM} a comment; {@code k-ITEM~OPTION} a rank;
 * {@code o-ITEM} an open answer; {@code action} save or submit.
 */
final class QuestionnairePage {

  private QuestionnairePage() {}

  /** The save a form post asks for; a form whose ranks clash is refused here, with the draft kept for the page. */
  static JsonObject saveFromForm(MultiMap form) {
    JsonObject answers = new JsonObject();
    Map<String, TreeMap<String, String>> ranks = new TreeMap<>();
    for (String name : form.names()) {
      String value = form.get(name).trim();
      if (name.startsWith("r-") && !value.isEmpty()) {
        answer(answers, name.substring(2)).put("value", "unable".equals(value) ? null : number(value));
      } else if (name.startsWith("c-") && !value.isEmpty()) {
        answer(answers, name.substring(2)).put("comment", value);
      } else if (name.startsWith("o-")) {
        answer(answers, name.substring(2)).put("text", value);
      } else if (name.startsWith("k-")) {
        String[] parts = name.substring(2).split("~", 2);
        if (parts.length == 2 && !value.isEmpty()) {
          ranks.computeIfAbsent(parts[0], k -> new TreeMap<>()).put(parts[1], value);
        }
      }
    }
    ranks.forEach((item, byOption) -> {
      List<Map.Entry<String, String>> entries = new ArrayList<>(byOption.entrySet());
      entries.sort(Map.Entry.comparingByValue(java.util.Comparator.comparing(QuestionnairePage::rankOrder)));
      JsonArray order = new JsonArray();
      entries.forEach(e -> order.add(e.getKey()));
      answer(answers, item).put("ranking", order).put("ranks", new JsonObject(new java.util.LinkedHashMap<>(byOption)));
    });
    return new JsonObject().put("answers", answers).put("submit", "submit".equals(form.get("action")));
  }

  /** Ranks chosen twice are a problem of the form itself; found before the save is attempted. */
  static List<Problem> formProblems(JsonObject save) {
    List<Problem> problems = new ArrayList<>();
    JsonObject answers = save.getJsonObject("answers");
    for (String item : answers.fieldNames()) {
      JsonObject ranks = answers.getJsonObject(item).getJsonObject("ranks");
      if (ranks != null && ranks.stream().map(Map.Entry::getValue).distinct().count() < ranks.size()) {
        problems.add(new Problem("answers." + item + ".ranking", "each rank can be given to one option only"));
      }
    }
    return problems;
  }

  /** The save without the form's own bookkeeping, as the API takes it. */
  static JsonObject forApi(JsonObject save) {
    JsonObject copy = save.copy();
    copy.getJsonObject("answers").forEach(e -> ((JsonObject) e.getValue()).remove("ranks"));
    return copy;
  }

  static JsonObject model(JsonObject q, String token, JsonObject draft, Invalid invalid, String done) {
    String lang = q.getString("language");
    JsonObject scale = q.getJsonObject("scale");
    Map<String, List<String>> errors = new TreeMap<>();
    if (invalid != null) {
      for (Problem p : invalid.problems()) {
        String item = p.path().startsWith("answers.") ? p.path().substring(8).split("\\.", 2)[0] : "";
        errors.computeIfAbsent(item, k -> new ArrayList<>()).add(p.message());
      }
    }
    JsonArray items = new JsonArray();
    JsonArray qItems = q.getJsonArray("items");
    int answered = 0;
    for (int i = 0; i < qItems.size(); i++) {
      JsonObject item = qItems.getJsonObject(i);
      String id = item.getString("id");
      JsonObject answer = draft != null && draft.containsKey(id) ? draft.getJsonObject(id) : item.getJsonObject("answer");
      if (answer != null && !answer.isEmpty()) {
        answered++;
      }
      items.add(item(item, i + 1, scale, answer, errors.get(id), lang));
    }
    JsonArray languages = new JsonArray();
    q.getJsonArray("languages").forEach(l -> languages.add(new JsonObject().put("code", l)
        .put("current", l.equals(lang)).put("name", Views.text(String.valueOf(l), "language.name"))));
    return new JsonObject().put("lang", lang).put("title", q.getString("title")).put("token", token)
        .put("round", q.getValue("round")).put("open", q.getValue("round") != null)
        .put("submitted", q.getBoolean("submitted")).put("items", items).put("languages", languages)
        .put("answered", answered).put("total", qItems.size())
        .put("saved", "saved".equals(done)).put("justSubmitted", "submitted".equals(done))
        .put("errors", new JsonArray(errors.getOrDefault("", List.of())))
        .put("hasErrors", invalid != null);
  }

  private static JsonObject item(JsonObject item, int number, JsonObject scale, JsonObject answer, List<String> errors,
      String lang) {
    String id = item.getString("id");
    String type = item.getString("type");
    JsonObject model = new JsonObject().put("id", id).put("number", number).put("text", item.getString("text"))
        .put("rating", "rating".equals(type)).put("ranking", "ranking".equals(type)).put("open", "open".equals(type))
        .put("errors", errors == null ? new JsonArray() : new JsonArray(errors));
    JsonObject a = answer == null ? new JsonObject() : answer;
    model.put("comment", a.getString("comment"));
    if ("rating".equals(type)) {
      JsonArray points = new JsonArray();
      Object value = a.getValue("value");
      JsonObject labels = scale.getJsonObject("labels");
      for (int p = scale.getInteger("min"); p <= scale.getInteger("max"); p++) {
        points.add(new JsonObject().put("value", p).put("label", labels.getString(String.valueOf(p)))
            .put("checked", value != null && String.valueOf(value).equals(String.valueOf(p))));
      }
      model.put("points", points).put("allowUnable", scale.getBoolean("allowUnable"))
          .put("unableChecked", a.containsKey("value") && value == null);
    } else if ("ranking".equals(type)) {
      JsonArray options = item.getJsonArray("options");
      JsonArray order = a.getJsonArray("ranking", new JsonArray());
      JsonObject ranks = a.getJsonObject("ranks");
      JsonArray optionModels = new JsonArray();
      for (int o = 0; o < options.size(); o++) {
        JsonObject option = options.getJsonObject(o);
        String optionId = option.getString("id");
        String chosen = ranks != null ? ranks.getString(optionId)
            : order.contains(optionId) ? String.valueOf(order.getList().indexOf(optionId) + 1) : null;
        JsonArray choices = new JsonArray();
        for (int r = 1; r <= options.size(); r++) {
          choices.add(new JsonObject().put("value", r).put("selected", String.valueOf(r).equals(chosen)));
        }
        optionModels.add(new JsonObject().put("id", optionId).put("text", option.getString("text")).put("choices", choices));
      }
      model.put("options", optionModels);
    } else {
      model.put("answerText", a.getString("text"));
    }
    JsonObject feedback = item.getJsonObject("feedback");
    if (feedback != null) {
      model.put("feedback", feedback(feedback, lang));
    }
    return model;
  }

  private static JsonObject feedback(JsonObject f, String lang) {
    JsonObject overall = f.getJsonObject("overall");
    JsonObject model = new JsonObject().put("round", f.getInteger("round"))
        .put("suppressed", overall.getBoolean("suppressed", false))
        .put("comments", f.getJsonArray("comments", new JsonArray()));
    if (!overall.getBoolean("suppressed", false) && overall.containsKey("median")) {
      model.put("n", overall.getValue("n")).put("median", overall.getValue("median"))
          .put("q1", overall.getValue("q1")).put("q3", overall.getValue("q3")).put("agree", overall.getValue("agree"))
          .put("verdict", Views.text(lang, "verdict." + overall.getString("verdict")));
    }
    JsonObject yours = f.getJsonObject("yours");
    if (yours != null && yours.containsKey("value")) {
      model.put("yours", yours.getValue("value") == null ? Views.text(lang, "unable") : yours.getValue("value"));
    }
    return model;
  }

  private static Object number(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  private static Integer rankOrder(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static JsonObject answer(JsonObject answers, String item) {
    if (!answers.containsKey(item)) {
      answers.put(item, new JsonObject());
    }
    return answers.getJsonObject(item);
  }
}
