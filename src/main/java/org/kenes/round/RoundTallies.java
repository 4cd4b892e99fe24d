package org.kenes.round;

import java.util.Map;
import org.kenes.consensus.PairedTally;
import org.kenes.consensus.RankingTally;
import org.kenes.consensus.RatingTally;

/**
 * A round's tallies as the consensus package takes them.
 *
 * @param ratings by rating item, then by panel (every panel of the study, in order)
 * @param pairs by rating item, the paired differences from the round it was last asked in
 * @param open by open item, how many gave an answer
 * @param responded by panel, the submitted answer sets
 */
public record RoundTallies(Map<String, Map<String, RatingTally>> ratings, Map<String, PairedTally> pairs,
    Map<String, RankingTally> rankings, Map<String, Long> open, Map<String, Long> responded) {

  /** An item's ratings over every panel. */
  public RatingTally overall(String item) {
    return ratings.get(item).values().stream().reduce(RatingTally::plus).orElseThrow();
  }
}
