package org.kenes.consensus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rating item across stakeholder panels.
 *
 * @param overall statistics of all panels together, carrying the item's final verdict
 * @param panels panels with at least minCell valid ratings, in input order
 * @param suppressed the other panels, in input order: shown only as "fewer than minCell responses"
 * @param gic group-informed consensus; null when no panel is shown
 */
public record RatingItemResult(RatingStats overall, Map<String, RatingStats> panels, List<String> suppressed,
    Bridging bridging, Double gic) {

  public RatingItemResult {
    panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
    suppressed = List.copyOf(suppressed);
  }
}
