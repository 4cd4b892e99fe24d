package org.kenes.round;

import java.util.List;
import org.kenes.consensus.Bridging;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.Stability;
import org.kenes.consensus.Verdict;
import org.kenes.study.ItemType;

/** One item's results in a round (CONTRACT.md, "Round results JSON"), by the item's type. */
public sealed interface ItemResult {

  String id();

  ItemType type();

  /** How many answered the item: valid ratings, complete rankings, open answers given. */
  long n();

  /**
   * A rating item: its statistics overall and by panel, and how they compare with the round it was last asked in.
   *
   * @param panels every panel of the study in order, a panel under minCell without statistics
   * @param tooFewToJudge under perPanel, the panels too small to confirm or block the verdict; null without perPanel
   * @param stability null in the first round the item is asked in
   * @param comments the anonymous comments, sorted; null where texts are not given (live results)
   * @param reasons the reasons given for moving away from the group, sorted; null where texts are not given
   */
  record Rating(String id, RatingStats overall, List<PanelStats> panels, Bridging bridging, Double gic,
      List<String> tooFewToJudge, ItemStability stability, List<String> comments, List<String> reasons)
      implements ItemResult {

    public Rating {
      panels = List.copyOf(panels);
      tooFewToJudge = tooFewToJudge == null ? null : List.copyOf(tooFewToJudge);
      comments = comments == null ? null : List.copyOf(comments);
      reasons = reasons == null ? null : List.copyOf(reasons);
    }

    @Override
    public ItemType type() {
      return ItemType.RATING;
    }

    @Override
    public long n() {
      return overall.n();
    }

    public Verdict verdict() {
      return overall.verdict();
    }

    /** Whether the item answered stably since the round before; null in its first round. */
    public Boolean stable() {
      return stability == null ? null : stability.stability().stable();
    }
  }

  /**
   * A ranking item.
   *
   * @param comments the anonymous comments, sorted; null where texts are not given (live results)
   */
  record Ranking(String id, RankingStats overall, List<String> comments) implements ItemResult {

    public Ranking {
      comments = comments == null ? null : List.copyOf(comments);
    }

    @Override
    public ItemType type() {
      return ItemType.RANKING;
    }

    @Override
    public long n() {
      return overall.m();
    }
  }

  /** An open item: only how many answered it (its texts are read apart, anonymously). */
  record Open(String id, long responses) implements ItemResult {

    @Override
    public ItemType type() {
      return ItemType.OPEN;
    }

    @Override
    public long n() {
      return responses;
    }
  }

  /** A panel's statistics, null when the panel is under minCell (or withheld with one that is). */
  record PanelStats(String panel, RatingStats stats) {

    public boolean suppressed() {
      return stats == null;
    }
  }

  /** A rating item's stability since {@code since}, the earlier round it was last asked in. */
  record ItemStability(int since, Stability stability) {}
}
