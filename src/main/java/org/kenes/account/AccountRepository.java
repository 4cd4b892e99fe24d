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
        .put("password", passwordHash).put("createdAt", account.createdAt()).put("createdBy", account.createdBy());
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

  private static Account account(JsonObject d) {
    return new Account(d.getString("_id"), d.getString("name"), d.getString("createdAt"), d.getString("createdBy"));
  }
}
