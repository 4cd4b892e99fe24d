package org.kenes.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginGuardTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final LoginGuard guard = new LoginGuard(2, now::get);

  @Test
  @DisplayName("after five failures the delay starts at a second and doubles with each failure, up to 15 minutes")
  void doubling() {
    for (int i = 0; i < LoginGuard.FREE_PER_ACCOUNT - 1; i++) {
      assertEquals(0, guard.failed("maria", "a" + i));
    }
    assertEquals(1_000, guard.failed("maria", "x"));
    assertEquals(1_000, guard.wait("maria", "y"), "whatever the address");
    now.addAndGet(1_000);
    assertEquals(0, guard.wait("maria", "y"));
    assertEquals(2_000, guard.failed("maria", "z"));
    for (int i = 0; i < 20; i++) {
      guard.failed("maria", "w" + i);
    }
    assertEquals(LoginGuard.MAX_DELAY_MS, guard.wait("maria", "v"));
    guard.succeeded("maria");
    assertEquals(0, guard.wait("maria", "v"), "a success starts the account afresh");
  }

  @Test
  @DisplayName("an address failing on twenty accounts waits too, and is forgotten after an hour without failures")
  void byAddress() {
    for (int i = 0; i < LoginGuard.FREE_PER_ADDRESS; i++) {
      guard.failed("user" + i, "10.0.0.1");
    }
    assertTrue(guard.wait("someone-else", "10.0.0.1") > 0);
    assertEquals(0, guard.wait("someone-else", "10.0.0.2"));
    now.addAndGet(LoginGuard.FORGET_MS + 1);
    assertEquals(0, guard.wait("someone-else", "10.0.0.1"));
  }

  @Test
  @DisplayName("no more password checks at once than the bound")
  void bound() {
    assertTrue(guard.startCheck());
    assertTrue(guard.startCheck());
    assertFalse(guard.startCheck());
    guard.endCheck();
    assertTrue(guard.startCheck());
  }
}
