package org.kenes.consensus;

import java.util.Objects;

/**
 * What the stopping advice needs to know of one item after a round.
 *
 * @param verdict the item's final verdict
 * @param stable whether its distribution is stable since the previous round; null in its first round
 */
public record ItemOutcome(String id, Verdict verdict, Boolean stable) {
  public ItemOutcome {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(verdict, "verdict");
  }
}
