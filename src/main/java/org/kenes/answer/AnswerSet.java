package org.kenes.answer;

import java.util.Map;

/** Everything one participant answered in one round; only a submitted set counts in the statistics. */
public record AnswerSet(String study, int round, String participant, String panel, Map<String, Answer> answers,
    boolean submitted, String updatedAt) {

  public AnswerSet {
    answers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(answers));
  }

  /** The deterministic key that makes every save an idempotent upsert. */
  public static String key(String study, int round, String participant) {
    return study + ":" + round + ":" + participant;
  }
}
