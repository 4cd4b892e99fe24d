package org.kenes.web.report;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.kenes.audit.AuditEntry;
import org.kenes.consent.Consents;
import org.kenes.mail.Message;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.Study;

/**
 * What the report's "How the rounds were run" is written from, beyond the study's settings: the rounds held, the
 * outbox (reminders), the audit (edits after round 1 opened) and the consents (who agreed).
 *
 * @param consents each participant's consent status, by participant id (empty when the study asks for none)
 * @param participants how many participants the study has
 */
record ConductFacts(List<Round> rounds, List<Message> outbox, List<AuditEntry> audit,
    Map<String, Consents.Status> consents, long participants) {

  static Future<ConductFacts> load(Services s, Study study) {
    String id = study.id();
    return Future.all(s.rounds().list(id), s.mail().outbox(id), s.audit().forStudy(id),
            s.consents().statuses(study), s.participants().list(id))
        .map(all -> new ConductFacts(all.resultAt(0), all.resultAt(1), all.resultAt(2), all.resultAt(3),
            all.<List<?>>resultAt(4).size()));
  }
}
