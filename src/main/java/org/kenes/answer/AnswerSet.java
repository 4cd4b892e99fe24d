package org.kenes.answer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything one participant answered in one round; only a submitted set counts in the statistics.
 *
 * @param submittedAt when the set was first submitted, in milliseconds since 1970; 0 for a set not submitted, or
 *                    submitted before Kenes kept the moment
 * @param first in a real-time study, each rating item's first rating (a point or "unable", nothing else of the
 *              answer), kept as it was while the answer is revised; empty otherwise
 */
public record AnswerSet(String study, int round, String participant, String panel, Map<String, Answer> answers,
    boolean submitted, String updatedAt, long submittedAt, Map<String, Answer.Rating> first) {

  public AnswerSet {
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    first = Collections.unmodifiableMap(new LinkedHashMap<>(first));
  }

  public AnswerSet(String study, int round, String participant, String panel, Map<String, Answer> answers,
      boolean submitted, String updatedAt, long submittedAt) {
    this(study, round, participant, panel, answers, submitted, updatedAt, submittedAt, Map.of());
  }

  /** The set after a save merges {@code answers} into it, as the store's update does. */
  public AnswerSet merge(String newPanel, Map<String, Answer> newAnswers, boolean submit, String at) {
    Map<String, Answer> merged = new LinkedHashMap<>(answers);
    merged.putAll(newAnswers);
    return new AnswerSet(study, round, participant, newPanel, merged, submitted || submit, at, submittedAt, first);
  }

  /**
   * The ratings of {@code saved} that are the first of their items: rated (a point or "unable") where this set, as it
   * stood before the save, has neither a first rating kept nor a rated answer.
   */
  public Map<String, Answer.Rating> firstsIn(Map<String, Answer> saved) {
    Map<String, Answer.Rating> firsts = new LinkedHashMap<>();
    saved.forEach((item, answer) -> {
      boolean hadOne = first.containsKey(item) || answers.get(item) instanceof Answer.Rating r && r.rated();
      if (!hadOne && answer instanceof Answer.Rating r && r.rated()) {
        firsts.put(item, new Answer.Rating(r.value(), r.unable(), null, null));
      }
    });
    return firsts;
  }

  /** The same participant's set as it stood with their first ratings only, to be counted as answers are. */
  public AnswerSet firstAnswers() {
    return new AnswerSet(study, round, participant, panel, new LinkedHashMap<>(first), submitted, updatedAt,
        submittedAt);
  }

  /** A participant's set before their first save. */
  public static AnswerSet empty(String study, int round, String participant, String panel) {
    return new AnswerSet(study, round, participant, panel, Map.of(), false, null, 0);
  }

  /** The deterministic key that makes every save an idempotent upsert. */
  public static String key(String study, int round, String participant) {
    return study + ":" + round + ":" + participant;
  }
}
