package org.kenes.account;

import io.vertx.core.Future;

/**
 * Where a failed sign-in is written down (the audit, in the running server). Accounts name what they need rather
 * than import the audit, which itself records accounts' actors: the dependency runs one way.
 */
@FunctionalInterface
public interface FailedLogins {

  /** Records that someone failed to sign in as {@code username}; {@code detail} says from where and what follows. */
  Future<Void> record(String username, String detail);
}
