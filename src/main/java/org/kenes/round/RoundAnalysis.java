package org.kenes.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Advice;
import org.kenes.consensus.Disclosure;
import org.kenes.consensus.ItemOutcome;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.RatingItemResult;
import org.kenes.consensus.RatingItems;
import org.kenes.consensus.RatingTally;
import org.kenes.consensus.Stability;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * A round's results (CONTRACT.md, "Round results JSON") from its tallies, by the consensus package. Live results,
 * the stored results of a closed round and {@code kenes analyze} all come through here.
 */
public final class RoundAnalysis {

  /** An item's ratings in the earlier round it was last asked in, for its stability. */
  public record Previous(int round, RatingTally overall) {}

  /**
   * @param invitedByPanel participants invited, by panel
   * @param previousByItem for items asked before, their ratings then
   * @param texts the anonymous comments and reasons, or null where they are not given (live results)
   */
  public record Input(Study study, int round, List<String> items, RoundTallies tallies,
      Map<String, Long> invitedByPanel, Map<String, Previous> previousByItem, Texts texts, boolean provisional) {}

  /**
   * What people wrote to each item, in an order that says nothing of who wrote it or when: comments, and the
   * reasons given for moving a rating away from the group.
   */
  public record Texts(Map<String, List<String>> comments, Map<String, List<String>> reasons) {

    /** The texts of the submitted sets; a rating not given yet counts nowhere, its texts included, as in the export. */
    public static Texts of(List<String> items, List<AnswerSet> sets) {
      return new Collected(items).add(sets).texts();
    }

    /** The texts of a round, collected a batch of answer sets at a time. */
    public static final class Collected {

      private final Map<String, List<String>> comments = new LinkedHashMap<>();
      private final Map<String, List<String>> reasons = new LinkedHashMap<>();

      public Collected(List<String> items) {
        items.forEach(item -> {
          comments.put(item, new ArrayList<>());
          reasons.put(item, new ArrayList<>());
        });
      }

      public Collected add(List<AnswerSet> sets) {
        for (AnswerSet set : sets) {
          if (set.submitted()) {
            comments.forEach((item, texts) -> keep(texts, comment(set.answers().get(item))));
            reasons.forEach((item, texts) -> keep(texts, set.answers().get(item) instanceof Answer.Rating r && r.rated()
                ? r.reason() : null));
          }
        }
        return this;
      }

      public Texts texts() {
        comments.values().forEach(texts -> texts.sort(null));
        reasons.values().forEach(texts -> texts.sort(null));
        return new Texts(comments, reasons);
      }

      private static String comment(Answer a) {
        return a instanceof Answer.Rating r ? (r.rated() ? r.comment() : null)
            : a instanceof Answer.Ranking k ? k.comment() : null;
      }

      private static void keep(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
          texts.add(text.strip());
        }
      }
    }
  }

  private RoundAnalysis() {}

  public static RoundResults analyse(Input in) {
    List<ItemResult> items = new ArrayList<>();
    for (String itemId : in.items()) {
      Item item = in.study().item(itemId).orElseThrow();
      items.add(switch (item.type()) {
        case RATING -> rating(in, item);
        case RANKING -> new ItemResult.Ranking(itemId, RankingStats.of(in.tallies().rankings().get(itemId)),
            in.texts() == null ? null : in.texts().comments().getOrDefault(itemId, List.of()));
        case OPEN -> new ItemResult.Open(itemId, in.tallies().open().get(itemId));
      });
    }
    List<ItemOutcome> outcomes = items.stream().filter(ItemResult.Rating.class::isInstance)
        .map(ItemResult.Rating.class::cast).map(r -> new ItemOutcome(r.id(), r.verdict(), r.stable())).toList();
    return new RoundResults(in.study().id(), in.round(), in.provisional(), participation(in), items,
        Advice.of(in.round(), in.study().rounds().max(), outcomes), null, in.study().mode(), first(in));
  }

  /** A closed real-time round's first ratings, given as its "previous round" ({@code FirstRatings}). */
  private static Map<String, RatingStats> first(Input in) {
    Map<String, RatingStats> first = new LinkedHashMap<>();
    if (in.study().realTime() && !in.provisional()) {
      in.previousByItem().forEach((item, previous) ->
          first.put(item, RatingStats.of(previous.overall(), in.study().criteria())));
    }
    return first;
  }

  private static ItemResult.Rating rating(Input in, Item item) {
    Study study = in.study();
    RatingItemResult result = RatingItems.analyse(in.tallies().ratings().get(item.id()), study.criteria());
    List<ItemResult.PanelStats> panels = study.panelIds().stream()
        .map(panel -> new ItemResult.PanelStats(panel, result.panels().get(panel))).toList();
    Previous previous = in.previousByItem().get(item.id());
    ItemResult.ItemStability stability = previous == null ? null : new ItemResult.ItemStability(previous.round(),
        Stability.of(previous.overall(), in.tallies().overall(item.id()), in.tallies().pairs().get(item.id()),
            study.criteria().stableBelowPct()));
    Texts texts = in.texts();
    return new ItemResult.Rating(item.id(), result.overall(), panels, result.bridging(), result.gic(),
        result.tooFewToJudge(), stability, texts == null ? null : texts.comments().getOrDefault(item.id(), List.of()),
        texts == null ? null : texts.reasons().getOrDefault(item.id(), List.of()));
  }

  /**
   * Each rating item's overall ratings in the round it was last asked in.
   *
   * @param countersByRound the counters of those earlier rounds, by panel
   */
  public static Map<String, Previous> previous(Study study, Map<String, Integer> lastAsked,
      Map<Integer, Map<String, Map<String, Number>>> countersByRound) {
    Map<String, Previous> previous = new LinkedHashMap<>();
    countersByRound.forEach((round, counters) -> {
      List<String> items = lastAsked.entrySet().stream().filter(e -> e.getValue().equals(round)).map(Map.Entry::getKey)
          .filter(id -> study.item(id).map(i -> i.type() == ItemType.RATING).orElse(false)).toList();
      RoundTallies then = RoundCounters.tallies(study, items, counters);
      items.forEach(item -> previous.put(item, new Previous(round, then.overall(item))));
    });
    return previous;
  }

  /**
   * Invited and responded, overall and by panel. A panel's count of respondents is withheld like its ratings
   * ({@link Disclosure}, primary and secondary).
   */
  private static RoundResults.Participation participation(Input in) {
    Set<String> withheld = Disclosure.withheld(in.tallies().responded(), in.study().criteria().minCell());
    Map<String, RoundResults.PanelCount> panels = new LinkedHashMap<>();
    long responded = 0;
    for (Map.Entry<String, Long> panel : in.tallies().responded().entrySet()) {
      boolean suppressed = withheld.contains(panel.getKey());
      panels.put(panel.getKey(), new RoundResults.PanelCount(in.invitedByPanel().getOrDefault(panel.getKey(), 0L),
          suppressed ? null : panel.getValue(), suppressed));
      responded += panel.getValue();
    }
    long invited = in.invitedByPanel().values().stream().mapToLong(Long::longValue).sum();
    return new RoundResults.Participation(invited, responded, panels);
  }
}
