package org.kenes.consensus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attrition between two rounds and the non-response bias it may leave (README, "Attrition and non-response bias"):
 * who of those who answered round r − 1 did not answer round r, whether their round r − 1 ratings differed from those
 * who stayed, and whether an item's consensus in round r would hold with the leavers' last ratings added back.
 */
public final class Attrition {
  private Attrition() {
  }

  /**
   * One panelist who submitted the earlier round.
   *
   * @param stayed whether they submitted the later round too
   * @param ratings their valid ratings of the earlier round, by item ("unable to rate" left out)
   */
  public record Panelist(String panel, boolean stayed, Map<String, Integer> ratings) {
    public Panelist {
      ratings = Map.copyOf(ratings);
    }
  }

  /**
   * How many left, overall and per panel; a panel whose count would reveal fewer than minCell people (primary or
   * secondary suppression, {@link Disclosure}) is withheld.
   *
   * @param byPanel the leavers of each shown panel, in the study's order
   */
  public record Leavers(long total, long stayed, Map<String, Long> byPanel, List<String> suppressed) {}

  /**
   * Stayers against leavers on one item of the earlier round. The figures are null ({@code shown} false) when either
   * group has fewer than minCell valid ratings: they would describe too few people.
   *
   * @param medianDifference the leavers' median minus the stayers'
   * @param agreeDifference the leavers' agreement share minus the stayers'
   * @param test U of the stayers against the leavers
   */
  public record Comparison(String item, long stayers, long leavers, boolean shown, Double stayersMedian,
      Double leaversMedian, Double medianDifference, Double stayersAgree, Double leaversAgree, Double agreeDifference,
      MannWhitneyResult test) {

    /** Whether the leavers tended to rate lower than the stayers (their mean rank below the stayers'). */
    public boolean leaversLower() {
      return test != null && test.u() > test.n1() * test.n2() / 2.0;
    }
  }

  /**
   * The leavers' counts, overall and per panel, of the panels in {@code panels}' order. A panel with fewer than minCell
   * respondents of the earlier round is withheld whatever its leavers, even none: its respondents are never counted.
   */
  public static Leavers leavers(List<Panelist> earlier, List<String> panels, int minCell) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    Map<String, Long> respondents = new LinkedHashMap<>();
    panels.forEach(p -> sizes.put(p, 0L));
    long stayed = 0;
    for (Panelist p : earlier) {
      respondents.merge(p.panel(), 1L, Long::sum);
      if (p.stayed()) {
        stayed++;
      } else {
        sizes.merge(p.panel(), 1L, Long::sum);
      }
    }
    Set<String> small = new HashSet<>();
    respondents.forEach((panel, n) -> {
      if (n < minCell) {
        small.add(panel);
      }
    });
    Set<String> withheld = Disclosure.withheld(sizes, small, minCell);
    Map<String, Long> shown = new LinkedHashMap<>();
    sizes.forEach((panel, n) -> {
      if (!withheld.contains(panel)) {
        shown.put(panel, n);
      }
    });
    return new Leavers(earlier.size() - stayed, stayed, shown, List.copyOf(withheld));
  }

  /** Stayers against leavers on {@code item}, by their ratings of the earlier round. */
  public static Comparison compare(String item, List<Panelist> earlier, Criteria criteria) {
    List<Integer> stayers = new ArrayList<>();
    List<Integer> leavers = new ArrayList<>();
    for (Panelist p : earlier) {
      Integer value = p.ratings().get(item);
      if (value != null) {
        (p.stayed() ? stayers : leavers).add(value);
      }
    }
    if (stayers.size() < criteria.minCell() || leavers.size() < criteria.minCell()) {
      return new Comparison(item, stayers.size(), leavers.size(), false, null, null, null, null, null, null, null);
    }
    RatingStats s = RatingStats.of(RatingTally.of(criteria.scaleMin(), criteria.scaleMax(), stayers), criteria);
    RatingStats l = RatingStats.of(RatingTally.of(criteria.scaleMin(), criteria.scaleMax(), leavers), criteria);
    MannWhitneyResult test = MannWhitney.test(ints(stayers), ints(leavers));
    return new Comparison(item, stayers.size(), leavers.size(), true, s.median(), l.median(),
        l.median() - s.median(), s.agree(), l.agree(), l.agree() - s.agree(), test);
  }

  /**
   * The verdict of an item's later round with the leavers' last ratings added back, as if they had stayed and not
   * changed their minds. An item whose decided verdict this changes might not have reached it had they stayed.
   *
   * @param round the later round's tallies per panel
   * @param leavers the leavers' last ratings of the item per panel
   */
  public static Verdict withLeavers(Map<String, RatingTally> round, Map<String, RatingTally> leavers,
      Criteria criteria) {
    Map<String, RatingTally> merged = new LinkedHashMap<>(round);
    leavers.forEach((panel, tally) -> merged.merge(panel, tally, RatingTally::plus));
    return RatingItems.analyse(merged, criteria).overall().verdict();
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
