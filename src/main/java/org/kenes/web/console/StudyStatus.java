package org.kenes.web.console;

import java.util.List;
import org.kenes.round.Round;
import org.kenes.study.Study;
import org.kenes.web.Viewer;

/** A study's status at a glance, in a few words of the reader's language. */
final class StudyStatus {

  private StudyStatus() {}

  static String describe(Study study, List<Round> rounds, Viewer viewer) {
    if (rounds.isEmpty()) {
      return viewer.text("console.status.draft");
    }
    Round last = rounds.get(rounds.size() - 1);
    if (last.open()) {
      return last.closesAt() == null ? viewer.text("console.status.open", last.number())
          : viewer.text("console.status.openUntil", last.number(), viewer.when(last.closesAt()));
    }
    if (last.number() >= study.rounds().max()) {
      return viewer.text("console.status.finished", study.rounds().max());
    }
    return viewer.text("console.status.between", last.number(), last.number() + 1);
  }
}
