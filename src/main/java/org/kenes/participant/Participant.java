package org.kenes.participant;

/**
 * A panelist. {@code id} stays the same across rounds and keys their answers in the store; facilitators see it next
 * to the name, so answers leave the server under {@link Pseudonyms} instead. Name and email never leave the
 * facilitator side; {@code token} is the secret of the personal link.
 *
 * @param withdrawnAt when they withdrew from the study (no more mail, no more rounds), or null
 * @param pilot       a pilot participant, who tries the questionnaire: their answers are kept apart (the {@code
 *                    pilot-answers} collection) and never count in any figure; set when they are added, for good
 */
public record Participant(String id, String study, String name, String email, String panel, String language,
    String token, String invitedAt, String withdrawnAt, boolean pilot) {

  public boolean withdrawn() {
    return withdrawnAt != null;
  }
}
