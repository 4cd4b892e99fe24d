package org.kenes.web.panelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guard against guessed personal links follows a bounded number of addresses, whatever a flood sends. */
class TokenGuardTest {

  @Test
  @DisplayName("addresses whose failures no longer count are forgotten: a flood of new ones never grows past the bound")
  void boundedAddresses() {
    AtomicLong clock = new AtomicLong();
    TokenGuard guard = new TokenGuard(clock::get);
    for (int i = 0; i < TokenGuard.MAX_ADDRESSES; i++) {
      guard.failed("10.0." + i, 0);
    }
    assertEquals(TokenGuard.MAX_ADDRESSES, guard.followed());
    guard.failed("10.9.9.9", 1);
    assertEquals(TokenGuard.MAX_ADDRESSES, guard.followed(), "a full guard takes no new address meanwhile");

    clock.set(TokenGuard.WINDOW_MS + 1);
    for (int i = 0; i < TokenGuard.MAX_FAILURES; i++) {
      guard.failed("192.0.2.1", TokenGuard.WINDOW_MS + 1);
    }
    for (int i = 0; i < TokenGuard.MAX_ADDRESSES; i++) {
      guard.failed("10.1." + i, TokenGuard.WINDOW_MS + 2);
    }
    assertTrue(guard.followed() <= TokenGuard.MAX_ADDRESSES, guard.followed() + " addresses followed");
    assertTrue(guard.blockedUntil("192.0.2.1") > TokenGuard.WINDOW_MS + 3, "a blocked address stays blocked");
  }
}
