package org.kenes.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.kenes.common.TooMany;

/**
 * Slows down password guessing, per instance: after {@link #FREE_PER_ACCOUNT} failed sign-ins to one account (or
 * {@link #FREE_PER_ADDRESS} from one address, whatever accounts they named) each further attempt must wait a delay that
 * doubles with every failure, from a second up to {@link #MAX_DELAY_MS}; an attempt within the delay is refused without
 * its password being checked, so that even the right one waits. A success clears the account's count, not the
 * address's, which fades once it has failed nothing for {@link #FORGET_MS}. Also bounds how many passwords are checked
 * at once, as each check costs a core a fraction of a second.
 */
public final class LoginGuard {

  /** Why a password check refused by {@link #startCheck} was: so that a page can say so rather than "wait". */
  public static final String BUSY = "the server is checking many passwords at once; try again in a moment";

  static final int FREE_PER_ACCOUNT = 5;
  static final int FREE_PER_ADDRESS = 20;
  static final long FIRST_DELAY_MS = 1_000;
  static final long MAX_DELAY_MS = 15 * 60_000;
  static final long FORGET_MS = 60 * 60_000;
  /** Accounts and addresses followed at most; beyond, those that failed nothing for a while are let go. */
  static final int MAX_FOLLOWED = 100_000;

  private record Failures(int count, long last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final AtomicInteger checking = new AtomicInteger();
  private final int maxChecks;
  private final LongSupplier clock;

  /** @param maxChecks how many passwords may be checked at once: about the cores of the machine */
  public LoginGuard(int maxChecks, LongSupplier clock) {
    this.maxChecks = maxChecks;
    this.clock = clock;
  }

  /** Milliseconds an attempt on this account from this address must still wait; 0 when it may go on. */
  public long wait(String account, String address) {
    long now = clock.getAsLong();
    return Math.max(wait("account:" + account, FREE_PER_ACCOUNT, now),
        wait("address:" + address, FREE_PER_ADDRESS, now));
  }

  /** Counts a failed sign-in; answers the delay the next attempt on the account or from the address must wait. */
  public long failed(String account, String address) {
    long now = clock.getAsLong();
    if (failures.size() >= MAX_FOLLOWED) {
      failures.values().removeIf(f -> now - f.last() > MAX_DELAY_MS);
    }
    count("account:" + account, now);
    count("address:" + address, now);
    return wait(account, address);
  }

  /** Accounts and addresses followed, for the tests. */
  int followed() {
    return failures.size();
  }

  /** A sign-in that succeeded: the account starts afresh. */
  public void succeeded(String account) {
    failures.remove("account:" + account);
  }

  /** Takes one of the password checks that may run at once; false when all are taken. */
  public boolean startCheck() {
    if (checking.incrementAndGet() > maxChecks) {
      checking.decrementAndGet();
      return false;
    }
    return true;
  }

  /** What an attempt that must still wait {@code ms} answers. */
  static TooMany waiting(long ms) {
    int seconds = (int) ((ms + 999) / 1000);
    return new TooMany("too many failed sign-ins to this account or from this address; try again in " + seconds
        + " s", seconds);
  }

  /** What a password check refused by {@link #startCheck} answers. */
  static TooMany busy() {
    return new TooMany(BUSY, 1);
  }

  public void endCheck() {
    checking.decrementAndGet();
  }

  /** Should every one followed still count, a new one goes uncounted rather than have one about to wait forgotten. */
  private void count(String key, long now) {
    if (failures.size() >= MAX_FOLLOWED && !failures.containsKey(key)) {
      return;
    }
    failures.compute(key, (k, f) -> f == null || now - f.last() > FORGET_MS ? new Failures(1, now)
        : new Failures(f.count() + 1, now));
  }

  private long wait(String key, int free, long now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < free || now - f.last() > FORGET_MS) {
      return 0;
    }
    long delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(30, f.count() - free));
    return Math.max(0, f.last() + delay - now);
  }
}
