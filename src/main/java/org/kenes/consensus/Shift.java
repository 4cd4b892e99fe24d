package org.kenes.consensus;

import java.util.ArrayList;
import java.util.List;

/**
 * A panelist's rating moving between rounds, seen against the group: the bands (the two outer bands of the criteria
 * and the neutral rest between them) are ordered along the scale, and a move is "away from the group" when the new
 * rating's band lies further from the band of the group's median than the previous rating's band did. Staying in a
 * band, moving towards the group, or jumping over it to the same distance is not.
 */
public final class Shift {

  private Shift() {}

  public static boolean awayFromGroup(Criteria c, int before, int now, double groupMedian) {
    int group = position(c, groupMedian);
    return Math.abs(position(c, now) - group) > Math.abs(position(c, before) - group);
  }

  /** The points of the scale whose choice, after {@code before}, would move away from the group. */
  public static List<Integer> pointsAwayFromGroup(Criteria c, int before, double groupMedian) {
    List<Integer> points = new ArrayList<>();
    for (int p = c.scaleMin(); p <= c.scaleMax(); p++) {
      if (awayFromGroup(c, before, p, groupMedian)) {
        points.add(p);
      }
    }
    return points;
  }

  /**
   * 0 for the outer band at the low end of the scale, 2 for the one at the high end, 1 between them. A median between
   * two points (6.5 on 1–9) lies in no outer band, as in {@link Band#contains}.
   */
  static int position(Criteria c, double value) {
    boolean agreeHigh = c.agree().low() > c.disagree().high();
    Band low = agreeHigh ? c.disagree() : c.agree();
    Band high = agreeHigh ? c.agree() : c.disagree();
    if (value <= low.high()) {
      return 0;
    }
    return value >= high.low() ? 2 : 1;
  }
}
