package org.kenes.participant;

/** A person to add to a study, as the facilitator gave them (validated); {@code pilot} for a pilot participant. */
public record NewParticipant(String name, String email, String panel, String language, boolean pilot) {}
