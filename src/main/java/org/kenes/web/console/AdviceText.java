package org.kenes.web.console;

import org.kenes.consensus.Advice;
import org.kenes.web.Viewer;

/**
 * The stopping advice of round results in the reader's language, from its {@code basis} and items; the English
 * {@code reason} of results stored before the advice had a basis.
 */
final class AdviceText {

  private AdviceText() {}

  static String of(Advice advice, int round, int maxRounds, Viewer viewer) {
    if (advice.basis() == null) {
      return advice.reason();
    }
    String pending = String.join(", ", advice.pending());
    return switch (advice.basis()) {
      case UNDECIDED_STABLE -> viewer.text("advice.undecided-stable", String.join(", ", advice.undecided()));
      case LAST_ROUND -> viewer.text("advice.last-round", round, maxRounds, pending);
      case ANOTHER_ROUND -> viewer.text("advice.another-round", pending);
      case ALL_DECIDED -> viewer.text("advice.all-decided");
    };
  }
}
