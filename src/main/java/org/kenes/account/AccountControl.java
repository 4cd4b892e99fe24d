package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.kenes.common.Invalid;

/**
 * What keeps accounts under control once made: the admin disables and enables them, gives them new passwords and ends
 * their sessions; an account changes its own password and signs out everywhere. Whatever changes who may sign in ends
 * the sessions it concerns at once.
 */
public final class AccountControl {

  private final Vertx vertx;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final LoginGuard guard;

  AccountControl(Vertx vertx, AccountRepository accounts, SessionRepository sessions, LoginGuard guard) {
    this.vertx = vertx;
    this.accounts = accounts;
    this.sessions = sessions;
    this.guard = guard;
  }

  /**
   * Disables an account (it cannot sign in, and every session of it ends at once) or enables it again.
   * {@link Invalid} at {@code username} for no such account.
   */
  public Future<Void> setDisabled(String username, boolean disabled) {
    String user = AccountService.normal(username);
    return accounts.setDisabled(user, disabled).compose(found -> !found ? unknown(user)
        : disabled ? sessions.deleteOf(new Actor(user, false), null).<Void>mapEmpty() : Future.<Void>succeededFuture());
  }

  /**
   * The admin sets a new password for an account: every session of it ends. {@link Invalid} at {@code password} for
   * a short one, at {@code username} for no such account.
   */
  public Future<Void> resetPassword(String username, String password) {
    String user = AccountService.normal(username);
    return newHash(password).compose(hash -> accounts.setPassword(user, hash))
        .compose(found -> found ? sessions.deleteOf(new Actor(user, false), null).<Void>mapEmpty() : unknown(user));
  }

  /**
   * An account changes its own password, given its current one: every other session of it ends, the one of
   * {@code keep} (the session it changed it from; null for none) goes on. {@link Invalid} at {@code current} when it
   * is not the current password, at {@code password} for a short new one. A wrong current password counts as a
   * failed sign-in from {@code address} ({@link LoginGuard}): a borrowed session cannot guess the password faster.
   */
  public Future<Void> changePassword(Actor actor, String current, String password, String keep, String address) {
    if (actor.admin()) {
      return Future.failedFuture(Invalid.worded("current", "problem.account.adminPassword"));
    }
    if (tooShort(password)) {
      return Future.failedFuture(shortPassword());
    }
    long wait = guard.wait(actor.name(), address);
    if (wait > 0) {
      return Future.failedFuture(LoginGuard.waiting(wait));
    }
    if (!guard.startCheck()) {
      return Future.failedFuture(LoginGuard.busy());
    }
    String pw = current == null ? "" : current;
    return accounts.find(actor.name()).compose(found -> vertx.executeBlocking(() -> found.isPresent()
            && Passwords.verify(pw, found.get().passwordHash()) ? Passwords.hash(password) : null, false))
        .onComplete(done -> guard.endCheck())
        .compose(hash -> {
          if (hash == null) {
            guard.failed(actor.name(), address);
            return Future.failedFuture(Invalid.worded("current", "problem.account.current"));
          }
          return accounts.setPassword(actor.name(), hash);
        })
        .compose(found -> sessions.deleteOf(actor, keep)).mapEmpty();
  }

  /** Ends the sessions of an actor, but the one of {@code keep} (null: every one); answers how many ended. */
  public Future<Long> endSessions(Actor actor, String keep) {
    return sessions.deleteOf(actor, keep);
  }

  /** Ends every session of an account, for the admin; {@link Invalid} at {@code username} for no such account. */
  public Future<Long> endSessions(String username) {
    String user = AccountService.normal(username);
    return accounts.find(user).compose(found -> found.isEmpty() ? unknown(user)
        : sessions.deleteOf(new Actor(user, false), null));
  }

  private Future<String> newHash(String password) {
    return tooShort(password) ? Future.failedFuture(shortPassword())
        : vertx.executeBlocking(() -> Passwords.hash(password), false);
  }

  private static boolean tooShort(String password) {
    return password == null || password.length() < AccountService.MIN_PASSWORD;
  }

  private static Invalid shortPassword() {
    return Invalid.worded("password", "problem.account.password", AccountService.MIN_PASSWORD);
  }

  private static <T> Future<T> unknown(String user) {
    return Future.failedFuture(Invalid.worded("username", "problem.account.unknown", user));
  }
}
