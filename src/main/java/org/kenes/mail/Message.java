package org.kenes.mail;

import java.util.List;

/**
 * A message in the outbox. {@code id} is deterministic (study, kind, round, participant, and for a reminder the day),
 * so a repeated request queues nothing twice. {@code status}: {@code unsent} (no SMTP server configured),
 * {@code queued}, {@code sending}, {@code sent} or {@code failed}.
 */
public record Message(String id, String study, String participant, String to, String kind, Integer round,
    String language, String subject, String body, String status, String at, String sentAt, String error) {

  public static final String INVITATION = "invitation";
  public static final String REMINDER = "reminder";
  /** The thank-you with the published results. */
  public static final String RESULTS = "results";
  /** To the study's contact: its personal data is about to be deleted. */
  public static final String RETENTION = "retention";
  /** To a panelist: replies to their posts in the discussion, once a day at most. */
  public static final String REPLIES = "replies";
  /** Every kind of message Kenes writes. */
  public static final List<String> ALL = List.of(INVITATION, REMINDER, RESULTS, RETENTION, REPLIES);
}
