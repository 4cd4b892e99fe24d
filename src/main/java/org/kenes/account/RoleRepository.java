package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.Optional;
import org.kenes.store.Durability;

/**
 * The {@code roles} collection: one document per account and study, keyed {@code study:username}, so that the check
 * every facilitator request makes is a lookup by id, and granting the same role twice changes nothing.
 */
final class RoleRepository {

  static final String COLLECTION = "roles";

  private final MongoClient mongo;
  private final Durability durability;

  RoleRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  Future<Optional<Role>> find(String study, String username) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", key(study, username)), null)
        .map(doc -> Optional.ofNullable(doc).flatMap(d -> Role.of(d.getString("role"))));
  }

  Future<List<Grant>> forStudy(String study) {
    return find(new JsonObject().put("study", study));
  }

  Future<List<Grant>> forAccount(String username) {
    return find(new JsonObject().put("username", username));
  }

  Future<Void> put(Grant grant) {
    JsonObject doc = new JsonObject().put("_id", key(grant.study(), grant.username())).put("study", grant.study())
        .put("username", grant.username()).put("role", grant.role().key()).put("grantedBy", grant.grantedBy())
        .put("grantedAt", grant.grantedAt());
    return mongo.save(COLLECTION, doc).compose(id -> durability.sync());
  }

  Future<Void> remove(String study, String username) {
    return mongo.removeDocument(COLLECTION, new JsonObject().put("_id", key(study, username)))
        .compose(r -> durability.sync());
  }

  private Future<List<Grant>> find(JsonObject query) {
    return mongo.findWithOptions(COLLECTION, query, new FindOptions().setSort(new JsonObject().put("_id", 1)))
        .map(docs -> docs.stream().flatMap(d -> Role.of(d.getString("role")).map(role -> new Grant(d.getString("study"),
            d.getString("username"), role, d.getString("grantedBy"), d.getString("grantedAt"))).stream()).toList());
  }

  private static String key(String study, String username) {
    return study + ":" + username;
  }
}
