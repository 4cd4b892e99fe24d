package org.kenes.answer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON shape of an answer, the same in the API and in the store (CONTRACT.md, {@code PUT /api/p/{token}/answers}). */
public final class AnswerJson {

  private AnswerJson() {}

  public static JsonObject toJson(Answer answer) {
    if (answer instanceof Answer.Rating r) {
      JsonObject json = r.rated() ? new JsonObject().put("value", r.value()) : new JsonObject();
      withComment(json, r.comment());
      return r.reason() == null ? json : json.put("reason", r.reason());
    }
    if (answer instanceof Answer.Ranking r) {
      return withComment(new JsonObject().put("ranking", new JsonArray(r.order())), r.comment());
    }
    return new JsonObject().put("text", ((Answer.OpenText) answer).text());
  }

  /** Reads a stored answer (already validated when it was saved). */
  public static Answer fromJson(JsonObject json) {
    if (json.containsKey("ranking")) {
      return new Answer.Ranking(json.getJsonArray("ranking").stream().map(String::valueOf).toList(),
          json.getString("comment"));
    }
    if (json.containsKey("text")) {
      return new Answer.OpenText(json.getString("text"));
    }
    Integer value = json.getInteger("value");
    boolean unable = value == null && json.containsKey("value");
    return new Answer.Rating(value, unable, json.getString("comment"), json.getString("reason"));
  }

  private static JsonObject withComment(JsonObject json, String comment) {
    return comment == null ? json : json.put("comment", comment);
  }
}
