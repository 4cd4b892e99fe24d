package org.kenes.account;

import java.util.Locale;
import java.util.Optional;
import org.kenes.common.Invalid;

/**
 * What an account may do on one study, each role including the ones before it: a reader reads the report, results,
 * groups and live dashboard (never participants' personal data); a facilitator also runs rounds, participants, mail and
 * items; an owner also grants roles and shares report links. The admin holds every role on every study.
 */
public enum Role {
  READER, FACILITATOR, OWNER;

  /** Its name in the API and the store: {@code reader}, {@code facilitator}, {@code owner}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> of(String key) {
    for (Role role : values()) {
      if (role.key().equals(key)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /**
   * The role a request asks for: a role's key, or null for none (taking a role away). {@link Invalid} at {@code role}
   * for anything else.
   */
  public static Optional<Role> requested(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(of(value instanceof String s ? s : "").orElseThrow(() ->
        Invalid.worded("role", "problem.role.value")));
  }

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return ordinal() >= needed.ordinal();
  }
}
