package org.kenes.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.kenes.account.AccountService;
import org.kenes.account.Passwords;
import org.kenes.answer.AnswerReader;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Tokens;
import org.kenes.discussion.Post;
import org.kenes.discussion.Tag;
import org.kenes.mail.Message;
import org.kenes.mail.MessageText;
import org.kenes.participant.ParticipantReader;
import org.kenes.round.ResultsJson;
import org.kenes.store.Dump;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/**
 * What {@code kenes restore} lets into the store: a dump is a file anyone may have written, so every document is held
 * against the shape Kenes writes for its collection ({@link DumpSchema}: its fields and their kinds, nothing else) and
 * against the rest of the dump (a round's items are its study's, an answer is valid for its round as a save would be,
 * a password hash has a bounded number of iterations). Sessions are dropped: a restore signs nobody in. Every problem
 * is named by its line ({@link Invalid}, exit code 2); nothing is restored unless the whole dump passes.
 */
final class DumpCheck {

  private static final Set<String> ROUND_STATUSES = Set.of("open", "closed");
  private static final Set<String> CHANGES = Set.of("added", "reworded", "merged", "retired");
  private static final Set<String> MAIL_STATUSES = Set.of("unsent", "queued", "sending", "sent", "failed");
  private static final List<String> POST_STATES = Arrays.stream(Post.State.values()).map(Post.State::key).toList();

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Study> studies = new HashMap<>();
  /** The rounds of each study by number, with the items each asks. */
  private final Map<String, Map<Integer, List<String>>> rounds = new HashMap<>();
  private final Map<String, Set<Integer>> closedRounds = new HashMap<>();
  /** The participants of each study by pseudonym. */
  private final Set<String> tokens = new HashSet<>();
  private final Set<String> ids = new HashSet<>();
  private long line;

  private DumpCheck() {}

  /**
   * The documents to restore, by collection, once every one has passed; {@link Invalid} listing the problems by line
   * otherwise. Sessions are left out.
   */
  static Map<String, List<JsonObject>> check(Map<String, List<Dump.Line>> dump) {
    DumpCheck check = new DumpCheck();
    dump.keySet().stream().filter(c -> !DumpSchema.COLLECTIONS.contains(c) && !c.equals(Dump.SESSIONS)).sorted()
        .forEach(c -> check.problems.add(new Problem("collection " + c, "not a collection Kenes writes")));
    Map<String, List<JsonObject>> restored = new LinkedHashMap<>();
    for (String collection : DumpSchema.COLLECTIONS) {
      List<Dump.Line> lines = dump.get(collection);
      if (lines == null) {
        continue;
      }
      check.ids.clear();
      List<JsonObject> docs = new ArrayList<>();
      for (Dump.Line l : lines) {
        check.line = l.number();
        if (check.shape(collection, l.document())) {
          check.meaning(collection, l.document());
        }
        docs.add(l.document());
      }
      restored.put(collection, docs);
      if (collection.equals("rounds")) {
        check.roundsInSequence();
      }
    }
    if (!check.problems.isEmpty()) {
      throw new Invalid(check.problems.size() + " problem(s) in the dump; nothing was restored", check.problems);
    }
    return restored;
  }

  /** The document's fields are those of its collection, of their kinds, its id not seen before; false otherwise. */
  private boolean shape(String collection, JsonObject doc) {
    List<Problem> wrong = DumpSchema.problems(collection, doc);
    wrong.forEach(p -> problem(p.path(), p.message()));
    if (wrong.isEmpty() && !ids.add(doc.getString("_id"))) {
      problem("_id", "appears twice");
      return false;
    }
    return wrong.isEmpty();
  }

  private void meaning(String collection, JsonObject doc) {
    switch (collection) {
      case "studies" -> study(doc);
      case "participants" -> participant(doc);
      case "participant-counts" -> studyOf(doc, "_id").ifPresent(study -> doc.getJsonObject("panels").forEach(e -> {
        check(study.panel(e.getKey()).isPresent(), "panels." + e.getKey(), "not a panel of the study");
        check(DumpSchema.isCount(e.getValue()), "panels." + e.getKey(), "not a count");
      }));
      case "rounds" -> round(doc);
      case "opened" -> inRound(doc, participantKey(doc));
      case "answers" -> answers(doc);
      case "pilot-answers" -> pilotAnswers(doc);
      case "tallies" -> tallies(doc);
      case "results" -> results(doc);
      case "changes" -> studyOf(doc, "study").ifPresent(study ->
          check(CHANGES.contains(doc.getString("change")), "change", "not one of " + CHANGES));
      case "mailTexts" -> studyOf(doc, "study").ifPresent(study -> {
        check(MessageText.KINDS.contains(doc.getString("kind")), "kind", "not one of " + MessageText.KINDS);
        check(study.languages().contains(doc.getString("language")), "language", "not a language of the study");
        check(doc.getString("_id").equals(doc.getString("study") + ":" + doc.getString("kind") + ":"
            + doc.getString("language")), "_id", "not study:kind:language");
      });
      case "outbox" -> studyOf(doc, "study").ifPresent(study -> {
        check(ParticipantReader.isEmail(doc.getString("to")), "to", "not an email address");
        check(Message.ALL.contains(doc.getString("kind")), "kind", "not one of " + Message.ALL);
        check(MAIL_STATUSES.contains(doc.getString("status")), "status", "not one of " + MAIL_STATUSES);
      });
      case "posts", "postVotes", "threads", "wordLists", "replyWatches" -> discussion(collection, doc);
      case "accounts" -> {
        check(AccountService.isUsername(doc.getString("_id")), "_id", "not a username");
        check(Passwords.wellFormed(doc.getString("password")), "password",
            "not a password hash Kenes writes (PBKDF2-SHA256 with a bounded number of iterations)");
        String email = doc.getString("email");
        check(email == null || ParticipantReader.isEmail(email), "email", "not an email address");
      }
      default -> {
        // audit: its shape is all there is to it
      }
    }
  }

  private void study(JsonObject doc) {
    Study study;
    try {
      study = StudyFormat.read(doc.getString("definition"));
    } catch (Invalid e) {
      problem("definition", "not a valid study: " + e.problems().get(0));
      return;
    }
    check(study.id().equals(doc.getString("_id")), "_id", "not the definition's id");
    check(StudyFormat.hash(study).equals(doc.getString("hash")), "hash", "not the definition's hash");
    Integer opened = doc.getInteger("roundsOpened");
    check(opened == null || opened <= study.rounds().max(), "roundsOpened", "more than the study's rounds");
    studies.put(study.id(), study);
  }

  private void participant(JsonObject doc) {
    studyOf(doc, "study").ifPresent(study -> {
      check(Tokens.isParticipantId(doc.getString("pseudonym")), "pseudonym", "not a pseudonym");
      check(Tokens.wellFormed(doc.getString("token")) && tokens.add(doc.getString("token")), "token",
          "not a personal link's token, or one that appears twice");
      String email = doc.getString("email");
      check(email == null || ParticipantReader.isEmail(email), "email", "not an email address");
      check(study.panel(doc.getString("panel")).isPresent(), "panel", "not a panel of the study");
      check(study.languages().contains(doc.getString("language")), "language", "not a language of the study");
      check(doc.getString("_id").startsWith(study.id() + ":"), "_id", "not the study's");
    });
  }

  private void round(JsonObject doc) {
    studyOf(doc, "study").ifPresent(study -> {
      int number = doc.getInteger("round");
      check(doc.getString("_id").equals(study.id() + ":" + number), "_id", "not study:round");
      check(number <= study.rounds().max(), "round", "more than the study's rounds");
      String status = doc.getString("status");
      check(ROUND_STATUSES.contains(status), "status", "not one of " + ROUND_STATUSES);
      check(!"closed".equals(status) || doc.getString("closedAt") != null, "closedAt", "missing for a closed round");
      List<String> items = doc.getJsonArray("items").stream().map(String::valueOf).toList();
      check(!items.isEmpty() && new HashSet<>(items).size() == items.size(), "items", "none, or one twice");
      items.forEach(i -> check(study.item(i).isPresent(), "items", "no item '" + i + "' in the study"));
      rounds.computeIfAbsent(study.id(), s -> new HashMap<>()).put(number, items);
      if ("closed".equals(status)) {
        closedRounds.computeIfAbsent(study.id(), s -> new HashSet<>()).add(number);
      }
    });
  }

  /** Each study's rounds are 1, 2, … with only the last open, and no more than the study counts as opened. */
  private void roundsInSequence() {
    rounds.forEach((id, byNumber) -> {
      int last = byNumber.size();
      boolean sequence = byNumber.keySet().stream().allMatch(n -> n >= 1 && n <= last);
      Set<Integer> closed = closedRounds.getOrDefault(id, Set.of());
      boolean openLast = byNumber.keySet().stream().allMatch(n -> n == last || closed.contains(n));
      if (!sequence || !openLast) {
        problems.add(new Problem("rounds of study " + id, "not numbered 1 to " + last
            + ", or one open before the last"));
      }
    });
  }

  private void answers(JsonObject doc) {
    if (Boolean.TRUE.equals(doc.getValue("withdrawn"))) {
      // A withdrawal's mark: no answer in it, only where and when the set taken out was submitted.
      inRound(doc, null);
      return;
    }
    inRound(doc, participantKey(doc)).ifPresent(asked -> {
      Study study = studies.get(doc.getString("study"));
      check(study.panel(doc.getString("panel")).isPresent(), "panel", "not a panel of the study");
      try {
        // Held against the round as a draft saved now would be: every value on the scale, every item asked.
        JsonObject answers = doc.getJsonObject("answers", new JsonObject());
        AnswerReader.read(study, asked, new JsonObject().put("answers", answers));
      } catch (Invalid e) {
        e.problems().forEach(p -> problem(p.path(), p.message()));
      }
      firstRatings(study, asked, doc.getJsonObject("first", new JsonObject()));
    });
  }

  /** A real-time study's first ratings: of rating items asked in the round, each a point of the scale or "unable". */
  private void firstRatings(Study study, List<String> asked, JsonObject first) {
    check(first.isEmpty() || study.realTime(), "first", "first ratings are kept in a real-time study only");
    first.forEach(e -> {
      boolean rating = asked.contains(e.getKey())
          && study.item(e.getKey()).map(i -> i.type() == ItemType.RATING).orElse(false);
      check(rating, "first." + e.getKey(), "not a rating item of the round");
      if (rating && e.getValue() instanceof JsonObject one && one.fieldNames().equals(Set.of("value"))) {
        try {
          AnswerReader.read(study, asked, new JsonObject().put("answers", new JsonObject().put(e.getKey(), one)));
        } catch (Invalid invalid) {
          invalid.problems().forEach(p -> problem("first." + e.getKey(), p.message()));
        }
      } else if (rating) {
        problem("first." + e.getKey(), "a first rating is {\"value\": a point or null}");
      }
    });
  }

  /**
   * A pilot's set: held against its round as any answer set; of a round that pilots tried before it opened, only
   * answers in an answer's shape, since the definition may have changed after the pilot (which is what piloting is
   * for): the pilot view leaves out what no longer fits.
   */
  private void pilotAnswers(JsonObject doc) {
    studyOf(doc, "study").ifPresent(study -> {
      check(doc.getString("_id").equals(participantKey(doc)), "_id", "not " + participantKey(doc));
      check(Tokens.isParticipantId(doc.getString("participant")), "participant", "not a participant's id");
      check(study.panel(doc.getString("panel")).isPresent(), "panel", "not a panel of the study");
      JsonObject answers = doc.getJsonObject("answers", new JsonObject());
      List<String> asked = rounds.getOrDefault(study.id(), Map.of()).get(doc.getInteger("round"));
      if (asked == null) {
        answers.forEach(e -> check(answerShaped(e.getValue()), "answers." + e.getKey(), "not an answer"));
        return;
      }
      try {
        AnswerReader.read(study, asked, new JsonObject().put("answers", answers));
      } catch (Invalid e) {
        e.problems().forEach(p -> problem(p.path(), p.message()));
      }
    });
  }

  /** An answer as the store keeps one: a rating, a ranking or an open text, with their comments and reasons. */
  private static boolean answerShaped(Object value) {
    if (!(value instanceof JsonObject o) || !Set.of("value", "comment", "reason", "ranking", "text")
        .containsAll(o.fieldNames())) {
      return false;
    }
    boolean texts = Stream.of("comment", "reason", "text").allMatch(k -> o.getValue(k) == null
        || o.getValue(k) instanceof String);
    boolean ranking = o.getValue("ranking") == null || o.getValue("ranking") instanceof JsonArray a
        && a.stream().allMatch(String.class::isInstance);
    Object rating = o.getValue("value");
    return texts && ranking && (rating == null || rating instanceof Integer || rating instanceof Long);
  }

  /** The counters of a round and panel: each one Kenes keeps for the round's items, a finite amount, not negative. */
  private void tallies(JsonObject doc) {
    inRound(doc, null).ifPresent(asked -> {
      Study study = studies.get(doc.getString("study"));
      check(study.panel(doc.getString("panel")).isPresent(), "panel", "not a panel of the study");
      JsonObject counters;
      try {
        counters = new JsonObject(doc.getString("counters"));
      } catch (DecodeException | ClassCastException e) {
        problem("counters", "not a JSON object");
        return;
      }
      counters.forEach(e -> {
        check(e.getValue() instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0,
            "counters." + e.getKey(), "not an amount");
        check(isCounter(study, asked, e.getKey()), "counters." + e.getKey(), "not a counter of the round's items");
      });
    });
  }

  private static boolean isCounter(Study study, List<String> asked, String name) {
    if (name.equals("submitted")) {
      return true;
    }
    String[] parts = name.split("\\.", 3);
    Item item = parts.length < 2 || !asked.contains(parts[1]) ? null : study.item(parts[1]).orElse(null);
    if (item == null) {
      return false;
    }
    int span = study.scale().max() - study.scale().min();
    return switch (parts[0]) {
      case "r" -> item.type() == ItemType.RATING && parts.length == 3 && (parts[2].equals("unable")
          || parts[2].matches("-?\\d{1,4}") && Integer.parseInt(parts[2]) >= study.scale().min()
          && Integer.parseInt(parts[2]) <= study.scale().max());
      case "d" -> item.type() == ItemType.RATING && parts.length == 3 && parts[2].matches("-?\\d{1,4}")
          && Math.abs(Integer.parseInt(parts[2])) <= span;
      case "k" -> item.type() == ItemType.RANKING && parts.length == 3 && (Set.of("m", "incomplete", "ties")
          .contains(parts[2]) || parts[2].startsWith("sums.") && item.optionIds().contains(parts[2].substring(5)));
      case "o" -> item.type() == ItemType.OPEN && parts.length == 2;
      default -> false;
    };
  }

  /** A closed round's results: a JSON object of that study and round, of the round's items. */
  private void results(JsonObject doc) {
    inRound(doc, null).ifPresent(asked -> {
      int number = doc.getInteger("round");
      check(closedRounds.getOrDefault(doc.getString("study"), Set.of()).contains(number), "round",
          "results of a round that is not closed");
      JsonObject results;
      try {
        results = new JsonObject(doc.getString("json"));
      } catch (DecodeException | ClassCastException e) {
        problem("json", "not a JSON object");
        return;
      }
      check(doc.getString("study").equals(results.getValue("study")) && Integer.valueOf(number)
          .equals(results.getValue("round")), "json", "not the results of this study and round");
      check(results.getValue("participation") instanceof JsonObject, "json.participation", "missing");
      if (!(results.getValue("items") instanceof JsonArray items)) {
        problem("json.items", "missing");
        return;
      }
      Study study = studies.get(doc.getString("study"));
      for (Object item : items) {
        boolean known = item instanceof JsonObject o && asked.contains(o.getValue("id"))
            && study.item(o.getString("id")).map(i -> i.type().key()).orElse("").equals(o.getValue("type"));
        check(known, "json.items", "an item that is not one of the round's, or not of its type");
      }
      // Results are read into their type wherever they are shown: a restored one must read.
      try {
        ResultsJson.fromJson(results);
      } catch (RuntimeException e) {
        problem("json", "not round results as Kenes writes them");
      }
    });
  }

  /**
   * The items of the round a document belongs to ({@code study}, {@code round}), checking that its id is
   * {@code expectedId} (when given) and its participant, if it names one, is an id Kenes gives (the participant may
   * be gone: erased, purged at the end of the retention period, or left out of a pseudonymous backup, while their
   * answers stay); empty if it belongs to none.
   */
  private Optional<List<String>> inRound(JsonObject doc, String expectedId) {
    return studyOf(doc, "study").flatMap(study -> {
      List<String> asked = rounds.getOrDefault(study.id(), Map.of()).get(doc.getInteger("round"));
      check(asked != null, "round", "no such round of the study");
      if (expectedId != null) {
        check(doc.getString("_id").equals(expectedId), "_id", "not " + expectedId);
      }
      if (doc.containsKey("participant")) {
        check(Tokens.isParticipantId(doc.getString("participant")), "participant", "not a participant's id");
      }
      return Optional.ofNullable(asked);
    });
  }

  /** A discussion's document: of a study's item (or language), keyed as the discussion keys it, by a participant. */
  private void discussion(String collection, JsonObject doc) {
    studyOf(doc, "study").ifPresent(study -> {
      String id = doc.getString("_id");
      String prefix = study.id() + ":";
      if (doc.containsKey("item")) {
        check(study.item(doc.getString("item")).isPresent(), "item", "not an item of the study");
      }
      if (doc.containsKey("participant")) {
        check(Tokens.isParticipantId(doc.getString("participant")), "participant", "not a participant's id");
      }
      switch (collection) {
        case "posts" -> {
          check(id.equals(prefix + doc.getString("item") + ":" + doc.getString("id")), "_id", "not study:item:id");
          check(doc.getString("tag") == null || Tag.keys().contains(doc.getString("tag")), "tag",
              "not one of " + Tag.keys());
          check(POST_STATES.contains(doc.getString("state")), "state", "not one of " + POST_STATES);
          check(study.panel(doc.getString("panel")).isPresent(), "panel", "not a panel of the study");
        }
        case "postVotes" -> check(id.equals(prefix + doc.getString("post") + ":" + doc.getString("participant")),
            "_id", "not study:post:participant");
        case "threads" -> check(id.equals(prefix + doc.getString("item")), "_id", "not study:item");
        case "replyWatches" -> check(id.equals(prefix + doc.getString("participant")), "_id", "not study:participant");
        default -> {
          check(study.languages().contains(doc.getString("language")), "language", "not a language of the study");
          check(id.equals(prefix + doc.getString("language")), "_id", "not study:language");
        }
      }
    });
  }

  /** The key of a participant's document of a round: {@code study:round:participant}. */
  private static String participantKey(JsonObject doc) {
    return doc.getString("study") + ":" + doc.getInteger("round") + ":" + doc.getString("participant");
  }

  private Optional<Study> studyOf(JsonObject doc, String field) {
    Study study = studies.get(doc.getString(field));
    check(study != null, field, "no such study in the dump");
    return Optional.ofNullable(study);
  }

  private void check(boolean ok, String field, String message) {
    if (!ok) {
      problem(field, message);
    }
  }

  private void problem(String field, String message) {
    problems.add(new Problem("line " + line + ": " + field, message));
  }


}
