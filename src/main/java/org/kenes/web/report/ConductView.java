package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kenes.audit.AuditLog;
import org.kenes.common.Version;
import org.kenes.consent.Consents;
import org.kenes.mail.Message;
import org.kenes.round.Round;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The report's "How the rounds were run", written from what Kenes knows rather than typed: each round's dates, length
 * and the interval since the one before, the reminders sent in each round (from the outbox), the feedback panelists
 * saw (from the study's settings) and whether they could discuss the items, anonymity, how "unable to rate" and unanswered items were treated, whether the
 * rule changed after round 1 (the audit), consent, and the software with its version.
 */
final class ConductView {

  private ConductView() {}

  static JsonArray model(Study study, ConductFacts facts, String lang) {
    JsonArray lines = new JsonArray();
    timing(facts.rounds(), lang).forEach(lines::add);
    Map<Integer, Long> reminders = new TreeMap<>();
    facts.rounds().forEach(r -> reminders.put(r.number(), 0L));
    facts.outbox().stream().filter(m -> Message.REMINDER.equals(m.kind()) && m.round() != null)
        .forEach(m -> reminders.merge(m.round(), 1L, Long::sum));
    int minCell = study.criteria().minCell();
    reminders.forEach((n, count) -> lines.add(Views.text(lang, "conduct.reminders", n, count)));
    lines.add(Views.text(lang, "conduct.collection", String.join(", ", study.languages().stream()
        .map(Views::languageName).toList())));
    lines.add(Views.text(lang, "conduct.feedback", minCell));
    lines.add(Views.text(lang, study.askReasonOnChange() ? "conduct.reasons" : "conduct.noReasons"));
    lines.add(Views.text(lang, "conduct.discussion." + study.discussion().key()));
    lines.add(Views.text(lang, "conduct.anonymity", minCell));
    lines.add(Views.text(lang, study.scale().allowUnable() ? "conduct.unable" : "conduct.noUnable"));
    long edits = editsSinceRoundOne(facts);
    lines.add(edits == 0 ? Views.text(lang, "conduct.ruleFixed")
        : Views.text(lang, "conduct.ruleFixedEdited", edits));
    lines.add(study.privacy().consent() == null ? Views.text(lang, "conduct.noConsent")
        : Views.text(lang, "conduct.consent", facts.consents().values().stream()
            .filter(s -> s == Consents.Status.AGREED).count(), facts.participants()));
    lines.add(Views.text(lang, "conduct.software", Version.get()));
    return lines;
  }

  /** Each round's dates and length, and how long after the one before it opened. */
  private static List<String> timing(List<Round> rounds, String lang) {
    List<String> out = new ArrayList<>();
    Round before = null;
    for (Round r : rounds) {
      if (r.openedAt() == null) {
        continue;
      }
      String opened = date(r.openedAt());
      out.add(r.closedAt() == null ? Views.text(lang, "conduct.roundOpen", r.number(), opened)
          : Views.text(lang, "conduct.round", r.number(), opened, date(r.closedAt()),
              length(r.openedAt(), r.closedAt(), lang)));
      if (before != null && before.closedAt() != null) {
        out.add(Views.text(lang, "conduct.gap", r.number(), length(before.closedAt(), r.openedAt(), lang),
            before.number()));
      }
      before = r;
    }
    return out;
  }

  /** Edits of the definition audited since round 1 opened: only what may still change then can have changed. */
  private static long editsSinceRoundOne(ConductFacts facts) {
    return facts.rounds().stream().filter(r -> r.openedAt() != null).findFirst()
        .map(first -> facts.audit().stream().filter(e -> AuditLog.STUDY_EDITED.equals(e.action()))
            .filter(e -> Instant.parse(e.at()).isAfter(Instant.parse(first.openedAt()))).count())
        .orElse(0L);
  }

  private static String date(String instant) {
    return instant.substring(0, 10);
  }

  /** Whole days, or "under a day". */
  private static String length(String from, String to, String lang) {
    long days = Duration.between(Instant.parse(from), Instant.parse(to)).toDays();
    return days < 1 ? Views.text(lang, "conduct.underDay") : Views.text(lang, "conduct.days", days);
  }
}
