package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.study.ItemType;
import org.kenes.web.Charts;
import org.kenes.web.Fragments;
import org.kenes.web.Views;

/** The view model of one item of the questionnaire page: its controls as answered so far, its feedback, its errors. */
final class ItemView {

  private ItemView() {}

  /**
   * @param answer the saved answer or the refused form's draft, as the API shapes it ({@code {}} for none)
   * @param errors messages by field ({@code value}, {@code reason}, {@code comment}, {@code ranking}, {@code text},
   *     or {@code item})
   */
  static JsonObject of(JsonObject item, int number, JsonObject q, JsonObject answer, JsonObject errors) {
    ItemType type = ItemType.fromKey(item.getString("type"));
    // The language is part of the model: an item is rendered with its model alone (Fragments).
    JsonObject model = new JsonObject().put("lang", q.getString("language")).put("id", item.getString("id"))
        .put("number", number).put("text", item.getString("text")).put("errors", errors)
        .put("invalid", !errors.isEmpty()).put("rating", type == ItemType.RATING)
        .put("ranking", type == ItemType.RANKING).put("open", type == ItemType.OPEN)
        .put("discussion", item.getJsonObject("discussion"))
        .put("arguments", item.getJsonObject("feedback", new JsonObject()).getJsonObject("arguments"));
    switch (type) {
      case RATING -> rating(model, item, q, answer);
      case RANKING -> ranking(model, item, q.getString("language"), answer);
      case OPEN -> model.put("answerText", answer.getString("text"));
    }
    return model;
  }

  /** Whether an answer (as the API shapes it, {@code {}} for none) counts as answered in the page's progress. */
  static boolean answered(JsonObject item, JsonObject answer) {
    return switch (ItemType.fromKey(item.getString("type"))) {
      case RATING -> answer.containsKey("value");
      case RANKING -> !answer.getJsonArray("ranking", new JsonArray()).isEmpty();
      case OPEN -> answer.getString("text") != null && !answer.getString("text").isBlank();
    };
  }

  private static void rating(JsonObject model, JsonObject item, JsonObject q, JsonObject answer) {
    String lang = q.getString("language");
    JsonObject scale = q.getJsonObject("scale");
    JsonObject feedback = item.getJsonObject("feedback");
    List<Object> askReasonFor = feedback == null ? List.of()
        : feedback.getJsonArray("askReasonFor", new JsonArray()).getList();
    Object value = answer.getValue("value");
    JsonObject labels = scale.getJsonObject("labels");
    JsonArray points = new JsonArray();
    JsonArray key = new JsonArray();
    for (int p = scale.getInteger("min"); p <= scale.getInteger("max"); p++) {
      String label = labels.getString(String.valueOf(p));
      // Every name the template asks of a point is there: a missing one is looked for in every enclosing context.
      points.add(new JsonObject().put("value", p).put("label", label == null ? "" : label)
          .put("reason", askReasonFor.contains(p))
          .put("checked", value != null && String.valueOf(value).equals(String.valueOf(p))));
      if (label != null) {
        key.add(new JsonObject().put("value", p).put("label", label));
      }
    }
    model.put("points", points).put("scaleKey", key).put("allowUnable", scale.getBoolean("allowUnable"))
        .put("unableChecked", answer.containsKey("value") && value == null)
        .put("comment", answer.getString("comment")).put("reason", answer.getString("reason"));
    if (!askReasonFor.isEmpty()) {
      Object yours = feedback.getJsonObject("yours").getValue("value");
      String median = Views.number(feedback.getJsonObject("overall").getValue("median"), lang);
      model.put("askReason", feedback.getBoolean("live", false)
          ? Views.text(lang, "reason.live.label", yours, median, ranges(askReasonFor))
          : Views.text(lang, "reason.label", yours, feedback.getInteger("round"), median, ranges(askReasonFor)));
    }
    if (feedback != null) {
      model.put("feedback", FeedbackView.rating(feedback, item, q, Charts.Bands.fromJson(scale)));
    }
  }

  private static void ranking(JsonObject model, JsonObject item, String lang, JsonObject answer) {
    JsonArray options = item.getJsonArray("options");
    JsonArray order = answer.getJsonArray("ranking", new JsonArray());
    JsonObject ranks = answer.getJsonObject("ranks");
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
    model.put("options", optionModels).put("comment", answer.getString("comment"));
    JsonObject feedback = item.getJsonObject("feedback");
    if (feedback != null) {
      model.put("feedback", FeedbackView.ranking(feedback, item, lang));
    }
  }

  /** Points as runs: [1, 2, 3, 7, 8, 9] → "1–3, 7–9". */
  static String ranges(List<Object> points) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < points.size()) {
      int start = ((Number) points.get(i)).intValue();
      int end = start;
      while (i + 1 < points.size() && ((Number) points.get(i + 1)).intValue() == end + 1) {
        end++;
        i++;
      }
      out.append(out.length() == 0 ? "" : ", ").append(start).append(end > start ? "–" + end : "");
      i++;
    }
    return out.toString();
  }
}
