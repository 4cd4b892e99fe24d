package org.kenes.change;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Sha256;
import org.kenes.participant.Pseudonyms;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * The open-item texts of a round, anonymous: no name, no pseudonym, no panel, in an order that says nothing of who
 * wrote them or when. Each text has an opaque id ({@code a-…}, a keyed hash: {@link Pseudonyms#openAnswer}) for the
 * provenance of the items made from it.
 */
final class OpenAnswers {

  private OpenAnswers() {}

  static JsonObject of(Study study, int round, List<String> roundItems, List<AnswerSet> sets, Pseudonyms pseudonyms) {
    JsonArray items = new JsonArray();
    for (String itemId : roundItems) {
      Item item = study.item(itemId).orElse(null);
      if (item == null || item.type() != ItemType.OPEN) {
        continue;
      }
      List<JsonObject> answers = new ArrayList<>();
      for (AnswerSet set : sets) {
        String text = text(set, itemId);
        if (text != null) {
          answers.add(new JsonObject().put("id", pseudonyms.openAnswer(set.round(), set.participant(), itemId))
              .put("text", text));
        }
      }
      answers.sort(Comparator.comparing((JsonObject a) -> a.getString("text")).thenComparing(a -> a.getString("id")));
      items.add(new JsonObject().put("id", itemId).put("text", new JsonObject(new LinkedHashMap<>(item.text().values())))
          .put("answers", new JsonArray(answers)));
    }
    return new JsonObject().put("study", study.id()).put("round", round).put("items", items);
  }

  /** Every open-answer id of these answer sets, to check provenance against. */
  static Set<String> ids(List<AnswerSet> sets, Pseudonyms pseudonyms) {
    Set<String> ids = new HashSet<>();
    for (AnswerSet set : sets) {
      set.answers().forEach((itemId, answer) -> {
        if (answer instanceof Answer.OpenText && set.submitted()) {
          ids.add(pseudonyms.openAnswer(set.round(), set.participant(), itemId));
        }
      });
    }
    return ids;
  }

  /**
   * The open answers' texts by id, for the sources of changes: under their ids, and under the ids an earlier Kenes
   * gave them, unkeyed hashes of the answer set's key, which the changes it logged name.
   */
  static Map<String, String> texts(List<AnswerSet> sets, Pseudonyms pseudonyms) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (AnswerSet set : sets) {
      set.answers().keySet().forEach(itemId -> {
        String text = text(set, itemId);
        if (text != null) {
          texts.put(pseudonyms.openAnswer(set.round(), set.participant(), itemId), text);
          texts.put("a-" + Sha256.hex(AnswerSet.key(set.study(), set.round(), set.participant()) + ":" + itemId)
              .substring(0, 12), text);
        }
      });
    }
    return texts;
  }

  /** A submitted set's open answer to an item, as shown; null for none. */
  private static String text(AnswerSet set, String itemId) {
    return set.submitted() && set.answers().get(itemId) instanceof Answer.OpenText t && !t.text().isBlank()
        ? t.text().strip() : null;
  }
}
