package org.kenes.consensus;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rating item across stakeholder panels.
 *
 * @param overall statistics of all panels together, carrying the item's final verdict
 * @param panels the panels shown, in input order: at least minCell valid ratings, and not withheld by secondary
 *     suppression ({@link Disclosure})
 * @param suppressed the other panels, in input order: shown only as "fewer than minCell responses"
 * @param gic group-informed consensus over the shown panels; null when no panel is shown
 * @param tooFewToJudge under perPanel, the panels with fewer than minResponses ratings, which neither confirm nor
 *     block the verdict, in input order; null without perPanel
 */
public record RatingItemResult(RatingStats overall, Map<String, RatingStats> panels, List<String> suppressed,
    Bridging bridging, Double gic, List<String> tooFewToJudge) {

  public RatingItemResult {
    panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
    suppressed = List.copyOf(suppressed);
    tooFewToJudge = tooFewToJudge == null ? null : List.copyOf(tooFewToJudge);
  }
}
