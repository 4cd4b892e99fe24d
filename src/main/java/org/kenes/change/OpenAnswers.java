package org.kenes.change;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * The open-item texts of a round, anonymous: no name, no pseudonym, no panel, in an order that says nothing of who
 * wrote them or when. Each text has an opaque id ({@code a-…}) for the provenance of the items made from it.
 */
final class OpenAnswers {

  private OpenAnswers() {}

  static JsonObject of(Study study, int round, List<String> roundItems, List<AnswerSet> sets) {
    JsonArray items = new JsonArray();
    for (String itemId : roundItems) {
      Item item = study.item(itemId).orElse(null);
      if (item == null || item.type() != ItemType.OPEN) {
        continue;
      }
      List<JsonObject> answers = new ArrayList<>();
      for (AnswerSet set : sets) {
        if (set.submitted() && set.answers().get(itemId) instanceof Answer.OpenText t && !t.text().isBlank()) {
          answers.add(new JsonObject().put("id", id(set, itemId)).put("text", t.text().strip()));
        }
      }
      answers.sort(java.util.Comparator.comparing((JsonObject a) -> a.getString("text")).thenComparing(a -> a.getString("id")));
      items.add(new JsonObject().put("id", itemId).put("text", new JsonObject(new LinkedHashMap<>(item.text().values())))
          .put("answers", new JsonArray(answers)));
    }
    return new JsonObject().put("study", study.id()).put("round", round).put("items", items);
  }

  /** Every open-answer id of these answer sets, to check provenance against. */
  static java.util.Set<String> ids(Study study, List<AnswerSet> sets) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (AnswerSet set : sets) {
      set.answers().forEach((itemId, answer) -> {
        if (answer instanceof Answer.OpenText && set.submitted()) {
          ids.add(id(set, itemId));
        }
      });
    }
    return ids;
  }

  private static String id(AnswerSet set, String itemId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((AnswerSet.key(set.study(), set.round(),
          set.participant()) + ":" + itemId).getBytes(StandardCharsets.UTF_8));
      return "a-" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
