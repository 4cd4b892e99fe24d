package org.kenes.answer;

import java.util.Map;

/**
 * Everything one participant answered in one round; only a submitted set counts in the statistics.
 *
 * @param submittedAt when the set was first submitted, in milliseconds since 1970; 0 for a set not submitted, or
 *                    submitted before Kenes kept the moment
 */
public record AnswerSet(String study, int round, String participant, String panel, Map<String, Answer> answers,
    boolean submitted, String updatedAt, long submittedAt) {

  public AnswerSet {
    answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
  }

  /** The set after a save merges {@code answers} into it, as the store's update does. */
  public AnswerSet merge(String newPanel, Map<String, Answer> newAnswers, boolean submit, String at) {
    Map<String, Answer> merged = new java.util.LinkedHashMap<>(answers);
    merged.putAll(newAnswers);
    return new AnswerSet(study, round, participant, newPanel, merged, submitted || submit, at, submittedAt);
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
