package org.kenes.web.console;

import java.util.List;
import org.kenes.round.Round;
import org.kenes.study.Study;

/** A study's status at a glance, in a few words. */
final class StudyStatus {

  private StudyStatus() {}

  static String describe(Study study, List<Round> rounds) {
    if (rounds.isEmpty()) {
      return "Draft: no round yet";
    }
    Round last = rounds.get(rounds.size() - 1);
    if (last.open()) {
      return "Round " + last.number() + " open" + (last.closesAt() == null ? "" : " until " + StudyOverview.when(last.closesAt()));
    }
    if (last.number() >= study.rounds().max()) {
      return "Finished: all " + study.rounds().max() + " rounds held";
    }
    return "Round " + last.number() + " closed; round " + (last.number() + 1) + " not opened";
  }
}
