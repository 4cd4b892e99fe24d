package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Texts;
import org.kenes.common.Unauthorized;
import org.kenes.participant.ParticipantReader;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;

/** Facilitator accounts and sessions: created by the admin, signed in with a password or the admin token. */
public final class AccountService {

  public static final Duration SESSION_LENGTH = Duration.ofHours(12);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
  private static final int MIN_PASSWORD = 10;

  private final Vertx vertx;
  private final AccountRepository accounts;
  private final SessionRepository sessions;
  private final byte[] adminToken;

  public AccountService(Vertx vertx, MongoClient mongo, Durability durability, String adminToken) {
    this.vertx = vertx;
    this.accounts = new AccountRepository(mongo, durability);
    this.sessions = new SessionRepository(mongo, durability);
    this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Creates a facilitator account, with an email address or none (null or blank); {@link Invalid} for a bad username,
   * a short password or what is no email address.
   */
  public Future<Account> create(String username, String name, String password, String email, Actor by) {
    String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    List<Problem> problems = new java.util.ArrayList<>();
    if (!isUsername(user)) {
      problems.add(Problem.worded("username", "problem.account.username"));
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
        Instant.now().toString(), by.name(), Preferences.NONE, email(email));
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
    String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
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
    return accounts.find(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
        .map(found -> found.map(AccountRepository.Stored::account));
  }

  /**
   * Signs in: a username and its password, or no username and the admin token as the password. {@link Unauthorized}
   * otherwise, without saying which part was wrong.
   */
  public Future<Session> login(String username, String password) {
    return login(username, password, null);
  }

  /**
   * Signs in from the console's form, read in {@code language}: the session's language until the account chooses one
   * of its own.
   */
  public Future<Session> login(String username, String password, String language) {
    String pw = password == null ? "" : password;
    Future<Optional<Actor>> who;
    if (username == null || username.isBlank()) {
      who = Future.succeededFuture(isAdminToken(pw) ? Optional.of(Actor.ADMIN) : Optional.empty());
    } else {
      String user = username.trim().toLowerCase(Locale.ROOT);
      who = accounts.find(user).compose(found -> vertx.executeBlocking(() -> {
        boolean ok = Passwords.verify(pw, found.map(AccountRepository.Stored::passwordHash).orElseGet(() -> Decoy.HASH));
        return ok && found.isPresent() ? Optional.of(new Actor(user, false)) : Optional.<Actor>empty();
      }, false));
    }
    return who.compose(actor -> actor.isEmpty()
        ? Future.failedFuture(new Unauthorized("the username or password is not right"))
        : start(actor.get(), language));
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
