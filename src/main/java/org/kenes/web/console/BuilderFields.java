package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kenes.common.Problem;
import org.kenes.web.Views;

/**
 * The builder's fields as the template {@code builder-field} draws them, each from the tree (the stored study, or a
 * refused form as typed) with its label, its one-sentence explanation and its problem, in the page's language; and
 * the problems of the page in a list at its top, each linking to its field, or to the page that has it.
 */
final class BuilderFields {

  private static final Pattern ITEM = Pattern.compile("(panels|categories|items|attributes)\\[(\\d+)]");
  private static final Pattern OPTION = Pattern.compile("options\\[(\\d+)]");

  private final JsonObject tree;
  private final String lang;
  private final String studyId;
  private final Map<String, String> problems = new LinkedHashMap<>();
  private final Map<String, String> shown = new LinkedHashMap<>();

  BuilderFields(JsonObject tree, List<Problem> problems, String lang, String studyId) {
    this.tree = tree;
    this.lang = lang;
    this.studyId = studyId;
    problems.forEach(p -> this.problems.putIfAbsent(p.path(), p.message(lang)));
  }

  String lang() {
    return lang;
  }

  JsonObject tree() {
    return tree;
  }

  static String id(String path) {
    return "f-" + path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
  }

  /** A one-line field: {@code type} text, number or datetime-local. */
  JsonObject input(String path, String label, String hint, String type) {
    return field(path, label, hint).put("input", true).put("type", type)
        .put("value", BuilderForms.shown(path, StudyTree.get(tree, path)));
  }

  /** A text in one language: a textarea for long texts, with the language marked for screen readers. */
  JsonObject text(String path, String label, String language, boolean longText) {
    JsonObject f = field(path, label, null).put("textLang", language)
        .put("value", BuilderForms.shown(path, StudyTree.get(tree, path)));
    return longText ? f.put("textarea", true) : f.put("input", true).put("type", "text");
  }

  /** A yes or no; {@code absent} is what the study format takes when the tree leaves it out. */
  JsonObject checkbox(String path, String label, String hint, boolean absent) {
    Object value = StudyTree.get(tree, path);
    return field(path, label, hint).put("checkbox", true)
        .put("checked", value == null ? absent : Boolean.TRUE.equals(value));
  }

  /** A choice among {@code values}, each named by the bundle key {@code labelPrefix + value}. */
  JsonObject select(String path, String label, String hint, List<String> values, String labelPrefix) {
    Map<String, String> named = new LinkedHashMap<>();
    values.forEach(v -> named.put(v, Views.text(lang, labelPrefix + v)));
    return select(path, label, hint, named);
  }

  /** A choice among values with their names; what the tree holds besides (as typed) is kept as a choice. */
  JsonObject select(String path, String label, String hint, Map<String, String> named) {
    String current = BuilderForms.shown(path, StudyTree.get(tree, path));
    JsonArray choices = new JsonArray();
    named.forEach((v, name) -> choices.add(new JsonObject().put("value", v).put("label", name)
        .put("selected", v.equals(current))));
    if (!current.isEmpty() && !named.containsKey(current)) {
      choices.add(new JsonObject().put("value", current).put("label", current).put("selected", true));
    }
    return field(path, label, hint).put("select", true).put("choices", choices);
  }

  private JsonObject field(String path, String label, String hint) {
    String id = id(path);
    String error = problems.get(path);
    if (error != null) {
      shown.put(path, id);
    }
    List<String> described = new ArrayList<>();
    if (hint != null) {
      described.add(id + "-hint");
    }
    if (error != null) {
      described.add(id + "-error");
    }
    // Every key the template reads is set, "" for none: a key a field lacks would be looked up in the page around it.
    return new JsonObject().put("name", path).put("id", id).put("label", label).put("hint", hint == null ? "" : hint)
        .put("error", error == null ? "" : error).put("describedBy", String.join(" ", described)).put("textLang", "")
        .put("input", false).put("textarea", false).put("select", false).put("checkbox", false)
        .put("hideLabel", false).put("value", "").put("type", "text").put("checked", false).put("missing", false)
        .put("rows", 3).put("locked", false);
  }

  /** The problem at a path not drawn as a field (a list, a row), shown where the page puts it. */
  String problemAt(String path) {
    String error = problems.get(path);
    if (error != null) {
      shown.put(path, id(path));
    }
    return error;
  }

  /**
   * Every problem, for the list at the top of the page: linked to its field when the page has it (call after the
   * fields are made), else to the builder page that has it.
   */
  JsonArray summary() {
    JsonArray list = new JsonArray();
    problems.forEach((path, message) -> list.add(new JsonObject().put("label", label(path)).put("message", message)
        .put("href", shown.containsKey(path) ? "#" + shown.get(path) : page(path))));
    return list;
  }

  /** The builder page where a path's field is. */
  String page(String path) {
    String base = "/console/studies/" + studyId + "/build";
    if (path.startsWith("attributes")) {
      return base + "/attributes";
    }
    Matcher item = ITEM.matcher(path);
    if (item.lookingAt() && "items".equals(item.group(1))) {
      Object id = StudyTree.get(tree, item.group() + ".id");
      return id instanceof String s ? base + "/items/" + s : base + "/items";
    }
    if (item.lookingAt() || path.startsWith("panels") || path.startsWith("categories")) {
      return base + "/panels";
    }
    if (path.startsWith("scale") || path.startsWith("consensus") || path.equals("rounds.stableBelowPct")) {
      return base + "/scale";
    }
    if (path.startsWith("rounds")) {
      return base + "/rounds";
    }
    if (BuilderPrivacyRoutes.FIELDS.stream().anyMatch(path::startsWith)) {
      return base + "/privacy";
    }
    if (path.startsWith("reporting")) {
      return base + "/reporting";
    }
    return path.startsWith("items") ? base + "/items" : base;
  }

  /** A path as a person reads it: "Item 4 (phc-driver) › text › Русский". */
  String label(String path) {
    if (path.isEmpty()) {
      return Views.text(lang, "builder.path.study");
    }
    List<String> parts = new ArrayList<>();
    StringBuilder at = new StringBuilder();
    for (String segment : path.split("\\.")) {
      at.append(at.length() == 0 ? "" : ".").append(segment);
      Matcher element = ITEM.matcher(segment);
      Matcher option = OPTION.matcher(segment);
      if (element.matches()) {
        int n = Integer.parseInt(element.group(2));
        parts.add(Views.text(lang, "builder.path.one." + element.group(1), n + 1, idAt(at.toString())));
      } else if (option.matches()) {
        parts.add(Views.text(lang, "builder.path.option", Integer.parseInt(option.group(1)) + 1,
            idAt(at.toString())));
      } else if (StudyTree.list(tree, "languages").contains(segment)) {
        parts.add(Views.languageName(segment));
      } else if (segment.matches("-?\\d+")) {
        parts.add(Views.text(lang, "builder.path.point", segment));
      } else {
        String named = Views.textOrNull(lang, "builder.path." + segment.replaceAll("\\[(\\d)]", "$1"));
        parts.add(named == null ? segment : named);
      }
    }
    return String.join(" › ", parts);
  }

  private String idAt(String path) {
    return StudyTree.get(tree, path + ".id") instanceof String s ? s : "–";
  }
}
