package org.kenes.consensus;

import java.util.List;

/**
 * Whether the facilitator can stop after a round.
 *
 * @param reason a plain English sentence for the console and the report
 * @param pending the items still open: undecided and not (yet) stable, in input order; may be
 *     non-empty when the study stops only because it ran out of rounds
 */
public record Advice(boolean stop, String reason, List<String> pending) {

  public Advice {
    pending = List.copyOf(pending);
  }

  /**
   * Stop when every item is decided, or every undecided item is stable (more rounds rarely move a
   * stable distribution), or the study has reached its last round.
   */
  public static Advice of(int round, int maxRounds, List<ItemOutcome> items) {
    List<String> undecided = items.stream().filter(item -> !item.verdict().decided()).map(ItemOutcome::id).toList();
    List<String> pending = items.stream()
        .filter(item -> !item.verdict().decided() && !Boolean.TRUE.equals(item.stable()))
        .map(ItemOutcome::id)
        .toList();
    if (undecided.isEmpty()) {
      return new Advice(true, "Every item has reached consensus, in or out.", pending);
    }
    if (pending.isEmpty()) {
      return new Advice(true, "Every item without consensus (" + String.join(", ", undecided)
          + ") answered stably since the last round, so another round is unlikely to change it.", pending);
    }
    if (round >= maxRounds) {
      return new Advice(true, "Round " + round + " is the last the study allows (" + maxRounds
          + "); still without consensus or stability: " + String.join(", ", pending) + ".", pending);
    }
    return new Advice(false, "Another round is advised: " + String.join(", ", pending)
        + (pending.size() == 1 ? " has" : " have") + " neither consensus nor stable answers yet.", pending);
  }
}
