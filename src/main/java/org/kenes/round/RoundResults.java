package org.kenes.round;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kenes.consensus.Advice;

/**
 * A round's results (CONTRACT.md, "Round results JSON"), built once by {@link RoundAnalysis}, stored and served as
 * JSON through {@link ResultsJson}, and read as this type by every view of them.
 *
 * @param provisional the live results of an open round
 * @param counted for live results, the submitted answer sets their statistics count (they move in steps); else null
 */
public record RoundResults(String study, int round, boolean provisional, Participation participation,
    List<ItemResult> items, Advice advice, Long counted) {

  public RoundResults {
    items = List.copyOf(items);
  }

  /** The same results counting {@code sets} submitted answer sets. */
  public RoundResults counting(long sets) {
    return new RoundResults(study, round, provisional, participation, items, advice, sets);
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
