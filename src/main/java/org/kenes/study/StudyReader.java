package org.kenes.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.consensus.Band;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.Rule;

/**
 * Turns the tree of a study file (parsed YAML or JSON) into a {@link Study}, collecting every problem by path
 * instead of stopping at the first, so that an author can fix a file in one pass.
 */
public final class StudyReader {

  public static final Pattern ID = Pattern.compile("[a-z0-9-]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
  private static final Set<String> TOP_LEVEL = Set.of("id", "title", "description", "languages", "scale", "consensus",
      "rounds", "panels", "categories", "items", "askReasonOnChange", "consent", "retentionDays", "contact");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  /** A consent text is read before answering: long enough for a data-protection notice, short enough to be read. */
  private static final int MAX_CONSENT = 20_000;

  private final List<Problem> problems = new ArrayList<>();
  private List<String> languages = List.of();

  private StudyReader() {}

  /** The study the tree describes; {@link Invalid} listing every problem otherwise. */
  public static Study read(Object tree) {
    StudyReader reader = new StudyReader();
    Study study = reader.study(tree);
    if (!reader.problems.isEmpty()) {
      throw new Invalid("the study file has " + reader.problems.size() + " problem(s)", reader.problems);
    }
    return study;
  }

  private Study study(Object tree) {
    Map<String, Object> root = map("", tree);
    if (root == null) {
      return null;
    }
    root.keySet().stream().filter(k -> !TOP_LEVEL.contains(k)).sorted()
        .forEach(k -> problem(k, "unknown field"));
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
    if (!problems.isEmpty()) {
      return null;
    }
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items, askReason,
        privacy);
  }

  private Privacy privacy(Map<String, Object> root) {
    Text consent = root.get("consent") == null ? null : text("consent", root.get("consent"));
    if (consent != null) {
      consent.values().forEach((lang, text) -> {
        if (text.length() > MAX_CONSENT) {
          problem("consent." + lang, "at most " + MAX_CONSENT + " characters");
        }
      });
    }
    int days = root.get("retentionDays") == null ? Privacy.DEFAULT_RETENTION_DAYS
        : integer("retentionDays", root.get("retentionDays"), 0, 36_500, Privacy.DEFAULT_RETENTION_DAYS);
    String contact = null;
    if (root.get("contact") != null) {
      contact = string("contact", root.get("contact"));
      if (contact != null && (!EMAIL.matcher(contact.strip()).matches() || contact.length() > 200)) {
        problem("contact", "must be an email address");
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
        problem("languages[" + i + "]", "not a language code such as en or ru");
      } else if (result.contains(lang)) {
        problem("languages[" + i + "]", "repeats " + lang);
      } else {
        result.add(lang);
      }
    }
    if (list.isEmpty()) {
      problem("languages", "must name at least one language");
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
      problem("scale", "max (" + max + ") must be greater than min (" + min + ")");
    } else if (max - min > 100) {
      problem("scale", "at most 101 points");
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
            problem(path, "not a point of the scale " + min + "–" + max);
          } else {
            labels.put(point, text(path, v));
          }
        } catch (NumberFormatException e) {
          problem(path, "a label's key must be a point of the scale");
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
        problem("consensus.rule", "must be one of percent, median-iqr, rand-ucla");
      }
    }
    if (rule == Rule.RAND_UCLA && (scale.min() != 1 || scale.max() != 9)) {
      problem("consensus.rule", "rand-ucla needs a 1–9 scale");
    }
    Band agree = band("consensus.agree", m.get("agree"), d.agree(), scale);
    Band disagree = band("consensus.disagree", m.get("disagree"), d.disagree(), scale);
    if (agree.low() <= disagree.high() && disagree.low() <= agree.high()) {
      problem("consensus", "the agree and disagree bands overlap");
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
        problem("consensus.quantiles", "must be one of R_1 … R_9");
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
        problem("consensus", e.getMessage());
      }
      return d;
    }
  }

  private Rounds rounds(Object value) {
    Map<String, Object> m = value == null ? Map.of() : map("rounds", value);
    if (m == null) {
      return new Rounds(3, CarryForward.NO_CONSENSUS);
    }
    unknown("rounds", m, Set.of("max", "carryForward", "stableBelowPct"));
    int max = integer("rounds.max", m.getOrDefault("max", 3), 1, 20, 3);
    CarryForward carry = CarryForward.NO_CONSENSUS;
    if (m.containsKey("carryForward")) {
      String key = string("rounds.carryForward", m.get("carryForward"));
      try {
        carry = key == null ? carry : CarryForward.fromKey(key);
      } catch (IllegalArgumentException e) {
        problem("rounds.carryForward", e.getMessage());
      }
    }
    return new Rounds(max, carry);
  }

  private List<Panel> panels(Object value) {
    List<Panel> panels = new ArrayList<>();
    List<Object> list = list("panels", value);
    if (list == null) {
      return panels;
    }
    if (list.isEmpty()) {
      problem("panels", "must list at least one panel");
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
    List<Object> list = list("items", value);
    if (list == null) {
      return items;
    }
    if (list.isEmpty()) {
      problem("items", "must list at least one item");
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
    String typeKey = m.containsKey("type") ? string(path + ".type", m.get("type")) : "rating";
    try {
      type = typeKey == null ? type : ItemType.valueOf(typeKey.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problem(path + ".type", "must be one of rating, ranking, open");
    }
    String category = null;
    if (m.get("category") != null) {
      category = string(path + ".category", m.get("category"));
      if (category != null && !categoryIds.isEmpty() && !categoryIds.contains(category)) {
        problem(path + ".category", "no category '" + category + "' in categories");
      } else if (category != null && !ID.matcher(category).matches()) {
        problem(path + ".category", "must match [a-z0-9-]+");
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
        problem(path + ".options", "a ranking needs at least two options");
      }
    } else if (m.containsKey("options")) {
      problem(path + ".options", "only ranking items have options");
    }
    int since = m.get("since") == null ? 1 : integer(path + ".since", m.get("since"), 1, 1000, 1);
    boolean retired = m.get("retired") != null && bool(path + ".retired", m.get("retired"));
    return new Item(id, type, category, text, options, since, retired);
  }

  // --- typed readers: each records a problem at its path and returns a harmless value ---

  private Text text(String path, Object value) {
    if (value instanceof String s) {
      if (s.isBlank()) {
        problem(path, "must not be empty");
      }
      Map<String, String> all = new LinkedHashMap<>();
      languages.forEach(l -> all.put(l, s));
      return new Text(all);
    }
    Map<String, Object> m = map(path, value);
    Map<String, String> values = new LinkedHashMap<>();
    if (m == null) {
      return new Text(values);
    }
    for (String lang : languages) {
      Object v = m.get(lang);
      if (v == null) {
        problem(path + "." + lang, "missing");
      } else if (!(v instanceof String s) || s.isBlank()) {
        problem(path + "." + lang, "must be a non-empty text");
      } else {
        values.put(lang, s);
      }
    }
    m.keySet().stream().filter(k -> !languages.contains(k)).sorted()
        .forEach(k -> problem(path + "." + k, "not one of the study's languages " + languages));
    return new Text(values);
  }

  private String id(String path, Object value) {
    String s = string(path, value);
    if (s != null && !ID.matcher(s).matches()) {
      problem(path, "must match [a-z0-9-]+");
    } else if (s != null && s.length() > 64) {
      problem(path, "at most 64 characters");
    }
    return s;
  }

  private String uniqueId(String path, Object value, Set<String> seen) {
    String id = id(path, value);
    if (id != null && !seen.add(id)) {
      problem(path, "duplicate id '" + id + "'");
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
        problem(path, "must be [low, high]");
      }
      return fallback;
    }
    int low = integer(path + "[0]", l.get(0), scale.min(), scale.max(), fallback.low());
    int high = integer(path + "[1]", l.get(1), scale.min(), scale.max(), fallback.high());
    if (low > high) {
      problem(path, "low must not exceed high");
      return fallback;
    }
    return new Band(low, high);
  }

  private double share(String path, Object value) {
    return number(path, value, 0, 1);
  }

  private double number(String path, Object value, double min, double max) {
    if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
      problem(path, "must be a number");
      return min;
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      problem(path, "must lie between " + fmt(min) + " and " + fmt(max));
    }
    return d;
  }

  private int integer(String path, Object value, int min, int max, int fallback) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      problem(path, "must be a whole number");
      return fallback;
    }
    long v = n.longValue();
    if (v < min || v > max) {
      problem(path, "must lie between " + min + " and " + max);
      return fallback;
    }
    return (int) v;
  }

  private boolean bool(String path, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    problem(path, "must be true or false");
    return false;
  }

  private String string(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof String s)) {
      problem(path, "must be a text");
      return null;
    }
    return s;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof Map<?, ?> m)) {
      problem(path, "must be a mapping");
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    m.forEach((k, v) -> result.put(String.valueOf(k), v));
    return result;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String path, Object value) {
    if (value == null) {
      problem(path, "missing");
      return null;
    }
    if (!(value instanceof List<?> l)) {
      problem(path, "must be a list");
      return null;
    }
    return (List<Object>) l;
  }

  private void unknown(String path, Map<String, Object> m, Set<String> known) {
    m.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> problem(path + "." + k, "unknown field"));
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
