package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.kenes.account.Actor;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Sha256;
import org.kenes.common.Tokens;
import org.kenes.store.Durability;

/**
 * The {@code reportLinks} collection: report links keyed by a hash of their secret (as sessions are), so that every
 * instance on the store knows them and reading the store gives nobody a working link.
 */
public final class ReportLinks {

  static final String COLLECTION = "reportLinks";
  private static final int MAX_LABEL = 200;

  private final MongoClient mongo;
  private final Durability durability;

  public ReportLinks(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** A link just made, with its secret: shown once, never again. */
  public record Created(ReportLink link, String secret) {}

  /**
   * A new link to a study's report.
   *
   * @param label what it is for (optional), so that its owners know which to revoke
   * @param expiresAt when it stops working, or null for never
   */
  public Future<Created> create(String study, String label, Instant expiresAt, Actor by) {
    String text = label == null ? "" : label.strip();
    if (text.length() > MAX_LABEL) {
      return Future.failedFuture(Invalid.worded("label", "problem.text.tooLong", MAX_LABEL));
    }
    Instant now = Instant.now();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return Future.failedFuture(Invalid.worded("expiresAt", "problem.datetime.past"));
    }
    String secret = Tokens.token();
    ReportLink link = new ReportLink(Tokens.token().substring(0, 12), study, text, by.name(), now.toString(),
        expiresAt == null ? null : expiresAt.toString(), null);
    JsonObject doc = new JsonObject().put("_id", Sha256.hex(secret)).put("id", link.id()).put("study", study)
        .put("label", link.label()).put("createdBy", link.createdBy()).put("createdAt", link.createdAt())
        .put("expiresAt", link.expiresAt()).putNull("revokedAt");
    return mongo.insert(COLLECTION, doc).compose(id -> durability.sync()).map(new Created(link, secret));
  }

  /** The study's links, the newest first. */
  public Future<List<ReportLink>> list(String study) {
    return mongo.findWithOptions(COLLECTION, new JsonObject().put("study", study),
            new FindOptions().setSort(new JsonObject().put("createdAt", -1)))
        .map(docs -> docs.stream().map(ReportLinks::link).toList());
  }

  /** The link a secret opens, unless unknown, revoked or expired. */
  public Future<Optional<ReportLink>> usable(String secret) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", Sha256.hex(secret)), null)
        .map(doc -> Optional.ofNullable(doc).map(ReportLinks::link)
            .filter(l -> l.status(Instant.now()) == ReportLink.Status.ACTIVE));
  }

  /** Revokes a link for good; revoking it again changes nothing. {@link NotFound} for a link the study lacks. */
  public Future<ReportLink> revoke(String study, String id) {
    JsonObject query = new JsonObject().put("study", study).put("id", id);
    return mongo.updateCollection(COLLECTION, query.copy().put("revokedAt", (Object) null),
            new JsonObject().put("$set", new JsonObject().put("revokedAt", Instant.now().toString())))
        .compose(r -> mongo.findOne(COLLECTION, query, null))
        .compose(doc -> doc == null ? Future.failedFuture(new NotFound("no report link '" + id + "' on study '"
            + study + "'")) : durability.sync().map(link(doc)));
  }

  private static ReportLink link(JsonObject d) {
    return new ReportLink(d.getString("id"), d.getString("study"), d.getString("label"), d.getString("createdBy"),
        d.getString("createdAt"), d.getString("expiresAt"), d.getString("revokedAt"));
  }
}
