package org.kenes.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.kenes.account.Role;
import org.kenes.common.Problem;

/**
 * The shape of every document Kenes writes, by collection: its fields, which of them may be left out, and the kind of
 * value each holds; nothing else. What {@link DumpCheck} holds a dump's documents against first.
 */
final class DumpSchema {

  /** The kinds of value a field holds; a field that may be left out says so. */
  private enum Kind {
    TEXT(v -> v instanceof String),
    TEXT_OR_NULL(v -> v == null || v instanceof String),
    INSTANT(DumpSchema::isInstant),
    INSTANT_OR_NULL(v -> v == null || isInstant(v)),
    /** A moment by the store's clock ({@code $currentDate}), as the driver writes it: {@code {"$date": ...}}. */
    DATE(v -> v instanceof JsonObject date && date.size() == 1 && isInstant(date.getValue("$date"))),
    COUNT(v -> v instanceof Number n && isWhole(n) && n.longValue() >= 0),
    COUNT_OR_NULL(v -> v == null || COUNT.accepts(v)),
    ROUND(v -> v instanceof Number n && isWhole(n) && n.longValue() >= 1 && n.longValue() <= 1_000),
    ROUND_OR_NULL(v -> v == null || ROUND.accepts(v)),
    BOOLEAN(v -> v instanceof Boolean),
    OBJECT(v -> v instanceof JsonObject),
    OBJECT_OR_NULL(v -> v == null || v instanceof JsonObject),
    TEXTS(v -> v instanceof JsonArray a && a.stream().allMatch(e -> e instanceof String)),
    ROLE(v -> v instanceof String key && Arrays.stream(Role.values()).anyMatch(r -> r.key().equals(key)));

    private final Predicate<Object> test;

    Kind(Predicate<Object> test) {
      this.test = test;
    }

    boolean accepts(Object value) {
      return test.test(value);
    }
  }

  /** A field of a collection's documents; {@code optional} ones may be left out. */
  private record Field(String name, Kind kind, boolean optional) {}

  private static Field field(String name, Kind kind) {
    return new Field(name, kind, false);
  }

  private static Field optional(String name, Kind kind) {
    return new Field(name, kind, true);
  }

  private static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();
  private static final List<Field> WITHDRAWAL_MARK = List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT),
      field("round", Kind.ROUND), field("withdrawn", Kind.BOOLEAN), field("at", Kind.COUNT),
      optional("panel", Kind.TEXT), optional("submittedAt", Kind.COUNT));

  static {
    FIELDS.put("studies", List.of(field("_id", Kind.TEXT), field("hash", Kind.TEXT), field("definition", Kind.TEXT),
        field("createdAt", Kind.INSTANT), field("updatedAt", Kind.INSTANT), optional("fileHash", Kind.TEXT_OR_NULL),
        optional("edited", Kind.BOOLEAN), optional("roundsOpened", Kind.COUNT), optional("opensAtMs", Kind.COUNT_OR_NULL),
        optional("copiedFrom", Kind.OBJECT)));
    FIELDS.put("participants", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT),
        field("pseudonym", Kind.TEXT), field("token", Kind.TEXT), optional("name", Kind.TEXT_OR_NULL),
        optional("email", Kind.TEXT_OR_NULL), field("panel", Kind.TEXT), field("language", Kind.TEXT),
        field("createdAt", Kind.INSTANT), optional("invitedAt", Kind.INSTANT_OR_NULL),
        optional("withdrawnAt", Kind.INSTANT_OR_NULL), optional("pilot", Kind.BOOLEAN),
        optional("attributes", Kind.OBJECT), optional("attributesAt", Kind.INSTANT_OR_NULL)));
    FIELDS.put("consents", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("participant", Kind.TEXT),
        field("version", Kind.TEXT), field("language", Kind.TEXT), field("at", Kind.INSTANT)));
    FIELDS.put("pseudonym-keys", List.of(field("_id", Kind.TEXT), field("secret", Kind.TEXT),
        field("createdAt", Kind.INSTANT)));
    FIELDS.put("participant-counts", List.of(field("_id", Kind.TEXT), field("panels", Kind.OBJECT)));
    FIELDS.put("rounds", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("status", Kind.TEXT), field("items", Kind.TEXTS), field("openedAt", Kind.INSTANT),
        optional("closedAt", Kind.INSTANT_OR_NULL), optional("closesAt", Kind.INSTANT_OR_NULL),
        optional("closesAtMs", Kind.COUNT), optional("inflight", Kind.COUNT), optional("countedAt", Kind.DATE)));
    FIELDS.put("opened", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("participant", Kind.TEXT), field("at", Kind.INSTANT)));
    FIELDS.put("answers", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("participant", Kind.TEXT), field("panel", Kind.TEXT), optional("answers", Kind.OBJECT),
        field("submitted", Kind.BOOLEAN), field("updatedAt", Kind.INSTANT), optional("submittedAt", Kind.COUNT),
        optional("first", Kind.OBJECT), optional("writtenAt", Kind.DATE)));
    // Pilot participants' sets: the same shape, apart from those that count (AnswerRepository.pilot).
    FIELDS.put("pilot-answers", FIELDS.get("answers"));
    FIELDS.put("live-steps", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("panel", Kind.TEXT), field("submitted", Kind.COUNT), field("counters", Kind.TEXT),
        field("at", Kind.INSTANT), optional("atMs", Kind.COUNT)));
    FIELDS.put("tallies", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("panel", Kind.TEXT), field("counters", Kind.TEXT), optional("final", Kind.BOOLEAN)));
    FIELDS.put("results", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("round", Kind.ROUND),
        field("json", Kind.TEXT)));
    FIELDS.put("changes", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("item", Kind.TEXT),
        field("change", Kind.TEXT), field("after", Kind.COUNT), field("since", Kind.ROUND), field("from", Kind.TEXTS),
        optional("note", Kind.TEXT_OR_NULL), optional("text", Kind.OBJECT_OR_NULL), field("actor", Kind.TEXT),
        field("at", Kind.INSTANT), optional("seq", Kind.COUNT)));
    FIELDS.put("mailTexts", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("kind", Kind.TEXT),
        field("language", Kind.TEXT), field("subject", Kind.TEXT), field("body", Kind.TEXT)));
    FIELDS.put("outbox", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT),
        optional("participant", Kind.TEXT_OR_NULL), field("to", Kind.TEXT), field("kind", Kind.TEXT),
        optional("round", Kind.ROUND_OR_NULL), field("language", Kind.TEXT), field("subject", Kind.TEXT),
        field("body", Kind.TEXT), field("status", Kind.TEXT), field("at", Kind.INSTANT), field("attempts", Kind.COUNT),
        optional("claimedAt", Kind.COUNT), optional("sentAt", Kind.INSTANT_OR_NULL),
        optional("error", Kind.TEXT_OR_NULL)));
    FIELDS.put("accounts", List.of(field("_id", Kind.TEXT), field("name", Kind.TEXT), field("password", Kind.TEXT),
        field("createdAt", Kind.INSTANT), field("createdBy", Kind.TEXT), optional("language", Kind.TEXT_OR_NULL),
        optional("timeZone", Kind.TEXT_OR_NULL), optional("email", Kind.TEXT_OR_NULL),
        optional("disabled", Kind.BOOLEAN)));
    FIELDS.put("settings", List.of(field("_id", Kind.TEXT), optional("language", Kind.TEXT_OR_NULL),
        optional("timeZone", Kind.TEXT_OR_NULL)));
    FIELDS.put("roles", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("username", Kind.TEXT),
        field("role", Kind.ROLE), field("grantedBy", Kind.TEXT), field("grantedAt", Kind.INSTANT)));
    FIELDS.put("reportLinks", List.of(field("_id", Kind.TEXT), field("id", Kind.TEXT), field("study", Kind.TEXT),
        optional("label", Kind.TEXT_OR_NULL), field("createdBy", Kind.TEXT), field("createdAt", Kind.INSTANT),
        optional("expiresAt", Kind.INSTANT_OR_NULL), optional("revokedAt", Kind.INSTANT_OR_NULL)));
    FIELDS.put("publications", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("at", Kind.INSTANT),
        field("by", Kind.TEXT)));
    FIELDS.put("retention", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT),
        optional("purgeAtMs", Kind.COUNT_OR_NULL), optional("warnAtMs", Kind.COUNT_OR_NULL),
        optional("purgedAt", Kind.INSTANT_OR_NULL)));
    FIELDS.put("posts", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("item", Kind.TEXT),
        field("id", Kind.TEXT), optional("parent", Kind.TEXT_OR_NULL), field("participant", Kind.TEXT),
        field("panel", Kind.TEXT), optional("tag", Kind.TEXT_OR_NULL), field("text", Kind.TEXT),
        field("language", Kind.TEXT), field("at", Kind.INSTANT), field("atMs", Kind.COUNT), field("state", Kind.TEXT),
        optional("reason", Kind.TEXT_OR_NULL), optional("pinned", Kind.BOOLEAN)));
    FIELDS.put("postVotes", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("item", Kind.TEXT),
        field("post", Kind.TEXT), field("participant", Kind.TEXT), field("at", Kind.INSTANT)));
    FIELDS.put("threads", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("item", Kind.TEXT),
        optional("closed", Kind.BOOLEAN), optional("version", Kind.COUNT)));
    FIELDS.put("wordLists", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT), field("language", Kind.TEXT),
        field("words", Kind.TEXTS)));
    FIELDS.put("replyWatches", List.of(field("_id", Kind.TEXT), field("study", Kind.TEXT),
        field("participant", Kind.TEXT), field("on", Kind.BOOLEAN), field("seenMs", Kind.COUNT),
        optional("day", Kind.TEXT)));
    FIELDS.put("audit", List.of(field("_id", Kind.TEXT), field("at", Kind.INSTANT), field("actor", Kind.TEXT),
        field("action", Kind.TEXT), optional("target", Kind.TEXT_OR_NULL), optional("study", Kind.TEXT_OR_NULL),
        optional("detail", Kind.TEXT_OR_NULL)));
  }

  /** Every collection Kenes writes (sessions aside), in the order they are checked: each may refer to those before. */
  static final List<String> COLLECTIONS = List.copyOf(FIELDS.keySet());

  private DumpSchema() {}

  /** What is wrong with the shape of a document of a collection, by field; nothing for a well-formed one. */
  static List<Problem> problems(String collection, JsonObject doc) {
    List<Problem> problems = new ArrayList<>();
    Set<String> known = new HashSet<>();
    // A withdrawal's mark stands in an answer set's place (AnswerRepository.withdraw): a shape of its own.
    boolean mark = "answers".equals(collection) && Boolean.TRUE.equals(doc.getValue("withdrawn"));
    for (Field f : mark ? WITHDRAWAL_MARK : FIELDS.get(collection)) {
      known.add(f.name());
      if (!doc.containsKey(f.name())) {
        if (!f.optional()) {
          problems.add(new Problem(f.name(), "missing"));
        }
      } else if (!f.kind().accepts(doc.getValue(f.name()))) {
        problems.add(new Problem(f.name(), "not " + describe(f.kind())));
      }
    }
    doc.fieldNames().stream().filter(k -> !known.contains(k)).sorted()
        .forEach(k -> problems.add(new Problem(k, "unknown field")));
    return problems;
  }

  static boolean isCount(Object value) {
    return Kind.COUNT.accepts(value);
  }

  private static boolean isInstant(Object value) {
    if (!(value instanceof String s)) {
      return false;
    }
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isWhole(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case TEXT -> "a text";
      case TEXT_OR_NULL -> "a text or null";
      case INSTANT -> "a time such as 2026-12-01T12:00:00Z";
      case INSTANT_OR_NULL -> "a time or null";
      case DATE -> "a date of the store such as {\"$date\": \"2026-12-01T12:00:00Z\"}";
      case COUNT -> "a whole number, not negative";
      case COUNT_OR_NULL -> "a whole number or null";
      case ROUND -> "a round number";
      case ROUND_OR_NULL -> "a round number or null";
      case BOOLEAN -> "true or false";
      case OBJECT -> "an object";
      case OBJECT_OR_NULL -> "an object or null";
      case TEXTS -> "a list of texts";
      case ROLE -> "owner, facilitator or reader";
    };
  }
}
