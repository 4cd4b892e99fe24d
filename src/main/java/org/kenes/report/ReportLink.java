package org.kenes.report;

import java.time.Instant;

/**
 * A read-only link to a study's report ({@code /r/{secret}}) for people without an account. The secret itself is
 * never stored: the link is found by a hash of it, and known to its owners by {@code id}.
 *
 * @param expiresAt when it stops working (an ISO instant), or null for never
 * @param revokedAt when an owner revoked it, or null
 */
public record ReportLink(String id, String study, String label, String createdBy, String createdAt, String expiresAt,
    String revokedAt) {

  /** Whether the link is still usable, expired or revoked. */
  public enum Status { ACTIVE, EXPIRED, REVOKED }

  /** What the audit records: its id, and its label when it has one. */
  public String described() {
    return label.isEmpty() ? id : id + " (" + label + ")";
  }

  public Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    return expiresAt != null && !Instant.parse(expiresAt).isAfter(now) ? Status.EXPIRED : Status.ACTIVE;
  }
}
