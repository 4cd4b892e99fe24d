package org.kenes.study;

import java.time.Instant;

/**
 * The study's round policy: at most {@code max} rounds, which items carry forward.
 *
 * @param opensAt when the next round opens by itself (unless a round was opened since), or null
 */
public record Rounds(int max, CarryForward carryForward, Instant opensAt) {

  public Rounds(int max, CarryForward carryForward) {
    this(max, carryForward, null);
  }

  public Rounds withOpensAt(Instant at) {
    return new Rounds(max, carryForward, at);
  }
}
