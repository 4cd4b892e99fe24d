package org.kenes.participant;

/**
 * A panelist. {@code id} is a pseudonym that stays the same across rounds and is all that results and exports carry;
 * name and email never leave the facilitator side; {@code token} is the secret of the personal link.
 */
public record Participant(String id, String study, String name, String email, String panel, String language,
    String token, String invitedAt) {}
