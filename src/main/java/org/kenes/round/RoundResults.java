package org.kenes.round;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.consensus.Advice;
import org.kenes.consensus.RatingStats;
import org.kenes.study.Mode;

/**
 * A round's results (CONTRACT.md, "Round results JSON"), built once by {@link RoundAnalysis}, stored and served as
 * JSON through {@link ResultsJson}, and read as this type by every view of them.
 *
 * @param provisional the live results of an open round
 * @param counted for live results, the submitted answer sets their statistics count (they move in steps); else null
 * @param mode how the study ran: in real time, each rating item's stability is measured from its first ratings
 * @param first a closed real-time round's first ratings, by rating item (over every panel); else empty
 */
public record RoundResults(String study, int round, boolean provisional, Participation participation,
    List<ItemResult> items, Advice advice, Long counted, Mode mode, Map<String, RatingStats> first) {

  public RoundResults {
    items = List.copyOf(items);
    first = Collections.unmodifiableMap(new LinkedHashMap<>(first));
  }

  /** The same results counting {@code sets} submitted answer sets. */
  public RoundResults counting(long sets) {
    return new RoundResults(study, round, provisional, participation, items, advice, sets, mode, first);
  }

  /**
   * Invited and responded, overall and by panel.
   *
   * @param panels by panel, in the order of the tallies
   */
  public record Participation(long invited, long responded, Map<String, PanelCount> panels) {

    public Participation {
      panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
    }
  }

  /** A panel's counts; its respondents withheld (null) when it is suppressed. */
  public record PanelCount(long invited, Long responded, boolean suppressed) {}
}
