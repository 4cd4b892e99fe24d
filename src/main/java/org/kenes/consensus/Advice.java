package org.kenes.consensus;

import java.util.List;

/**
 * Whether the facilitator can stop after a round.
 *
 * @param basis which rule decided, so that a page can say it in its reader's language
 * @param reason a plain English sentence for the API and the report
 * @param pending the items still open: undecided and not (yet) stable, in input order; may be
 *     non-empty when the study stops only because it ran out of rounds
 * @param undecided the items without consensus, stable or not, in input order
 */
public record Advice(boolean stop, Basis basis, String reason, List<String> pending, List<String> undecided) {

  /** The rule behind the advice. */
  public enum Basis {
    /** Every item is decided, in or out. */
    ALL_DECIDED,
    /** The undecided items are stable: another round is unlikely to move them. */
    UNDECIDED_STABLE,
    /** The study has had its last round. */
    LAST_ROUND,
    /** Some undecided item is not (yet) stable. */
    ANOTHER_ROUND;

    /** Its JSON spelling: {@code all-decided}, {@code undecided-stable}, {@code last-round}, {@code another-round}. */
    public String key() {
      return Keys.of(this);
    }

    /** @throws IllegalArgumentException for a key that names no basis */
    public static Basis fromKey(String key) {
      return Keys.find(values(), key);
    }
  }

  public Advice {
    pending = List.copyOf(pending);
    undecided = List.copyOf(undecided);
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
      return new Advice(true, Basis.ALL_DECIDED, "Every item has reached consensus, in or out.", pending, undecided);
    }
    if (pending.isEmpty()) {
      return new Advice(true, Basis.UNDECIDED_STABLE, "Every item without consensus (" + String.join(", ", undecided)
          + ") answered stably since the last round, so another round is unlikely to change it.", pending, undecided);
    }
    if (round >= maxRounds) {
      return new Advice(true, Basis.LAST_ROUND, "Round " + round + " is the last the study allows (" + maxRounds
          + "); still without consensus or stability: " + String.join(", ", pending) + ".", pending, undecided);
    }
    return new Advice(false, Basis.ANOTHER_ROUND, "Another round is advised: " + String.join(", ", pending)
        + (pending.size() == 1 ? " has" : " have") + " neither consensus nor stable answers yet.", pending, undecided);
  }
}
