package org.kenes.web.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.kenes.account.Grant;
import org.kenes.audit.AuditEntry;
import org.kenes.change.Change;
import org.kenes.mail.Message;
import org.kenes.mail.MessageText;
import org.kenes.report.ReportLink;
import org.kenes.study.CopiedFrom;

/** The JSON of the facilitator's records as the API answers them; the console's pages start from the same. */
public final class ApiJson {

  private ApiJson() {}

  public static JsonObject message(Message m) {
    return new JsonObject().put("to", m.to()).put("subject", m.subject()).put("body", m.body()).put("kind", m.kind())
        .put("status", m.status()).put("at", m.at()).put("round", m.round()).put("participant", m.participant())
        .put("language", m.language()).put("sentAt", m.sentAt()).put("error", m.error());
  }

  /** What a search of the outbox looks through: the address, the subject, the kind, the status and the recipient. */
  public static String searchable(Message m) {
    return String.join("\n", m.to(), m.subject(), m.kind(), m.status(), String.valueOf(m.participant()));
  }

  public static JsonObject text(MessageText t) {
    return new JsonObject().put("kind", t.kind()).put("language", t.language()).put("subject", t.subject())
        .put("body", t.body()).put("edited", t.edited());
  }

  public static JsonObject change(Change c) {
    return new JsonObject().put("item", c.item()).put("change", c.change()).put("round", c.after())
        .put("askedFrom", c.since()).put("text", c.text() == null ? null : new JsonObject(new LinkedHashMap<>(c.text())))
        .put("provenance", new JsonObject().put("change", c.change()).put("from", new JsonArray(c.from()))
            .put("note", c.note()))
        .put("actor", c.actor()).put("at", c.at());
  }

  public static JsonObject grant(Grant g) {
    return new JsonObject().put("username", g.username()).put("role", g.role() == null ? null : g.role().key())
        .put("grantedBy", g.grantedBy()).put("grantedAt", g.grantedAt());
  }

  /** A report link without its secret, which only its creation answers: {@code status} active, expired or revoked. */
  public static JsonObject reportLink(ReportLink l, Instant now) {
    return new JsonObject().put("id", l.id()).put("label", l.label()).put("createdBy", l.createdBy())
        .put("createdAt", l.createdAt()).put("expiresAt", l.expiresAt()).put("revokedAt", l.revokedAt())
        .put("status", l.status(now).name().toLowerCase(Locale.ROOT));
  }

  /** Where a copied study came from, or null. */
  public static JsonObject copiedFrom(CopiedFrom from) {
    return from == null ? null : new JsonObject().put("study", from.study()).put("afterRound", from.afterRound())
        .put("at", from.at());
  }

  public static JsonObject audit(AuditEntry e) {
    return new JsonObject().put("at", e.at()).put("actor", e.actor()).put("action", e.action())
        .put("target", e.target()).put("study", e.study()).put("detail", e.detail());
  }
}
