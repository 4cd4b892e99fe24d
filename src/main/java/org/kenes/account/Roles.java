package org.kenes.account;

import io.vertx.core.Future;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.store.Durability;

/**
 * Roles of accounts on studies. Read from the store on every request that needs one, so that a role granted or taken
 * away holds at once for every session and bearer token of the account, on every instance.
 */
public final class Roles {

  private final RoleRepository roles;
  private final AccountService accounts;

  public Roles(MongoClient mongo, Durability durability, AccountService accounts) {
    this.roles = new RoleRepository(mongo, durability);
    this.accounts = accounts;
  }

  /** What an actor may do on a study: every role for the admin, else the account's role, if any. */
  public Future<Optional<Role>> of(Actor actor, String study) {
    return actor.admin() ? Future.succeededFuture(Optional.of(Role.OWNER)) : roles.find(study, actor.name());
  }

  /** The studies an account has a role in, with that role. */
  public Future<Map<String, Role>> studiesOf(Actor actor) {
    return roles.forAccount(actor.name())
        .map(list -> list.stream().collect(Collectors.toMap(Grant::study, Grant::role)));
  }

  public Future<List<Grant>> onStudy(String study) {
    return roles.forStudy(study);
  }

  /** The accounts that own a study. */
  public Future<List<Account>> owners(String study) {
    return roles.forStudy(study).compose(grants -> Future.all(grants.stream().filter(g -> g.role() == Role.OWNER)
            .map(g -> accounts.find(g.username())).toList()))
        .map(found -> found.<Optional<Account>>list().stream().flatMap(Optional::stream).toList());
  }

  /** A study just created by an account is its own: the account becomes its owner. The admin needs no role. */
  public Future<Void> creator(String study, Actor actor) {
    return actor.admin() ? Future.succeededFuture()
        : roles.put(new Grant(study, actor.name(), Role.OWNER, actor.name(), Instant.now().toString()));
  }

  /**
   * Grants {@code role} on a study to an account, or takes its role away ({@code role} empty). {@link Invalid} at
   * {@code username} for an unknown account; {@link Conflict} when it would leave a study that has owners without one.
   *
   * @return the grant as it now stands, with an empty role when none is left
   */
  public Future<Grant> grant(String study, String username, Optional<Role> role, Actor by) {
    String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    String now = Instant.now().toString();
    return accounts.find(user).compose(account -> {
      if (account.isEmpty()) {
        return Future.failedFuture(Invalid.worded("username", "problem.account.unknown", user));
      }
      return roles.forStudy(study).compose(grants -> {
        boolean wasOwner = grants.stream().anyMatch(g -> g.username().equals(user) && g.role() == Role.OWNER);
        long owners = grants.stream().filter(g -> g.role() == Role.OWNER).count();
        if (wasOwner && owners == 1 && role.filter(r -> r == Role.OWNER).isEmpty()) {
          return Future.failedFuture(Conflict.worded("problem.role.lastOwner", user, study));
        }
        return role.map(r -> roles.put(new Grant(study, user, r, by.name(), now)))
            .orElseGet(() -> roles.remove(study, user))
            .map(v -> new Grant(study, user, role.orElse(null), by.name(), now));
      });
    });
  }
}
