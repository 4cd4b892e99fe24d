package org.kenes.account;

/** An account's role on a study (null: none left), who granted it and when. */
public record Grant(String study, String username, Role role, String grantedBy, String grantedAt) {

  /** What the audit records: {@code maria: reader}, or {@code maria: none} for a role taken away. */
  public String described() {
    return username + ": " + (role == null ? "none" : role.key());
  }
}
