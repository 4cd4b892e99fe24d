package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.kenes.discussion.TopArguments;

/**
 * The discussion's most agreed arguments in an item's feedback: {@code feedback.arguments = {"for": [{"text",
 * "agreements"}], "against": [...]}} in the questionnaire JSON, and the page's model of the same.
 */
final class ArgumentsView {

  private ArgumentsView() {}

  /** Adds each item's arguments to its feedback (only items asked before have feedback). */
  static void add(JsonObject q, Map<String, TopArguments.Of> top) {
    q.getJsonArray("items").forEach(o -> {
      JsonObject item = (JsonObject) o;
      TopArguments.Of of = top.get(item.getString("id"));
      JsonObject feedback = item.getJsonObject("feedback");
      if (of != null && feedback != null) {
        feedback.put("arguments", new JsonObject().put("for", json(of.forIt())).put("against", json(of.against())));
      }
    });
  }

  private static JsonArray json(List<TopArguments.Argument> arguments) {
    return new JsonArray(arguments.stream()
        .map(a -> new JsonObject().put("text", a.text()).put("agreements", a.agreements())).toList());
  }
}
