package org.kenes.consensus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    Map<String, Long> sizes = new LinkedHashMap<>();
    Map<String, RatingStats> judged = new LinkedHashMap<>();
    byPanel.forEach((panel, tally) -> {
      all.addAll(tally);
      sizes.put(panel, tally.n());
      judged.put(panel, RatingStats.of(tally, criteria));
    });
    Set<String> withheld = Disclosure.withheld(sizes, criteria.minCell());
    Map<String, RatingStats> panels = new LinkedHashMap<>();
    List<String> suppressed = new ArrayList<>();
    judged.forEach((panel, stats) -> {
      if (stats.n() == 0 || withheld.contains(panel)) {
        suppressed.add(panel);
      } else {
        panels.put(panel, stats);
      }
    });
    List<String> tooFew = judged.keySet().stream().filter(p -> judged.get(p).n() < criteria.minResponses()).toList();
    RatingStats overall = RatingStats.of(all.build(), criteria);
    Verdict verdict = criteria.perPanel() ? perPanelVerdict(overall.verdict(), judged, tooFew) : overall.verdict();
    List<RatingStats> large = judged.values().stream().filter(stats -> stats.n() >= criteria.minCell()).toList();
    List<RatingTally> shown = panels.keySet().stream().map(byPanel::get).toList();
    return new RatingItemResult(overall.withVerdict(verdict), panels, suppressed, bridging(large),
        gic(shown, criteria.agree()), criteria.perPanel() ? tooFew : null);
  }

  /**
   * perPanel: a decided verdict must be the own verdict of every panel with at least minResponses ratings; a panel
   * with fewer neither confirms nor blocks it, and when no panel has that many the item is insufficient.
   */
  private static Verdict perPanelVerdict(Verdict overall, Map<String, RatingStats> panels, List<String> tooFew) {
    List<RatingStats> judging = panels.entrySet().stream().filter(e -> !tooFew.contains(e.getKey()))
        .map(Map.Entry::getValue).toList();
    if (judging.isEmpty()) {
      return Verdict.INSUFFICIENT;
    }
    boolean heldEverywhere = judging.stream().allMatch(panel -> panel.verdict() == overall);
    return overall.decided() && !heldEverywhere ? Verdict.NO_CONSENSUS : overall;
  }

  /** Over every panel of at least minCell ratings, shown or withheld by secondary suppression: it names no count. */
  private static Bridging bridging(Collection<RatingStats> panels) {
    long in = panels.stream().filter(panel -> panel.verdict() == Verdict.CONSENSUS_IN).count();
    if (panels.size() >= 2 && in == panels.size()) {
      return Bridging.ALL_PANELS_IN;
    }
    return in >= 1 && in < panels.size() ? Bridging.DIVIDED : Bridging.NONE;
  }

  /**
   * Pol.is's group-informed consensus: the product of each shown panel's smoothed agree share. Only shown panels
   * count: a withheld panel's factor could be divided out of the product.
   */
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
