package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Sha256;
import org.kenes.common.Texts;
import org.kenes.common.TooMany;
import org.kenes.common.Unauthorized;
import org.kenes.participant.ParticipantReader;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;

/** Facilitator accounts and sessions: created by the admin, signed in with a password or the admin token. */
public final class AccountService {

  public static final Duration SESSION_LENGTH = Duration.ofHours(12);
  /** How long a sign-in form stays valid. */
  public static final Duration LOGIN_FORM_LENGTH = Duration.ofMillis(LoginForms.VALID_MS);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
  static final int MIN_PASSWORD = 10;
  /**
   * Names the audit gives the admin, Kenes itself and a panelist: an account so named would pass for them in it (the
   * names are kept in lower case, so this covers every case variant).
   */
  private static final Set<String> RESERVED = Set.of(Actor.ADMIN.name(), Actor.SYSTEM.name(),
      Actor.PANELIST.name());

  private final Vertx vertx;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final byte[] adminToken;
  private final FailedLogins failedLogins;
  private final LoginGuard guard;
  private final LoginForms forms;
  private final AccountControl control;

  /** @param clock what sign-in delays are measured by (a test's own clock) */
  public AccountService(Vertx vertx, MongoClient mongo, Durability durability, String adminToken,
      FailedLogins failedLogins, Clock clock) {
    this.vertx = vertx;
    this.accounts = new AccountRepository(mongo, durability);
    // The admin's sessions carry a hash of the token they were opened under: a new token ends them.
    this.sessions = new SessionRepository(mongo, durability, Sha256.hex("kenes admin session\u0000" + adminToken));
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    this.failedLogins = failedLogins;
    this.guard = new LoginGuard(Math.max(2, Runtime.getRuntime().availableProcessors()), clock::millis);
    this.forms = new LoginForms(this.adminToken, clock::millis);
    this.control = new AccountControl(vertx, accounts, sessions, guard);
  }

  /** Disabling accounts, new passwords, ending sessions. */
  public AccountControl control() {
    return control;
  }

  /** A new CSRF token for the sign-in form, which only this server can issue ({@link LoginForms}). */
  public String loginFormToken() {
    return forms.issue();
  }

  /** Whether a sign-in form's CSRF token is one the server issued, and still valid. */
  public boolean isLoginFormToken(String token) {
    return forms.valid(token);
  }

  /**
   * Creates a facilitator account, with an email address or none (null or blank); {@link Invalid} for a bad username,
   * a short password or what is no email address.
   */
  public Future<Account> create(String username, String name, String password, String email, Actor by) {
    String user = normal(username);
    List<Problem> problems = new ArrayList<>();
    if (!isUsername(user)) {
      problems.add(Problem.worded("username", "problem.account.username"));
    } else if (RESERVED.contains(user)) {
      problems.add(Problem.worded("username", "problem.account.reserved", user));
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      problems.add(Problem.worded("password", "problem.account.password", MIN_PASSWORD));
    }
    problems.addAll(emailProblems(email));
    if (!problems.isEmpty()) {
      return Future.failedFuture(new Invalid("the account cannot be created", problems));
    }
    String shown = Texts.line(name);
    Account account = new Account(user, shown == null || shown.isBlank() ? user : shown.trim(),
        Instant.now().toString(), by.name(), Preferences.NONE, email(email), false);
    return vertx.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> accounts.insert(account, hash))
        .map(account);
  }

  /**
   * Sets the email address of an account (null or blank removes it): the admin's for any account, an account's for
   * itself. {@link Invalid} at {@code email} for what is no email address, at {@code username} for no such account.
   */
  public Future<Void> setEmail(String username, String email) {
    List<Problem> problems = emailProblems(email);
    if (!problems.isEmpty()) {
      return Future.failedFuture(new Invalid("the email address cannot be saved", problems));
    }
    String user = normal(username);
    return accounts.setEmail(user, email(email)).compose(found -> found ? Future.<Void>succeededFuture()
        : Future.failedFuture(Invalid.worded("username", "problem.account.unknown", user)));
  }

  /** What is wrong with an account's email address as typed: nothing when it is one, or left empty. */
  public static List<Problem> emailProblems(String email) {
    return email(email) == null || ParticipantReader.isEmail(email(email)) ? List.of()
        : List.of(Problem.worded("email", "problem.account.email"));
  }

  /** An email address as typed, without the spaces around it; null for none. */
  private static String email(String typed) {
    return typed == null || typed.isBlank() ? null : typed.strip();
  }

  /** Whether a text is a username Kenes accepts (lower case). */
  public static boolean isUsername(String text) {
    return text != null && USERNAME.matcher(text).matches();
  }

  public Future<List<Account>> list() {
    return accounts.list();
  }

  /** An account by its username (any case). */
  public Future<Optional<Account>> find(String username) {
    return accounts.find(normal(username))
        .map(found -> found.map(AccountRepository.Stored::account));
  }

  /**
   * Signs in from {@code address}: a username and its password, or no username and the admin token as the password;
   * read in {@code language} (the console's form; null for the API), the session's language until the account chooses
   * one of its own. {@link Unauthorized} otherwise, without saying which part was wrong, the failure audited;
   * {@link TooMany} while the account or the address must wait ({@link LoginGuard}) or too many passwords are being
   * checked at once.
   */
  public Future<Session> login(String username, String password, String language, String address) {
    String pw = password == null ? "" : password;
    boolean byToken = username == null || username.isBlank();
    String user = byToken ? Actor.ADMIN.name() : normal(username);
    long wait = guard.wait(user, address);
    if (wait > 0) {
      return Future.failedFuture(LoginGuard.waiting(wait));
    }
    Future<Optional<Actor>> who;
    if (byToken) {
      who = Future.succeededFuture(isAdminToken(pw) ? Optional.of(Actor.ADMIN) : Optional.empty());
    } else if (!guard.startCheck()) {
      return Future.failedFuture(LoginGuard.busy());
    } else {
      // A disabled account's right password is refused like a wrong one, and counted as one.
      who = accounts.find(user).compose(found -> vertx.executeBlocking(() -> {
        boolean ok = Passwords.verify(pw, found.map(AccountRepository.Stored::passwordHash).orElseGet(() -> Decoy.HASH));
        return ok && found.isPresent() && !found.get().account().disabled() ? Optional.of(new Actor(user, false))
            : Optional.<Actor>empty();
      }, false)).onComplete(done -> guard.endCheck());
    }
    return who.compose(actor -> {
      if (actor.isPresent()) {
        guard.succeeded(user);
        return start(actor.get(), language);
      }
      long next = guard.failed(user, address);
      return failedLogins.record(user, "from " + address
              + (next > 0 ? "; the next attempt waits " + (next + 999) / 1000 + " s" : ""))
          .compose(v -> Future.failedFuture(new Unauthorized("the username or password is not right")));
    });
  }

  /** A username as kept: without spaces around it, in lower case. */
  static String normal(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  public Future<Preferences> preferences(Actor actor) {
    return accounts.preferences(actor);
  }

  /** Stores an actor's preferences; its live sessions take them at once. */
  public Future<Void> setPreferences(Actor actor, Preferences preferences) {
    return accounts.setPreferences(actor, preferences).compose(v -> sessions.update(actor, preferences));
  }

  public Future<Void> logout(String secret) {
    return sessions.delete(secret);
  }

  /** The session a cookie or bearer token names, if it is live. */
  public Future<Optional<Session>> session(String secret) {
    return sessions.find(secret, System.currentTimeMillis());
  }

  public Future<Void> deleteExpiredSessions() {
    return sessions.deleteExpired(System.currentTimeMillis());
  }

  public boolean isAdminToken(String candidate) {
    return candidate != null && MessageDigest.isEqual(adminToken, candidate.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A hash to check a password against when the account does not exist, so that both take as long; computed on first
   * use, on the worker thread of that login (never on an event loop).
   */
  private static final class Decoy {
    static final String HASH = Passwords.hash("decoy-password");
  }

  private Future<Session> start(Actor actor, String language) {
    return accounts.preferences(actor).compose(chosen -> {
      Preferences preferences = chosen.language() == null ? new Preferences(language, chosen.timeZone()) : chosen;
      Session session = new Session(Tokens.token(), actor, Tokens.token(),
          System.currentTimeMillis() + SESSION_LENGTH.toMillis(), preferences);
      return sessions.save(session).map(session);
    });
  }
}
