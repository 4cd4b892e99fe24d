package org.kenes.answer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Texts;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/** Validates a save ({@code {"answers": {...}, "submit": true}}) against the study and the items of the open round. */
public final class AnswerReader {

  public static final int MAX_TEXT = 10_000;

  /** What a save asks for: answers to merge into the participant's set, and whether the set is submitted. */
  public record Save(Map<String, Answer> answers, boolean submit) {}

  private final Study study;
  private final Set<String> roundItems;
  private final List<Problem> problems = new ArrayList<>();

  private AnswerReader(Study study, List<String> roundItems) {
    this.study = study;
    this.roundItems = new HashSet<>(roundItems);
  }

  public static Save read(Study study, List<String> roundItems, JsonObject body) {
    AnswerReader reader = new AnswerReader(study, roundItems);
    Save save = reader.save(body);
    if (!reader.problems.isEmpty()) {
      throw new Invalid(reader.problems.size() + " answer(s) could not be accepted; nothing was saved", reader.problems);
    }
    return save;
  }

  private Save save(JsonObject body) {
    body.fieldNames().stream().filter(k -> !Set.of("answers", "submit").contains(k)).sorted()
        .forEach(k -> problem(k, "unknown field"));
    Object submitValue = body.getValue("submit", false);
    boolean submit = false;
    if (submitValue instanceof Boolean b) {
      submit = b;
    } else {
      problem("submit", "must be true or false");
    }
    Map<String, Answer> answers = new LinkedHashMap<>();
    Object raw = body.getValue("answers", new JsonObject());
    if (!(raw instanceof JsonObject given)) {
      problem("answers", "must be an object keyed by item id");
      return new Save(answers, submit);
    }
    for (String itemId : given.fieldNames()) {
      String path = "answers." + itemId;
      Item item = study.item(itemId).filter(i -> roundItems.contains(i.id())).orElse(null);
      if (item == null) {
        problem(path, "no such item in this round");
        continue;
      }
      if (!(given.getValue(itemId) instanceof JsonObject answer)) {
        problem(path, "must be an object");
        continue;
      }
      Answer parsed = answer(path, item, answer);
      if (parsed != null) {
        answers.put(itemId, parsed);
      }
    }
    return new Save(answers, submit);
  }

  /**
   * What a set that counts (submitted, or revised after it was submitted) needs of all its answers, drafts merged in:
   * a rating with every rating's comment or reason, and a reason with every rating that moves away from the group.
   *
   * @param askReasonFor by item, the points that move away from the group (from the item's feedback)
   */
  public static void checkComplete(Map<String, Answer> answers, Map<String, List<Integer>> askReasonFor) {
    List<Problem> problems = new ArrayList<>();
    answers.forEach((item, answer) -> {
      if (!(answer instanceof Answer.Rating r)) {
        return;
      }
      if (!r.rated() && (r.comment() != null || r.reason() != null)) {
        problems.add(new Problem("answers." + item + ".value", "choose a point of the scale to go with the comment"));
      } else if (r.value() != null && r.reason() == null
          && askReasonFor.getOrDefault(item, List.of()).contains(r.value())) {
        problems.add(new Problem("answers." + item + ".reason",
            "this rating moves away from the group's view in the last round: please give a reason"));
      }
    });
    if (!problems.isEmpty()) {
      throw new Invalid(problems.size() + " answer(s) are not complete; nothing was saved", problems);
    }
  }

  private Answer answer(String path, Item item, JsonObject json) {
    if (item.type() == ItemType.RATING) {
      known(path, json, Set.of("value", "comment", "reason"));
      // No "value" at all is a draft not rated yet; "value": null is "unable to rate".
      boolean rated = json.containsKey("value");
      Integer value = rated ? rating(path + ".value", json.getValue("value")) : null;
      boolean unable = rated && json.getValue("value") == null;
      return new Answer.Rating(value, unable, text(path + ".comment", json.getValue("comment")),
          text(path + ".reason", json.getValue("reason")));
    }
    if (item.type() == ItemType.RANKING) {
      known(path, json, Set.of("ranking", "comment"));
      return new Answer.Ranking(ranking(path + ".ranking", item, json.getValue("ranking")),
          text(path + ".comment", json.getValue("comment")));
    }
    known(path, json, Set.of("text"));
    String text = text(path + ".text", json.getValue("text"));
    return new Answer.OpenText(text == null ? "" : text);
  }

  private Integer rating(String path, Object value) {
    if (value == null) {
      if (!study.scale().allowUnable()) {
        problem(path, "a rating is required: this study has no \"unable to rate\"");
      }
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      problem(path, "must be a whole number from " + study.scale().min() + " to " + study.scale().max()
          + (study.scale().allowUnable() ? ", or null for \"unable to rate\"" : ""));
      return null;
    }
    long v = ((Number) value).longValue();
    if (!study.scale().contains((int) v) || v != (int) v) {
      problem(path, v + " is off the scale " + study.scale().min() + "–" + study.scale().max());
      return null;
    }
    return (int) v;
  }

  private List<String> ranking(String path, Item item, Object value) {
    List<String> order = new ArrayList<>();
    if (!(value instanceof JsonArray array)) {
      problem(path, "must be a list of option ids, first = rank 1");
      return order;
    }
    Set<String> options = new HashSet<>(item.optionIds());
    for (int i = 0; i < array.size(); i++) {
      Object o = array.getValue(i);
      if (!(o instanceof String id) || !options.contains(id)) {
        problem(path + "[" + i + "]", "not an option of this item " + item.optionIds());
      } else if (order.contains(id)) {
        problem(path + "[" + i + "]", "'" + id + "' is ranked twice");
      } else {
        order.add(id);
      }
    }
    return order;
  }

  private String text(String path, Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      problem(path, "must be a text");
      return null;
    }
    if (s.length() > MAX_TEXT) {
      problem(path, "at most " + MAX_TEXT + " characters");
      return null;
    }
    String clean = Texts.clean(s);
    return clean.isBlank() ? null : clean;
  }

  private void known(String path, JsonObject json, Set<String> fields) {
    json.fieldNames().stream().filter(k -> !fields.contains(k)).sorted().forEach(k -> problem(path + "." + k, "unknown field"));
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }
}
