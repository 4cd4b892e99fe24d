package org.kenes.study;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Texts;
import org.kenes.consensus.Band;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.Rule;

/**
 * Turns the tree of a study file (parsed YAML or JSON) into a {@link Study}, collecting every problem by path
 * instead of stopping at the first, so that an author can fix a file in one pass.
 *
 * <p>A file must be complete. A draft built in the console may be incomplete until its first round opens: texts not
 * yet written in some of its languages, no panel or no item yet. {@link #draft} reads those as {@code missing}
 * rather than as problems; everything else is checked alike.
 */
public final class StudyReader {

  public static final Pattern ID = Pattern.compile("[a-z0-9-]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Set<String> TOP_LEVEL = Set.of("id", "title", "description", "languages", "scale", "consensus",
      "rounds", "panels", "categories", "items", "askReasonOnChange", "consent", "retentionDays", "contact",
      "attributes", "reporting", "discussion", "mode");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** A consent text is read before answering: long enough for a data-protection notice, short enough to be read. */
  private static final int MAX_CONSENT = 20_000;

  private final boolean draft;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Problem> missing = new ArrayList<>();
  private List<String> languages = List.of();

  private StudyReader(boolean draft) {
    this.draft = draft;
  }

  /**
   * A draft read: {@code study} is null when there are {@code problems}; {@code missing} lists what round 1 still needs
   * (texts by path and language, {@code panels}, {@code items}).
   */
  public record Reading(Study study, List<Problem> problems, List<Problem> missing) {

    public Reading {
      problems = List.copyOf(problems);
      missing = List.copyOf(missing);
    }

    public boolean complete() {
      return problems.isEmpty() && missing.isEmpty();
    }
  }

  /** The study the tree describes; {@link Invalid} listing every problem otherwise. */
  public static Study read(Object tree) {
    StudyReader reader = new StudyReader(false);
    Study study = reader.study(tree);
    if (!reader.problems.isEmpty()) {
      throw new Invalid("the study file has " + reader.problems.size() + " problem(s)", reader.problems);
    }
    return study;
  }

  /** The draft the tree describes, with its problems and what it still misses, never thrown. */
  public static Reading draft(Object tree) {
    StudyReader reader = new StudyReader(true);
    Study study = reader.study(tree);
    return new Reading(reader.problems.isEmpty() ? study : null, reader.problems, reader.missing);
  }

  private Study study(Object tree) {
    Map<String, Object> root = map("", tree);
    if (root == null) {
      return null;
    }
    root.keySet().stream().filter(k -> !TOP_LEVEL.contains(k)).sorted()
        .forEach(k -> problem(k, "unknown"));
    String id = id("id", root.get("id"));
    languages = languages(root.get("languages"));
    Text title = text("title", root.get("title"));
    Text description = root.get("description") == null ? null : text("description", root.get("description"));
    Scale scale = scale(root.get("scale"));
    Criteria criteria = criteria(root.get("consensus"), root.get("rounds"), scale);
    Rounds rounds = rounds(root.get("rounds"));
    List<Panel> panels = panels(root.get("panels"));
    List<Category> categories = categories(root.get("categories"));
    List<Item> items = items(root.get("items"), categories);
    boolean askReason = bool("askReasonOnChange", root.getOrDefault("askReasonOnChange", true));
    Privacy privacy = privacy(root);
    List<Attribute> attributes = new AttributesReader(this).read(root.get("attributes"));
    Reporting reporting = reporting(root.get("reporting"));
    Discussion discussion = discussion(root.get("discussion"));
    Mode mode = mode(root.get("mode"));
    if (!problems.isEmpty()) {
      return null;
    }
    // A real-time dialogue is one long round, whatever number of rounds a form or file still says.
    Rounds held = mode == Mode.REAL_TIME ? new Rounds(1, rounds.carryForward(), rounds.opensAt()) : rounds;
    return new Study(id, title, description, languages, scale, criteria, held, panels, categories, items, askReason,
        privacy, attributes, reporting, discussion, mode);
  }

  private Mode mode(Object value) {
    String key = value == null ? null : string("mode", value);
    try {
      return key == null ? Mode.ROUNDS : Mode.fromKey(key);
    } catch (IllegalArgumentException e) {
      problem("mode", "mode.oneOf");
      return Mode.ROUNDS;
    }
  }

  private Reporting reporting(Object value) {
    Map<String, Object> m = value == null ? null : map("reporting", value);
    if (m == null) {
      return Reporting.NONE;
    }
    unknown("reporting", m, Set.copyOf(Reporting.FIELDS));
    Map<String, Text> fields = new LinkedHashMap<>();
    Reporting.FIELDS.stream().filter(f -> m.get(f) != null)
        .forEach(f -> fields.put(f, text("reporting." + f, m.get(f))));
    return new Reporting(fields);
  }

  private Discussion discussion(Object value) {
    String key = value == null ? null : string("discussion", value);
    try {
      return key == null ? Discussion.OFF : Discussion.fromKey(key);
    } catch (IllegalArgumentException e) {
      problem("discussion", "discussion.oneOf");
      return Discussion.OFF;
    }
  }

  private Privacy privacy(Map<String, Object> root) {
    Text consent = root.get("consent") == null ? null : text("consent", root.get("consent"));
    if (consent != null) {
      consent.values().forEach((lang, text) -> {
        if (text.length() > MAX_CONSENT) {
          problem("consent." + lang, "text.length", MAX_CONSENT);
        }
      });
    }
    int days = root.get("retentionDays") == null ? Privacy.DEFAULT_RETENTION_DAYS
        : integer("retentionDays", root.get("retentionDays"), 0, 36_500, Privacy.DEFAULT_RETENTION_DAYS);
    String contact = null;
    if (root.get("contact") != null) {
      contact = string("contact", root.get("contact"));
      if (contact != null && (!EMAIL.matcher(contact.strip()).matches() || contact.length() > 200)) {
        problem("contact", "email");
      }
      contact = contact == null ? null : contact.strip();
    }
    return new Privacy(consent, days, contact);
  }

  private List<String> languages(Object value) {
    List<Object> list = list("languages", value);
    if (list == null) {
      return List.of("en");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String lang = string("languages[" + i + "]", list.get(i));
      if (lang == null) {
        continue;
      }
      if (!LANGUAGE.matcher(lang).matches()) {
        problem("languages[" + i + "]", "language.code");
      } else if (result.contains(lang)) {
        problem("languages[" + i + "]", "language.repeats", lang);
      } else {
        result.add(lang);
      }
    }
    if (list.isEmpty()) {
      problem("languages", "languages.none");
    }
    return result.isEmpty() ? List.of("en") : result;
  }

  private Scale scale(Object value) {
    Map<String, Object> m = value == null ? Map.of() : map("scale", value);
    if (m == null) {
      return Scale.of(1, 9, true, Map.of());
    }
    unknown("scale", m, Set.of("min", "max", "allowUnable", "labels"));
    int min = integer("scale.min", m.getOrDefault("min", 1), -1000, 1000, 1);
    int max = integer("scale.max", m.getOrDefault("max", 9), -1000, 1000, 9);
    if (max <= min) {
      problem("scale", "scale.order", max, min);
    } else if (max - min > 100) {
      problem("scale", "scale.size");
    }
    boolean allowUnable = bool("scale.allowUnable", m.getOrDefault("allowUnable", true));
    Map<Integer, Text> labels = new LinkedHashMap<>();
    Map<String, Object> raw = m.get("labels") == null ? Map.of() : map("scale.labels", m.get("labels"));
    if (raw != null) {
      raw.forEach((k, v) -> {
        String path = "scale.labels." + k;
        try {
          int point = Integer.parseInt(k);
          if (point < min || point > max) {
            problem(path, "label.point", min, max);
          } else {
            labels.put(point, text(path, v));
          }
        } catch (NumberFormatException e) {
          problem(path, "label.key");
        }
      });
    }
    return Scale.of(min, max, allowUnable, labels);
  }

  private Criteria criteria(Object consensus, Object roundsValue, Scale scale) {
    Criteria d = Criteria.defaults(scale.min(), Math.max(scale.max(), scale.min() + 1));
    Map<String, Object> m = consensus == null ? Map.of() : map("consensus", consensus);
    if (m == null) {
      return d;
    }
    unknown("consensus", m, Set.of("rule", "agree", "disagree", "inAgreeAtLeast", "inDisagreeBelow", "maxIqr",
        "minResponses", "perPanel", "quantiles", "minCell"));
    Rule rule = d.rule();
    if (m.containsKey("rule")) {
      String key = string("consensus.rule", m.get("rule"));
      try {
        rule = key == null ? rule : Rule.fromKey(key);
      } catch (IllegalArgumentException e) {
        problem("consensus.rule", "rule.oneOf");
      }
    }
    if (rule == Rule.RAND_UCLA && (scale.min() != 1 || scale.max() != 9)) {
      problem("consensus.rule", "rule.randUcla");
    }
    Band agree = band("consensus.agree", m.get("agree"), d.agree(), scale);
    Band disagree = band("consensus.disagree", m.get("disagree"), d.disagree(), scale);
    if (agree.low() <= disagree.high() && disagree.low() <= agree.high()) {
      problem("consensus", "bands.overlap");
    }
    double inAgree = share("consensus.inAgreeAtLeast", m.getOrDefault("inAgreeAtLeast", d.inAgreeAtLeast()));
    double inDisagree = share("consensus.inDisagreeBelow", m.getOrDefault("inDisagreeBelow", d.inDisagreeBelow()));
    double maxIqr = number("consensus.maxIqr", m.getOrDefault("maxIqr", d.maxIqr()), 0, scale.max() - scale.min());
    int minResponses = integer("consensus.minResponses", m.getOrDefault("minResponses", d.minResponses()), 1, 100000, 5);
    boolean perPanel = bool("consensus.perPanel", m.getOrDefault("perPanel", d.perPanel()));
    EstimationType quantiles = d.quantiles();
    if (m.containsKey("quantiles")) {
      String q = string("consensus.quantiles", m.get("quantiles"));
      try {
        quantiles = q == null ? quantiles : EstimationType.valueOf(q);
        if (quantiles == EstimationType.LEGACY) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        problem("consensus.quantiles", "quantiles.oneOf");
      }
    }
    int minCell = integer("consensus.minCell", m.getOrDefault("minCell", d.minCell()), 1, 1000, 3);
    double stableBelow = d.stableBelowPct();
    if (roundsValue instanceof Map<?, ?> r && r.containsKey("stableBelowPct")) {
      stableBelow = number("rounds.stableBelowPct", r.get("stableBelowPct"), 0, 100);
    }
    try {
      return new Criteria(scale.min(), scale.max(), rule, agree, disagree, inAgree, inDisagree, maxIqr, minResponses,
          perPanel, quantiles, minCell, stableBelow);
    } catch (IllegalArgumentException e) {
      // Already reported field by field above; the defaults stand in so that reading can go on.
      if (problems.isEmpty()) {
        problems.add(new Problem("consensus", e.getMessage()));
      }
      return d;
    }
  }

  private Rounds rounds(Object value) {
    Map<String, Object> m = value == null ? Map.of() : map("rounds", value);
    if (m == null) {
      return new Rounds(3, CarryForward.NO_CONSENSUS);
    }
    unknown("rounds", m, Set.of("max", "carryForward", "stableBelowPct", "opensAt"));
    int max = integer("rounds.max", m.getOrDefault("max", 3), 1, 20, 3);
    CarryForward carry = CarryForward.NO_CONSENSUS;
    if (m.containsKey("carryForward")) {
      String key = string("rounds.carryForward", m.get("carryForward"));
      try {
        carry = key == null ? carry : CarryForward.fromKey(key);
      } catch (IllegalArgumentException e) {
        problem("rounds.carryForward", "carryForward.oneOf");
      }
    }
    Instant opensAt = m.get("opensAt") == null ? null : instant("rounds.opensAt", m.get("opensAt"));
    return new Rounds(max, carry, opensAt);
  }

  private List<Panel> panels(Object value) {
    List<Panel> panels = new ArrayList<>();
    List<Object> list = value == null && draft ? List.of() : list("panels", value);
    if (list == null) {
      return panels;
    }
    if (list.isEmpty()) {
      incomplete("panels", "panels.none");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "panels[" + i + "]";
      Map<String, Object> m = map(path, list.get(i));
      if (m == null) {
        continue;
      }
      unknown(path, m, Set.of("id", "name"));
      String id = uniqueId(path + ".id", m.get("id"), seen);
      Text name = text(path + ".name", m.get("name"));
      panels.add(new Panel(id, name));
    }
    return panels;
  }

  private List<Category> categories(Object value) {
    List<Category> categories = new ArrayList<>();
    if (value == null) {
      return categories;
    }
    List<Object> list = list("categories", value);
    Set<String> seen = new HashSet<>();
    for (int i = 0; list != null && i < list.size(); i++) {
      String path = "categories[" + i + "]";
      Map<String, Object> m = map(path, list.get(i));
      if (m == null) {
        continue;
      }
      unknown(path, m, Set.of("id", "name"));
      categories.add(new Category(uniqueId(path + ".id", m.get("id"), seen), text(path + ".name", m.get("name"))));
    }
    return categories;
  }

  private List<Item> items(Object value, List<Category> categories) {
    List<Item> items = new ArrayList<>();
    List<Object> list = value == null && draft ? List.of() : list("items", value);
    if (list == null) {
      return items;
    }
    if (list.isEmpty()) {
      incomplete("items", "items.none");
    }
    Set<String> seen = new HashSet<>();
    Set<String> categoryIds = new HashSet<>();
    categories.forEach(c -> categoryIds.add(c.id()));
    for (int i = 0; i < list.size(); i++) {
      Item item = item("items[" + i + "]", list.get(i), seen, categoryIds);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** One item; also used for items added between rounds. */
  Item item(String path, Object value, Set<String> seen, Set<String> categoryIds) {
    Map<String, Object> m = map(path, value);
    if (m == null) {
      return null;
    }
    unknown(path, m, Set.of("id", "type", "category", "text", "options", "since", "retired"));
    String id = uniqueId(path + ".id", m.get("id"), seen);
    ItemType type = ItemType.RATING;
    String typeKey = m.containsKey("type") ? string(path + ".type", m.get("type")) : null;
    try {
      type = typeKey == null ? type : ItemType.valueOf(typeKey.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(path + ".type", "type.oneOf");
    }
    String category = null;
    if (m.get("category") != null) {
      category = string(path + ".category", m.get("category"));
      if (category != null && !categoryIds.isEmpty() && !categoryIds.contains(category)) {
        problem(path + ".category", "category.unknown", category);
      } else if (category != null && !ID.matcher(category).matches()) {
        problem(path + ".category", "id.pattern");
      }
    }
    Text text = text(path + ".text", m.get("text"));
    List<Option> options = new ArrayList<>();
    if (type == ItemType.RANKING) {
      List<Object> raw = list(path + ".options", m.get("options"));
      Set<String> optionIds = new HashSet<>();
      for (int j = 0; raw != null && j < raw.size(); j++) {
        String op = path + ".options[" + j + "]";
        Map<String, Object> o = map(op, raw.get(j));
        if (o != null) {
          unknown(op, o, Set.of("id", "text"));
          options.add(new Option(uniqueId(op + ".id", o.get("id"), optionIds), text(op + ".text", o.get("text"))));
        }
      }
      if (raw != null && raw.size() < 2) {
        problem(path + ".options", "options.tooFew");
      }
    } else if (m.containsKey("options")) {
      problem(path + ".options", "options.notRanking");
    }
    int since = m.get("since") == null ? 1 : integer(path + ".since", m.get("since"), 1, 1000, 1);
    boolean retired = m.get("retired") != null && bool(path + ".retired", m.get("retired"));
    return new Item(id, type, category, text, options, since, retired);
  }

  // --- typed readers: each records a problem at its path and returns a harmless value ---

  /** A text of the study, in each of its languages; what can spoof how it reads is taken out ({@link Texts}). */
  Text text(String path, Object value) {
    if (value instanceof String typed) {
      String s = Texts.clean(typed);
      Map<String, String> all = new LinkedHashMap<>();
      if (s.isBlank()) {
        if (draft) {
          languages.forEach(l -> incomplete(path + "." + l, "missing"));
        } else {
          problem(path, "text.empty");
        }
      } else {
        languages.forEach(l -> all.put(l, s));
      }
      return new Text(all);
    }
    Map<String, String> values = new LinkedHashMap<>();
    if (value == null && draft) {
      languages.forEach(l -> incomplete(path + "." + l, "missing"));
      return new Text(values);
    }
    Map<String, Object> m = map(path, value);
    if (m == null) {
      return new Text(values);
    }
    for (String lang : languages) {
      Object v = m.get(lang);
      if (v == null || draft && v instanceof String blank && Texts.clean(blank).isBlank()) {
        incomplete(path + "." + lang, "missing");
      } else if (!(v instanceof String s) || Texts.clean(s).isBlank()) {
        problem(path + "." + lang, "text.nonEmpty");
      } else {
        values.put(lang, Texts.clean(s));
      }
    }
    m.keySet().stream().filter(k -> !languages.contains(k)).sorted()
        .forEach(k -> problem(path + "." + k, "text.language", languages));
    return new Text(values);
  }

  private String id(String path, Object value) {
    String s = string(path, value);
    if (s != null && !ID.matcher(s).matches()) {
      problem(path, "id.pattern");
    } else if (s != null && s.length() > 64) {
      problem(path, "id.length");
    }
    return s;
  }

  String uniqueId(String path, Object value, Set<String> seen) {
    String id = id(path, value);
    if (id != null && !seen.add(id)) {
      problem(path, "id.duplicate", id);
    }
    return id;
  }

  private Band band(String path, Object value, Band fallback, Scale scale) {
    if (value == null) {
      return fallback;
    }
    List<Object> l = list(path, value);
    if (l == null || l.size() != 2) {
      if (l != null) {
        problem(path, "band.pair");
      }
      return fallback;
    }
    int low = integer(path + "[0]", l.get(0), scale.min(), scale.max(), fallback.low());
    int high = integer(path + "[1]", l.get(1), scale.min(), scale.max(), fallback.high());
    if (low > high) {
      problem(path, "band.order");
      return fallback;
    }
    return new Band(low, high);
  }

  private double share(String path, Object value) {
    return number(path, value, 0, 1);
  }

  private double number(String path, Object value, double min, double max) {
    if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
      problem(path, "number");
      return min;
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      problem(path, "between", fmt(min), fmt(max));
    }
    return d;
  }

  int integer(String path, Object value, int min, int max, int fallback) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problem(path, "whole");
      return fallback;
    }
    long v = n.longValue();
    if (v < min || v > max) {
      problem(path, "between", min, max);
      return fallback;
    }
    return (int) v;
  }

  /** An instant with its offset ({@code 2026-12-01T12:00:00Z}, {@code 2026-12-01T15:00:00+03:00}). */
  private Instant instant(String path, Object value) {
    String s = string(path, value);
    try {
      return s == null ? null : OffsetDateTime.parse(s.trim()).toInstant();
    } catch (DateTimeParseException e) {
      problem(path, "instant");
      return null;
    }
  }

  boolean bool(String path, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    problem(path, "boolean");
    return false;
  }

  String string(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof String s)) {
      problem(path, "text");
      return null;
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof Map<?, ?> m)) {
      problem(path, "mapping");
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    m.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof List<?> l)) {
      problem(path, "list");
      return null;
    }
    return (List<Object>) l;
  }

  void unknown(String path, Map<String, Object> m, Set<String> known) {
    m.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> problem(path + "." + k, "unknown"));
  }

  /** A problem by its key among the {@code problem.*} texts, its arguments as a file writes them (100000, not 100,000). */
  void problem(String path, String key, Object... args) {
    problems.add(Problem.worded(path, "problem." + key, Arrays.stream(args).map(String::valueOf).toArray()));
  }

  /** What a file must have and a draft may still lack. */
  private void incomplete(String path, String key) {
    (draft ? missing : problems).add(Problem.worded(path, "problem." + key));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
