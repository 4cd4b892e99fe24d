package org.kenes.study;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.consensus.Criteria;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Study files as text: parsed safely (YAML 1.2 core schema, no tags, few aliases, a size limit; JSON is YAML too),
 * and a study written back as its canonical JSON, which is also what the store keeps and what its hash is taken of.
 */
public final class StudyFormat {

  private static final int MAX_CODE_POINTS = 1_000_000;
  private static final int MAX_DEPTH = 64;

  private StudyFormat() {}

  /** Parses and validates a study file's text. */
  public static Study read(String text) {
    return StudyReader.read(parse(text));
  }

  /** Parses a draft's text: {@link Invalid} only when it is no YAML or JSON document at all. */
  public static StudyReader.Reading draft(String text) {
    return StudyReader.draft(parse(text));
  }

  /** The tree of a YAML or JSON document, loaded with limits that keep crafted files from costing much. */
  public static Object parse(String text) {
    LoadSettings settings = LoadSettings.builder()
        .setSchema(new CoreSchema())
        .setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false)
        .setMaxAliasesForCollections(20)
        .setCodePointLimit(MAX_CODE_POINTS)
        .setTagConstructors(Map.of())
        .build();
    if (flowDepth(text) > MAX_DEPTH) {
      throw unreadable("nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      return new Load(settings).loadFromString(text);
    } catch (YamlEngineException e) {
      throw unreadable(oneLine(e.getMessage()));
    } catch (StackOverflowError e) {
      // The parser recurses per level of nesting and has no limit of its own.
      throw unreadable("nested too deeply");
    }
  }

  private static Invalid unreadable(String why) {
    Problem problem = Problem.worded("", "problem.document.unreadable", why);
    return new Invalid(problem.message(), List.of(problem));
  }

  /** The deepest nesting of [ ] and { } outside quoted text: the parser has no depth limit of its own. */
  private static int flowDepth(String text) {
    int depth = 0;
    int deepest = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        deepest = Math.max(deepest, ++depth);
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return deepest;
  }

  public static JsonObject toJson(Study s) {
    JsonObject scale = new JsonObject().put("min", s.scale().min()).put("max", s.scale().max())
        .put("allowUnable", s.scale().allowUnable());
    JsonObject labels = new JsonObject();
    s.scale().labels().forEach((point, text) -> labels.put(String.valueOf(point), text(text)));
    scale.put("labels", labels);
    Criteria c = s.criteria();
    JsonObject consensus = new JsonObject()
        .put("rule", c.rule().key())
        .put("agree", new JsonArray().add(c.agree().low()).add(c.agree().high()))
        .put("disagree", new JsonArray().add(c.disagree().low()).add(c.disagree().high()))
        .put("inAgreeAtLeast", c.inAgreeAtLeast())
        .put("inDisagreeBelow", c.inDisagreeBelow())
        .put("maxIqr", c.maxIqr())
        .put("minResponses", c.minResponses())
        .put("perPanel", c.perPanel())
        .put("quantiles", c.quantiles().name())
        .put("minCell", c.minCell());
    JsonObject rounds = new JsonObject().put("max", s.rounds().max())
        .put("carryForward", s.rounds().carryForward().key()).put("stableBelowPct", c.stableBelowPct());
    // Only when set, so that studies stored before the option existed keep their hash.
    if (s.rounds().opensAt() != null) {
      rounds.put("opensAt", s.rounds().opensAt().toString());
    }
    JsonObject json = new JsonObject()
        .put("id", s.id())
        .put("title", text(s.title()));
    if (s.description() != null) {
      json.put("description", text(s.description()));
    }
    json.put("languages", new JsonArray(s.languages()))
        .put("scale", scale)
        .put("consensus", consensus)
        .put("rounds", rounds)
        .put("panels", new JsonArray(s.panels().stream()
            .map(p -> new JsonObject().put("id", p.id()).put("name", text(p.name()))).toList()));
    if (!s.categories().isEmpty()) {
      json.put("categories", new JsonArray(s.categories().stream()
          .map(cat -> new JsonObject().put("id", cat.id()).put("name", text(cat.name()))).toList()));
    }
    json.put("items", new JsonArray(s.items().stream().map(StudyFormat::item).toList()));
    // Only the non-default is written, so that studies stored before the option existed keep their hash.
    if (!s.askReasonOnChange()) {
      json.put("askReasonOnChange", false);
    }
    Privacy privacy = s.privacy();
    if (privacy.consent() != null) {
      json.put("consent", text(privacy.consent()));
    }
    if (privacy.retentionDays() != Privacy.DEFAULT_RETENTION_DAYS) {
      json.put("retentionDays", privacy.retentionDays());
    }
    if (privacy.contact() != null) {
      json.put("contact", privacy.contact());
    }
    if (!s.reporting().fields().isEmpty()) {
      JsonObject reporting = new JsonObject();
      s.reporting().fields().forEach((field, t) -> reporting.put(field, text(t)));
      json.put("reporting", reporting);
    }
    if (!s.attributes().isEmpty()) {
      json.put("attributes", new JsonArray(s.attributes().stream().map(StudyFormat::attribute).toList()));
    }
    if (s.discussion() != Discussion.OFF) {
      json.put("discussion", s.discussion().key());
    }
    if (s.mode() != Mode.ROUNDS) {
      json.put("mode", s.mode().key());
    }
    return json;
  }

  private static JsonObject attribute(Attribute a) {
    JsonObject json = new JsonObject().put("id", a.id()).put("name", text(a.name())).put("type", a.type().key());
    if (a.type() == Attribute.Type.CHOICE) {
      json.put("options", new JsonArray(a.options().stream()
          .map(o -> new JsonObject().put("id", o.id()).put("text", text(o.text()))).toList()));
    } else {
      json.put("min", a.min()).put("max", a.max());
    }
    return a.required() ? json.put("required", true) : json;
  }

  public static JsonObject item(Item item) {
    JsonObject json = new JsonObject().put("id", item.id()).put("type", item.type().key());
    if (item.category() != null) {
      json.put("category", item.category());
    }
    json.put("text", text(item.text()));
    if (item.type() == ItemType.RANKING) {
      json.put("options", new JsonArray(item.options().stream()
          .map(o -> new JsonObject().put("id", o.id()).put("text", text(o.text()))).toList()));
    }
    // Written only when they differ from a study file's defaults, so that a file's hash does not change.
    if (item.since() > 1) {
      json.put("since", item.since());
    }
    if (item.retired()) {
      json.put("retired", true);
    }
    return json;
  }

  /**
   * A study as a study file in YAML: what {@code POST /api/studies} and {@code surveys/} take, giving back the same
   * study (the canonical definition, every default written out, scale points as numbers).
   */
  public static String toYaml(Study study) {
    DumpSettings settings = DumpSettings.builder().setSchema(new CoreSchema()).setDefaultFlowStyle(FlowStyle.BLOCK)
        .setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true).setSplitLines(false)
        .setDereferenceAliases(true).build();
    Map<String, Object> tree = plain(toJson(study));
    @SuppressWarnings("unchecked")
    Map<String, Object> scale = (Map<String, Object>) tree.get("scale");
    Map<Object, Object> labels = new LinkedHashMap<>();
    ((Map<?, ?>) scale.get("labels")).forEach((point, text) -> labels.put(Integer.valueOf((String) point), text));
    scale.put("labels", labels);
    return "# Study file of Kenes (format: README, \"Study files\")\n" + new Dump(settings).dumpToString(tree);
  }

  /** A JSON tree as the plain maps and lists that the reader and the YAML writer know. */
  public static Map<String, Object> plain(JsonObject json) {
    Map<String, Object> map = new LinkedHashMap<>();
    json.forEach(e -> map.put(e.getKey(), plainValue(e.getValue())));
    return map;
  }

  private static Object plainValue(Object value) {
    if (value instanceof JsonObject o) {
      return plain(o);
    }
    if (value instanceof JsonArray a) {
      return a.stream().map(StudyFormat::plainValue).toList();
    }
    return value;
  }

  /** Identifies a definition's content regardless of layout, comments or key order in its file. */
  public static String hash(Study study) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(toJson(study).encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject text(Text text) {
    return new JsonObject(new LinkedHashMap<>(text.values()));
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.lines().map(String::trim).filter(l -> !l.isEmpty())
        .reduce((a, b) -> a + " " + b).orElse("").replaceAll("\\s+", " ");
  }
}
