package org.kenes.web.panelist;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Sha256;
import org.kenes.web.Fragments;
import org.kenes.web.Views;

/**
 * Between the questionnaire JSON and the HTML form: the view model of the page, and the form fields read back into
 * the same save the JSON API takes (so validation happens in one place).
 *
 * <p>Fields: {@code r-ITEM} a scale point or {@code unable}; {@code c-ITEM} a comment; {@code w-ITEM} the reason for
 * moving away from the group; {@code k-ITEM~OPTION} a rank; {@code o-ITEM} an open answer; {@code action} save or
 * submit. A comment or reason without a point is kept as a draft not rated yet.
 */
public final class QuestionnairePage {

  /** The fields of an answer that a problem can be shown at; any other problem is shown at the item's top. */
  private static final Set<String> FIELDS = Set.of("value", "reason", "comment", "ranking", "text");

  private QuestionnairePage() {}

  /** The save a form post asks for; a form whose ranks clash is refused here, with the draft kept for the page. */
  public static JsonObject saveFromForm(MultiMap form) {
    JsonObject answers = new JsonObject();
    Map<String, TreeMap<String, String>> ranks = new TreeMap<>();
    for (String name : form.names()) {
      String value = form.get(name).trim();
      if (name.startsWith("r-") && !value.isEmpty()) {
        answer(answers, name.substring(2)).put("value", "unable".equals(value) ? null : number(value));
      } else if (name.startsWith("c-") && !value.isEmpty()) {
        answer(answers, name.substring(2)).put("comment", value);
      } else if (name.startsWith("w-") && !value.isEmpty()) {
        answer(answers, name.substring(2)).put("reason", value);
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
      entries.sort(Map.Entry.comparingByValue(Comparator.comparing(QuestionnairePage::rankOrder)));
      JsonArray order = new JsonArray();
      entries.forEach(e -> order.add(e.getKey()));
      answer(answers, item).put("ranking", order).put("ranks", new JsonObject(new LinkedHashMap<>(byOption)));
    });
    return new JsonObject().put("answers", answers).put("submit", "submit".equals(form.get("action")));
  }

  /** Ranks chosen twice are a problem of the form itself; found before the save is attempted. */
  public static List<Problem> formProblems(JsonObject save) {
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
  public static JsonObject forApi(JsonObject save) {
    JsonObject copy = save.copy();
    copy.getJsonObject("answers").forEach(e -> ((JsonObject) e.getValue()).remove("ranks"));
    return copy;
  }

  /**
   * The page's model: the questionnaire, with a refused form's {@code draft} in place of the saved answers and the
   * problems of {@code invalid} at their fields, in the panelist's language.
   */
  public static JsonObject model(JsonObject q, String token, JsonObject draft, Invalid invalid, String done) {
    String lang = q.getString("language");
    Map<String, JsonObject> errors = new TreeMap<>();
    JsonArray summary = new JsonArray();
    JsonArray qItems = q.getJsonArray("items");
    if (invalid != null) {
      for (Problem p : invalid.problems()) {
        String[] path = p.path().startsWith("answers.") ? p.path().substring(8).split("[.\\[]", 3) : new String[0];
        String field = path.length > 1 && FIELDS.contains(path[1]) ? path[1] : "item";
        String message = "item".equals(field) ? p.message() : Views.text(lang, "error." + field);
        if (path.length > 0) {
          errors.computeIfAbsent(path[0], k -> new JsonObject()).put(field, message);
        }
        summary.add(new JsonObject().put("item", path.length > 0 ? path[0] : null)
            .put("number", path.length > 0 ? number(qItems, path[0]) : null).put("message", message));
      }
    }
    // What every item's view depends on besides the item itself: the questionnaire without its items, digested once
    // for the sixty keys of the page.
    JsonObject shared = new JsonObject(new LinkedHashMap<>(q.getMap()));
    shared.remove("items");
    String context = Sha256.hex(shared.encode());
    JsonArray items = new JsonArray();
    int answered = 0;
    boolean hasFeedback = false;
    for (int i = 0; i < qItems.size(); i++) {
      JsonObject item = qItems.getJsonObject(i);
      String id = item.getString("id");
      JsonObject saved = draft != null && draft.containsKey(id) ? draft.getJsonObject(id)
          : item.getJsonObject("answer");
      JsonObject answer = saved == null ? new JsonObject() : saved;
      JsonObject itemErrors = errors.getOrDefault(id, new JsonObject());
      int number = i + 1;
      // JSON texts never hold a raw NUL: the joined key is unambiguous.
      String key = context + '\u0000' + number + '\u0000' + item.encode() + '\u0000' + answer.encode() + '\u0000'
          + itemErrors.encode();
      items.add(new Fragments.Part("item", key, () -> ItemView.of(item, number, q, answer, itemErrors)));
      answered += ItemView.answered(item, answer) ? 1 : 0;
      hasFeedback |= item.containsKey("feedback");
    }
    JsonArray languages = new JsonArray();
    q.getJsonArray("languages").forEach(l -> languages.add(new JsonObject().put("code", l)
        .put("current", l.equals(lang)).put("name", Views.languageName(String.valueOf(l)))));
    int total = qItems.size();
    // Where the form posts, saves its drafts and switches language: the personal link's own addresses; a preview
    // replaces them with its own.
    return new JsonObject().put("lang", lang).put("title", q.getString("title")).put("token", token)
        .put("action", "/p/" + token).put("api", "/api/p/" + token + "/answers")
        .put("languageHref", "/p/" + token + "?")
        .put("round", q.getValue("round")).put("open", q.getValue("round") != null)
        .put("pilot", q.getBoolean("pilot", false))
        .put("submitted", q.getBoolean("submitted")).put("items", items).put("languages", languages)
        .put("hasFeedback", hasFeedback).put("discussionItems", q.getJsonArray("discussionItems"))
        .put("realTime", "real-time".equals(q.getString("mode")))
        .put("answered", answered).put("total", total).put("unanswered", total - answered)
        .put("saved", "saved".equals(done)).put("justSubmitted", "submitted".equals(done))
        .put("problems", summary).put("hasErrors", invalid != null)
        .put("titlePrefix", invalid != null ? Views.text(lang, "form.errors.title") : null);
  }

  private static Integer number(JsonArray items, String id) {
    for (int i = 0; i < items.size(); i++) {
      if (id.equals(items.getJsonObject(i).getString("id"))) {
        return i + 1;
      }
    }
    return null;
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
