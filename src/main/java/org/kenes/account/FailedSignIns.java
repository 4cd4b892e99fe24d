package org.kenes.account;

import io.vertx.core.Future;

/**
 * Where a failed sign-in is recorded (the audit, wired in by the services): an interface here, since the audit
 * names an account's actor and may not be named back by the accounts (no package cycle).
 */
@FunctionalInterface
public interface FailedSignIns {

  /** @param detail where from, and how long the next attempt waits */
  Future<Void> record(String user, String detail);
}
