package org.kenes.discussion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.kenes.store.Durability;
import org.kenes.study.Study;

/**
 * The moderators' word lists, one per study and language ({@code wordLists}, {@code study:language}): a post that
 * holds one of the words (in any of the study's languages: people quote) waits for review before it appears. A word
 * ending in {@code *} matches every word it begins (Russian words change their endings).
 */
public final class WordList {

  static final String COLLECTION = "wordLists";
  /** Enough for a list of slurs and names in one language; a list is read at every post. */
  public static final int MAX_WORDS = 500;
  public static final int MAX_WORD = 60;

  private final MongoClient mongo;
  private final Durability durability;

  public WordList(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** A study's lists by language (each of its languages, empty where none was set). */
  public Future<Map<String, List<String>>> of(Study study) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study.id())).map(docs -> {
      Map<String, List<String>> lists = new LinkedHashMap<>();
      study.languages().forEach(l -> lists.put(l, List.of()));
      docs.forEach(d -> lists.put(d.getString("language"), d.getJsonArray("words", new JsonArray()).stream()
          .map(String::valueOf).toList()));
      return lists;
    });
  }

  /** A list as typed: one word or phrase a line (or separated by commas), in lower case, blanks and repeats dropped. */
  static List<String> parse(String typed) {
    List<String> words = new ArrayList<>();
    for (String w : typed.split("[\\n,]")) {
      String word = w.strip().toLowerCase(Locale.ROOT);
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** Sets a language's list. */
  Future<List<String>> set(String study, String language, List<String> words) {
    JsonObject doc = new JsonObject().put("study", study).put("language", language).put("words", new JsonArray(words));
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", study + ":" + language),
            new JsonObject().put("$set", doc), new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync()).map(words);
  }

  /** Whether a text holds a word of any of the study's lists. */
  public Future<Boolean> holds(Study study, String text) {
    return of(study).map(lists -> lists.values().stream().flatMap(List::stream).anyMatch(w -> matches(w, text)));
  }

  static boolean matches(String word, String text) {
    boolean prefix = word.endsWith("*");
    String stem = prefix ? word.substring(0, word.length() - 1) : word;
    if (stem.isBlank()) {
      return false;
    }
    String pattern = "(?<![\\p{L}\\p{N}])" + Pattern.quote(stem) + (prefix ? "" : "(?![\\p{L}\\p{N}])");
    return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
  }
}
