package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kenes.mail.Message;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The report's "How the rounds were run", written from what Kenes knows rather than typed: the reminders sent in each
 * round (from the outbox), the feedback panelists saw (from the study's settings), anonymity, and how "unable to
 * rate" and unanswered items were treated.
 */
final class ConductView {

  private ConductView() {}

  static JsonArray model(Study study, List<Integer> rounds, List<Message> outbox, String lang) {
    Map<Integer, Long> reminders = new TreeMap<>();
    rounds.forEach(n -> reminders.put(n, 0L));
    outbox.stream().filter(m -> "reminder".equals(m.kind()) && m.round() != null)
        .forEach(m -> reminders.merge(m.round(), 1L, Long::sum));
    int minCell = study.criteria().minCell();
    JsonArray lines = new JsonArray();
    reminders.forEach((n, count) -> lines.add(Views.text(lang, "conduct.reminders", n, count)));
    lines.add(Views.text(lang, "conduct.feedback", minCell));
    lines.add(Views.text(lang, study.askReasonOnChange() ? "conduct.reasons" : "conduct.noReasons"));
    lines.add(Views.text(lang, "conduct.anonymity", minCell));
    lines.add(Views.text(lang, study.scale().allowUnable() ? "conduct.unable" : "conduct.noUnable"));
    lines.add(Views.text(lang, "conduct.software"));
    return lines;
  }
}
