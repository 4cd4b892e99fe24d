package org.kenes.web.console;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kenes.study.Attribute;
import org.kenes.study.ItemType;

/**
 * The builder's form fields read into a study's tree. A field is named by the path it sets; only the paths of the
 * study format's fields are set, each as its type: a number typed as "0,7" is 0.7; what is no number stays as typed,
 * for the study reader to say so at the field and the form to show it again.
 */
final class BuilderForms {

  private static final Pattern WHOLE = Pattern.compile(
      "scale\\.(min|max)|consensus\\.(agree|disagree)\\[[01]]|consensus\\.(minResponses|minCell)|rounds\\.max|"
          + "retentionDays");
  private static final Pattern NUMBER = Pattern.compile(
      "consensus\\.(inAgreeAtLeast|inDisagreeBelow|maxIqr)|rounds\\.stableBelowPct");
  private static final Pattern YES_NO = Pattern.compile("scale\\.allowUnable|consensus\\.perPanel|askReasonOnChange|"
      + "attributes\\[\\d+]\\.required");
  /** An attribute's bound: left empty, it is left out (a choice has none; a number is told it needs one). */
  private static final Pattern BOUND = Pattern.compile("attributes\\[\\d+]\\.(min|max)");
  private static final Pattern INSTANT = Pattern.compile("rounds\\.opensAt");
  private static final Pattern TEXT = Pattern.compile("(title|description|consent|reporting\\.[a-zA-Z]+|"
      + "scale\\.labels\\.-?\\d{1,4}|"
      + "(panels|categories|attributes)\\[\\d+]\\.name|items\\[\\d+]\\.text|"
      + "(items|attributes)\\[\\d+]\\.options\\[\\d+]\\.text)\\.[a-zA-Z-]+");
  /** A word or an address: as typed, less the spaces around it. */
  private static final Pattern WORD = Pattern.compile(
      "consensus\\.(rule|quantiles)|rounds\\.carryForward|contact|discussion|mode|"
      + "(panels|categories|items|attributes)\\[\\d+]\\.id|items\\[\\d+]\\.(type|category)|attributes\\[\\d+]\\.type|"
      + "(items|attributes)\\[\\d+]\\.options\\[\\d+]\\.id");

  private BuilderForms() {}

  /** Sets in {@code tree} every field of the form whose path starts with one of {@code prefixes}. */
  static JsonObject apply(JsonObject tree, MultiMap form, List<String> prefixes) {
    for (String name : form.names()) {
      if (prefixes.stream().anyMatch(name::startsWith)) {
        set(tree, name, form.getAll(name));
      }
    }
    return tidy(tree);
  }

  /** Sets in {@code tree} every text of the form (a title, a name, an item's or an option's text in a language). */
  static JsonObject applyTexts(JsonObject tree, MultiMap form) {
    for (String name : form.names()) {
      if (TEXT.matcher(name).matches()) {
        set(tree, name, form.getAll(name));
      }
    }
    return tidy(tree);
  }

  private static void set(JsonObject tree, String path, List<String> values) {
    // A browser sends a textarea's line breaks as CR LF; a study file has LF.
    String value = values.isEmpty() ? "" : values.get(values.size() - 1).replace("\r\n", "\n").strip();
    if (YES_NO.matcher(path).matches()) {
      StudyTree.set(tree, path, values.contains("true"));
    } else if (BOUND.matcher(path).matches()) {
      StudyTree.set(tree, path, value.isEmpty() ? null : number(value));
    } else if (WHOLE.matcher(path).matches() || NUMBER.matcher(path).matches()) {
      StudyTree.set(tree, path, number(value));
    } else if (INSTANT.matcher(path).matches()) {
      StudyTree.set(tree, path, value.isEmpty() ? null : instant(value));
    } else if (TEXT.matcher(path).matches() && StudyTree.get(tree, path) instanceof String was
        && was.strip().equals(value)) {
      // A text sent back as it was stays as it was, to the line break a study file ends it with: the version of a
      // consent text is its hash, and panelists are asked again only when its words change.
      return;
    } else if (TEXT.matcher(path).matches() || WORD.matcher(path).matches()) {
      StudyTree.set(tree, path, value.isEmpty() ? null : value);
    }
  }

  /** A number as people type it (a decimal comma too); what is no number stays a text for the reader to refuse. */
  static Object number(String typed) {
    try {
      BigDecimal n = new BigDecimal(typed.replace(',', '.').replace(" ", ""));
      return n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) < 0
          ? (Object) n.intValueExact() : (Object) n.doubleValue();
    } catch (NumberFormatException | ArithmeticException e) {
      return typed;
    }
  }

  /** A date and time of the form's {@code datetime-local} field, read as UTC; an instant as given; else as typed. */
  static String instant(String typed) {
    try {
      return LocalDateTime.parse(typed).toInstant(ZoneOffset.UTC).toString();
    } catch (DateTimeParseException e) {
      return typed;
    }
  }

  /**
   * What forms leave behind and a study file would not have: texts and labels emptied in every language (a study
   * whose consent text is emptied so asks for none; a reporting field emptied is not reported), options of an item
   * that is no ranking, option rows left blank; an option given a text but no id is numbered.
   */
  static JsonObject tidy(JsonObject tree) {
    for (String whole : List.of("description", "consent")) {
      if (tree.getValue(whole) instanceof JsonObject t && t.isEmpty()) {
        tree.remove(whole);
      }
    }
    if (tree.getValue("reporting") instanceof JsonObject reporting) {
      new HashSet<>(reporting.fieldNames()).stream()
          .filter(f -> reporting.getValue(f) instanceof JsonObject t && t.isEmpty()).forEach(reporting::remove);
      if (reporting.isEmpty()) {
        tree.remove("reporting");
      }
    }
    if (StudyTree.get(tree, "scale.labels") instanceof JsonObject labels) {
      new HashSet<>(labels.fieldNames()).stream()
          .filter(p -> labels.getValue(p) instanceof JsonObject t && t.isEmpty()).forEach(labels::remove);
    }
    if (tree.getValue("items") instanceof JsonArray items) {
      for (Object o : items) {
        if (o instanceof JsonObject item) {
          tidyOptions(item, ItemType.RANKING.key().equals(item.getValue("type")));
        }
      }
    }
    if (tree.getValue("attributes") instanceof JsonArray attributes) {
      for (Object o : attributes) {
        if (o instanceof JsonObject attribute) {
          tidyOptions(attribute, Attribute.Type.CHOICE.key().equals(attribute.getValue("type")));
        }
      }
      if (attributes.isEmpty()) {
        tree.remove("attributes");
      }
    }
    return tree;
  }

  /** An item's or an attribute's option rows tidied; all removed when its type has no options ({@code has}). */
  private static void tidyOptions(JsonObject item, boolean has) {
    if (!(item.getValue("options") instanceof JsonArray options)) {
      return;
    }
    if (!has) {
      item.remove("options");
      return;
    }
    JsonArray kept = new JsonArray();
    Set<String> ids = new HashSet<>();
    options.forEach(o -> {
      if (o instanceof JsonObject option && option.getValue("id") instanceof String id) {
        ids.add(id);
      }
    });
    for (Object o : options) {
      if (!(o instanceof JsonObject option)) {
        continue;
      }
      boolean hasText = option.getValue("text") instanceof JsonObject t && !t.isEmpty();
      if (option.getValue("id") == null && hasText) {
        int n = kept.size() + 1;
        while (ids.contains("o" + n)) {
          n++;
        }
        ids.add("o" + n);
        option.put("id", "o" + n);
      }
      if (option.getValue("id") != null || hasText) {
        if (!option.containsKey("text")) {
          option.put("text", new JsonObject());
        }
        kept.add(option);
      }
    }
    item.put("options", kept);
  }

  /** The value of a field as the form shows it: a date and time for the datetime-local field, in UTC. */
  static String shown(String path, Object value) {
    if (value == null) {
      return "";
    }
    if (INSTANT.matcher(path).matches() && value instanceof String s) {
      try {
        return LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC).toString();
      } catch (DateTimeParseException e) {
        return s;
      }
    }
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(value);
  }
}
