package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study's definition as the tree of its file ({@code StudyFormat.toJson}), read and changed by the paths the study
 * reader names its problems with ({@code items[3].text.ru}, {@code consensus.agree[0]}): the builder's forms name
 * their fields so, and a problem finds its field by its path.
 */
final class StudyTree {

  private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  private StudyTree() {}

  /**
   * A text of the study: where it is in the tree, and its values by language.
   *
   * @param required a text the study must have (a title, a name, an item's); else one that may be left out whole
   *     (the description, the consent text, a scale point's label), missing only where another language has it
   */
  record TextAt(String path, JsonObject values, boolean required) {

    /** Whether the text is missing in a language. */
    boolean missing(String language) {
      String value = values.getValue(language) instanceof String s ? s : null;
      return (value == null || value.isBlank()) && (required || !values.isEmpty());
    }
  }

  /** The value at a path, or null. */
  static Object get(JsonObject tree, String path) {
    Object at = tree;
    for (Object step : steps(path)) {
      if (step instanceof String key && at instanceof JsonObject o) {
        at = o.getValue(key);
      } else if (step instanceof Integer i && at instanceof JsonArray a && i < a.size()) {
        at = a.getValue(i);
      } else {
        return null;
      }
    }
    return at;
  }

  /**
   * Sets the value at a path (null removes it), making the objects on the way, and a list's element at its end
   * (index = size). False when the path cannot be made (an index past the end, a text where a list is).
   */
  static boolean set(JsonObject tree, String path, Object value) {
    List<Object> steps = steps(path);
    if (steps.isEmpty()) {
      return false;
    }
    Object at = tree;
    for (int k = 0; k < steps.size() - 1; k++) {
      Object next = steps.get(k + 1);
      Object child = child(at, steps.get(k), next instanceof Integer ? new JsonArray() : new JsonObject());
      if (child == null) {
        return false;
      }
      at = child;
    }
    Object last = steps.get(steps.size() - 1);
    if (last instanceof String key && at instanceof JsonObject o) {
      if (value == null) {
        o.remove(key);
      } else {
        o.put(key, value);
      }
      return true;
    }
    if (last instanceof Integer i && at instanceof JsonArray a && i <= a.size()) {
      if (i == a.size()) {
        a.add(value);
      } else {
        a.set(i, value);
      }
      return true;
    }
    return false;
  }

  private static Object child(Object at, Object step, Object made) {
    if (step instanceof String key && at instanceof JsonObject o) {
      Object child = o.getValue(key);
      if (child == null) {
        o.put(key, made);
        return made;
      }
      return child instanceof JsonObject || child instanceof JsonArray ? child : null;
    }
    if (step instanceof Integer i && at instanceof JsonArray a && i <= a.size()) {
      if (i == a.size()) {
        a.add(made);
        return made;
      }
      Object child = a.getValue(i);
      return child instanceof JsonObject || child instanceof JsonArray ? child : null;
    }
    return null;
  }

  /** {@code items[3].text.ru} → items, 3, text, ru; a path that is no path gives nothing. */
  private static List<Object> steps(String path) {
    List<Object> steps = new ArrayList<>();
    if (path == null || path.isEmpty()) {
      return steps;
    }
    for (String part : path.split("\\.", -1)) {
      Matcher m = SEGMENT.matcher(part);
      if (!m.matches()) {
        return List.of();
      }
      steps.add(m.group(1));
      Matcher index = INDEX.matcher(m.group(2));
      while (index.find()) {
        if (index.group(1).length() > 4) {
          return List.of();
        }
        steps.add(Integer.valueOf(index.group(1)));
      }
    }
    return steps;
  }

  /** A list of the tree (made when absent), such as {@code panels}. */
  static JsonArray list(JsonObject tree, String name) {
    if (!(tree.getValue(name) instanceof JsonArray)) {
      tree.put(name, new JsonArray());
    }
    return tree.getJsonArray(name);
  }

  /** The index of the element of a list with an id, or -1. */
  static int indexOf(JsonArray list, String id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.getValue(i) instanceof JsonObject o && id != null && id.equals(o.getValue("id"))) {
        return i;
      }
    }
    return -1;
  }

  /** Moves the element at {@code index} one place up ({@code -1}) or down ({@code +1}); at an end, nothing. */
  static void move(JsonArray list, int index, int by) {
    int other = index + by;
    if (index < 0 || index >= list.size() || other < 0 || other >= list.size()) {
      return;
    }
    Object moved = list.getValue(index);
    list.set(index, list.getValue(other));
    list.set(other, moved);
  }

  /**
   * Every text of the study in the order a person reads them: title, description, consent, scale labels, panels,
   * categories, items and their options. A required text absent from the tree is given as an empty one (it is missing).
   */
  static List<TextAt> texts(JsonObject tree) {
    List<TextAt> texts = new ArrayList<>();
    texts.add(text(tree, "title", true));
    texts.add(text(tree, "description", false));
    texts.add(text(tree, "consent", false));
    if (get(tree, "scale.labels") instanceof JsonObject labels) {
      labels.fieldNames().stream().sorted((a, b) -> Integer.compare(point(a), point(b)))
          .forEach(p -> texts.add(text(tree, "scale.labels." + p, false)));
    }
    for (String list : List.of("panels", "categories")) {
      JsonArray named = tree.getValue(list) instanceof JsonArray a ? a : new JsonArray();
      for (int i = 0; i < named.size(); i++) {
        texts.add(text(tree, list + "[" + i + "].name", true));
      }
    }
    JsonArray items = tree.getValue("items") instanceof JsonArray a ? a : new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      texts.add(text(tree, "items[" + i + "].text", true));
      if (get(tree, "items[" + i + "].options") instanceof JsonArray options) {
        for (int j = 0; j < options.size(); j++) {
          texts.add(text(tree, "items[" + i + "].options[" + j + "].text", true));
        }
      }
    }
    return texts;
  }

  private static TextAt text(JsonObject tree, String path, boolean required) {
    return new TextAt(path, get(tree, path) instanceof JsonObject o ? o : new JsonObject(), required);
  }

  private static int point(String label) {
    try {
      return Integer.parseInt(label);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
