package org.kenes.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Analyses a rating item over its stakeholder panels (CONSENSUS.md, "Across stakeholder panels"). */
public final class RatingItems {
  private RatingItems() {
  }

  /**
   * @param byPanel the tally of each panel, in the order the report lists them; the overall tally is
   *     their sum
   */
  public static RatingItemResult analyse(Map<String, RatingTally> byPanel, Criteria criteria) {
    RatingTally.Builder all = new RatingTally.Builder(criteria.scaleMin(), criteria.scaleMax());
    Map<String, RatingTally> shown = new LinkedHashMap<>();
    List<String> suppressed = new ArrayList<>();
    byPanel.forEach((panel, tally) -> {
      all.addAll(tally);
      if (tally.n() >= criteria.minCell()) {
        shown.put(panel, tally);
      } else {
        suppressed.add(panel);
      }
    });
    Map<String, RatingStats> panels = new LinkedHashMap<>();
    shown.forEach((panel, tally) -> panels.put(panel, RatingStats.of(tally, criteria)));
    RatingStats overall = RatingStats.of(all.build(), criteria);
    Verdict verdict = finalVerdict(overall.verdict(), panels.values(), criteria.perPanel());
    return new RatingItemResult(overall.withVerdict(verdict), panels, suppressed, bridging(panels.values()),
        gic(shown.values(), criteria.agree()));
  }

  /**
   * With perPanel a decided verdict must be every shown panel's own verdict too; a panel of at least
   * minCell but fewer than minResponses ratings is insufficient on its own, so it blocks it as well.
   */
  private static Verdict finalVerdict(Verdict overall, Collection<RatingStats> panels, boolean perPanel) {
    boolean heldEverywhere = panels.stream().allMatch(panel -> panel.verdict() == overall);
    return perPanel && overall.decided() && !heldEverywhere ? Verdict.NO_CONSENSUS : overall;
  }

  private static Bridging bridging(Collection<RatingStats> panels) {
    long in = panels.stream().filter(panel -> panel.verdict() == Verdict.CONSENSUS_IN).count();
    if (panels.size() >= 2 && in == panels.size()) {
      return Bridging.ALL_PANELS_IN;
    }
    return in >= 1 && in < panels.size() ? Bridging.DIVIDED : Bridging.NONE;
  }

  /** Pol.is's group-informed consensus: the product of each panel's smoothed agree share. */
  private static Double gic(Collection<RatingTally> panels, Band agree) {
    if (panels.isEmpty()) {
      return null;
    }
    double product = 1;
    for (RatingTally panel : panels) {
      product *= (panel.count(agree) + 1.0) / (panel.n() + 2.0);
    }
    return product;
  }
}
