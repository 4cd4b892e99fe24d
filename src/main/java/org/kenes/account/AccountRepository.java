package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.kenes.common.Conflict;
import org.kenes.store.Durability;
import org.kenes.store.Store;

/** The {@code accounts} collection, keyed by the lower-case username. */
public final class AccountRepository {

  static final String COLLECTION = "accounts";
  /** Settings of the server itself: the admin's preferences, as the admin has no account. */
  static final String SETTINGS = "settings";
  private static final String ADMIN_PREFERENCES = "admin-preferences";

  private final MongoClient mongo;
  private final Durability durability;

  public AccountRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** A stored account and its password hash, which never leaves this package. */
  record Stored(Account account, String passwordHash) {}

  /** {@link Conflict} when the username is taken. */
  Future<Void> insert(Account account, String passwordHash) {
    JsonObject doc = new JsonObject().put("_id", account.username()).put("name", account.name())
        .put("password", passwordHash).put("createdAt", account.createdAt()).put("createdBy", account.createdBy())
        .put("email", account.email());
    return mongo.insert(COLLECTION, doc)
        .recover(e -> Future.failedFuture(Store.isDuplicateKey(e)
            ? new Conflict("an account '" + account.username() + "' exists") : e))
        .compose(id -> durability.sync());
  }

  Future<Optional<Stored>> find(String username) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", username), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> new Stored(account(d), d.getString("password"))));
  }

  public Future<List<Account>> list() {
    return mongo.findWithOptions(COLLECTION, new JsonObject(), new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().map(AccountRepository::account).toList());
  }

  Future<Preferences> preferences(Actor actor) {
    return actor.admin()
        ? mongo.findOne(SETTINGS, new JsonObject().put("_id", ADMIN_PREFERENCES), null)
            .map(d -> d == null ? Preferences.NONE : preferences(d))
        : find(actor.name()).map(found -> found.map(s -> s.account().preferences()).orElse(Preferences.NONE));
  }

  Future<Void> setPreferences(Actor actor, Preferences preferences) {
    JsonObject set = new JsonObject().put("language", preferences.language()).put("timeZone", preferences.timeZone());
    Future<?> written = actor.admin()
        ? mongo.save(SETTINGS, set.copy().put("_id", ADMIN_PREFERENCES))
        : mongo.updateCollection(COLLECTION, new JsonObject().put("_id", actor.name()),
            new JsonObject().put("$set", set));
    return written.compose(r -> durability.sync());
  }

  /** Sets an account's email address (null removes it); false when there is no such account. */
  Future<Boolean> setEmail(String username, String email) {
    return update(username, email == null ? new JsonObject().put("$unset", new JsonObject().put("email", ""))
        : new JsonObject().put("$set", new JsonObject().put("email", email)));
  }

  /** Sets an account's password hash; false when there is no such account. */
  Future<Boolean> setPassword(String username, String passwordHash) {
    return update(username, new JsonObject().put("$set", new JsonObject().put("password", passwordHash)));
  }

  /** Disables an account or enables it again; false when there is no such account. */
  Future<Boolean> setDisabled(String username, boolean disabled) {
    return update(username, disabled ? new JsonObject().put("$set", new JsonObject().put("disabled", true))
        : new JsonObject().put("$unset", new JsonObject().put("disabled", "")));
  }

  private Future<Boolean> update(String username, JsonObject change) {
    return mongo.updateCollection(COLLECTION, new JsonObject().put("_id", username), change)
        .compose(r -> durability.sync().map(r.getDocMatched() == 1));
  }

  private static Account account(JsonObject d) {
    return new Account(d.getString("_id"), d.getString("name"), d.getString("createdAt"), d.getString("createdBy"),
        preferences(d), d.getString("email"), d.getBoolean("disabled", false));
  }

  private static Preferences preferences(JsonObject d) {
    return new Preferences(d.getString("language"), d.getString("timeZone"));
  }
}
