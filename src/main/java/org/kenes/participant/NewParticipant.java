package org.kenes.participant;

import java.util.Map;

/**
 * A person to add to a study, as the facilitator gave them (validated).
 *
 * @param pilot a pilot participant: tries the questionnaire, their answers never count
 * @param attributes values of the study's participant attributes given with them, by attribute id
 */
public record NewParticipant(String name, String email, String panel, String language, boolean pilot,
    Map<String, Object> attributes) {

  public NewParticipant {
    attributes = Map.copyOf(attributes);
  }

  /** A person given without attribute values. */
  public NewParticipant(String name, String email, String panel, String language, boolean pilot) {
    this(name, email, panel, language, pilot, Map.of());
  }
}
