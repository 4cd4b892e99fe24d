package org.kenes.round;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.PairedTally;
import org.kenes.consensus.RankingTally;
import org.kenes.consensus.RatingTally;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;

/**
 * A round's tallies as flat counters per panel: the form they take in the store, where each save adds what its
 * answer set changes ({@link TallyRepository}), so that live results cost O(items × scale points) whatever the panel's
 * size. The same counters are summed in memory when a round closes and by {@code kenes analyze}, and read back here
 * the same way.
 *
 * <p>Fields: {@code submitted}; {@code r.ITEM.POINT} and {@code r.ITEM.unable}; {@code d.ITEM.DIFF}, the differences
 * from the participant's rating when the item was last asked; {@code k.ITEM.m}, {@code k.ITEM.incomplete},
 * {@code k.ITEM.ties} and {@code k.ITEM.sums.OPTION} for rankings; {@code o.ITEM}, open answers given.
 */
public final class RoundCounters {

  /** The counter of submitted answer sets. */
  static final String SUBMITTED = "submitted";

  private RoundCounters() {}

  /**
   * The increments, by panel, that move a set's share of the counters from what it was to what it is now: one panel's
   * difference, or, when the person moved panel, the old share taken from the old panel and the new one added to the
   * new. Panels with nothing to change are left out.
   */
  public static Map<String, Map<String, Number>> move(Study study, List<String> items, AnswerSet was, AnswerSet now,
      Map<String, Integer> previous) {
    List<Asked> asked = asked(study, items);
    Map<String, Number> before = new LinkedHashMap<>();
    addShare(before, asked, was, previous);
    Map<String, Number> after = new LinkedHashMap<>();
    addShare(after, asked, now, previous);
    Map<String, Map<String, Number>> byPanel = new LinkedHashMap<>();
    if (was.panel().equals(now.panel())) {
      byPanel.put(now.panel(), difference(after, before));
    } else {
      byPanel.put(was.panel(), difference(Map.of(), before));
      byPanel.put(now.panel(), difference(after, Map.of()));
    }
    byPanel.values().removeIf(Map::isEmpty);
    return byPanel;
  }

  /** The items of a round, looked up once for every answer set counted, with the names of their rating counters. */
  private static List<Asked> asked(Study study, List<String> items) {
    Map<String, Item> byId = new HashMap<>();
    study.items().forEach(item -> byId.put(item.id(), item));
    return items.stream().map(byId::get).filter(java.util.Objects::nonNull)
        .map(item -> new Asked(item, study.scale().min(), study.scale().max())).toList();
  }

  /**
   * An item asked, with the names of its rating counters built once each (when first needed) rather than for every
   * answer counted. Not shared between threads.
   */
  private static final class Asked {
    final Item item;
    final String unable;
    private final int min;
    private final String[] points;

    Asked(Item item, int min, int max) {
      this.item = item;
      this.min = min;
      this.points = new String[max - min + 1];
      this.unable = "r." + item.id() + ".unable";
    }

    String rating(int value) {
      int at = value - min;
      if (at < 0 || at >= points.length) {
        return "r." + item.id() + "." + value;
      }
      if (points[at] == null) {
        points[at] = "r." + item.id() + "." + value;
      }
      return points[at];
    }
  }

  private static void addShare(Map<String, Number> into, List<Asked> items, AnswerSet set,
      Map<String, Integer> previous) {
    if (!set.submitted()) {
      return;
    }
    addOne(into, SUBMITTED, 1L);
    for (Asked asked : items) {
      Item item = asked.item;
      Answer answer = set.answers().get(item.id());
      if (answer == null) {
        continue;
      }
      if (item.type() == ItemType.RATING && answer instanceof Answer.Rating r && r.rated()) {
        addOne(into, r.unable() ? asked.unable : asked.rating(r.value()), 1L);
        Integer before = previous.get(item.id());
        if (r.value() != null && before != null) {
          addOne(into, "d." + item.id() + "." + (r.value() - before), 1L);
        }
      } else if (item.type() == ItemType.RANKING && answer instanceof Answer.Ranking r && !r.order().isEmpty()) {
        addRanking(into, item, r);
      } else if (item.type() == ItemType.OPEN && answer instanceof Answer.OpenText t && !t.text().isBlank()) {
        addOne(into, "o." + item.id(), 1L);
      }
    }
  }

  private static void addRanking(Map<String, Number> into, Item item, Answer.Ranking ranking) {
    Map<String, Integer> ranks = new HashMap<>();
    for (int i = 0; i < ranking.order().size(); i++) {
      ranks.put(ranking.order().get(i), ranking.rank(i));
    }
    // One respondent's tally: the consensus package normalises the ranks and finds the tie term.
    RankingTally one = new RankingTally.Builder(item.optionIds()).add(ranks).build();
    String prefix = "k." + item.id() + ".";
    if (one.m() == 0) {
      addOne(into, prefix + "incomplete", 1L);
      return;
    }
    addOne(into, prefix + "m", 1L);
    addOne(into, prefix + "ties", one.tieTerm());
    double[] sums = one.rankSums();
    for (int i = 0; i < sums.length; i++) {
      addOne(into, prefix + "sums." + item.optionIds().get(i), sums[i]);
    }
  }

  /** The increments that turn the counters of {@code before} into those of {@code after}; zeros left out. */
  public static Map<String, Number> difference(Map<String, Number> after, Map<String, Number> before) {
    Map<String, Number> difference = new LinkedHashMap<>(after);
    before.forEach((field, amount) -> addOne(difference, field, negate(amount)));
    difference.values().removeIf(RoundCounters::isZero);
    return difference;
  }

  public static void addInto(Map<String, Number> total, Map<String, Number> share) {
    share.forEach((field, amount) -> addOne(total, field, amount));
  }

  /** The counters of a round from its answer sets, by panel. */
  public static Map<String, Map<String, Number>> of(Study study, List<String> items, List<AnswerSet> sets,
      Function<String, Map<String, Integer>> previousOf) {
    return new Count(study, items, previousOf).add(sets).byPanel();
  }

  /** A round's counters by panel, counted a batch of answer sets at a time. */
  public static final class Count {

    private final List<Asked> asked;
    private final Function<String, Map<String, Integer>> previousOf;
    private final Map<String, Map<String, Number>> byPanel = new LinkedHashMap<>();

    public Count(Study study, List<String> items, Function<String, Map<String, Integer>> previousOf) {
      this.asked = asked(study, items);
      this.previousOf = previousOf;
    }

    public Count add(List<AnswerSet> sets) {
      for (AnswerSet set : sets) {
        addShare(byPanel.computeIfAbsent(set.panel(), p -> new LinkedHashMap<>()), asked, set,
            previousOf.apply(set.participant()));
      }
      return this;
    }

    public Map<String, Map<String, Number>> byPanel() {
      return byPanel;
    }
  }

  /**
   * Each participant's valid ratings from the round each item was last asked in, for the paired differences.
   *
   * @param lastAsked the earlier round each item of this round was last asked in
   * @param setsByRound the answer sets of those rounds
   */
  public static Function<String, Map<String, Integer>> previousRatings(Map<String, Integer> lastAsked,
      Map<Integer, List<AnswerSet>> setsByRound) {
    Map<String, Map<String, Integer>> byParticipant = new HashMap<>();
    lastAsked.forEach((item, round) -> {
      for (AnswerSet set : setsByRound.getOrDefault(round, List.of())) {
        if (set.submitted() && set.answers().get(item) instanceof Answer.Rating r && r.value() != null) {
          byParticipant.computeIfAbsent(set.participant(), p -> new HashMap<>()).put(item, r.value());
        }
      }
    });
    return participant -> byParticipant.getOrDefault(participant, Map.of());
  }

  /** The consensus package's tallies from the counters of every panel. */
  public static RoundTallies tallies(Study study, List<String> items, Map<String, Map<String, Number>> byPanel) {
    List<String> panels = new ArrayList<>(study.panelIds());
    byPanel.keySet().stream().filter(p -> !panels.contains(p)).sorted().forEach(panels::add);
    Map<String, Map<String, RatingTally>> ratings = new LinkedHashMap<>();
    Map<String, PairedTally> pairs = new LinkedHashMap<>();
    Map<String, RankingTally> rankings = new LinkedHashMap<>();
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> responded = new LinkedHashMap<>();
    for (String panel : panels) {
      responded.put(panel, count(byPanel.get(panel), SUBMITTED));
    }
    for (String itemId : items) {
      Item item = study.item(itemId).orElseThrow();
      if (item.type() == ItemType.RATING) {
        Map<String, RatingTally> perPanel = new LinkedHashMap<>();
        Map<Integer, Long> differences = new HashMap<>();
        for (String panel : panels) {
          Map<String, Number> c = byPanel.getOrDefault(panel, Map.of());
          long[] counts = new long[study.scale().points()];
          for (int p = study.scale().min(); p <= study.scale().max(); p++) {
            counts[p - study.scale().min()] = count(c, "r." + itemId + "." + p);
          }
          perPanel.put(panel, RatingTally.ofCounts(study.scale().min(), study.scale().max(), counts,
              count(c, "r." + itemId + ".unable")));
          String prefix = "d." + itemId + ".";
          c.forEach((field, amount) -> {
            if (field.startsWith(prefix)) {
              differences.merge(Integer.parseInt(field.substring(prefix.length())), amount.longValue(), Long::sum);
            }
          });
        }
        ratings.put(itemId, perPanel);
        pairs.put(itemId, PairedTally.ofCounts(differences));
      } else if (item.type() == ItemType.RANKING) {
        RankingTally total = RankingTally.empty(item.optionIds());
        for (String panel : panels) {
          Map<String, Number> c = byPanel.getOrDefault(panel, Map.of());
          String prefix = "k." + itemId + ".";
          double[] sums = item.optionIds().stream().mapToDouble(o -> amount(c, prefix + "sums." + o)).toArray();
          total = total.plus(RankingTally.ofSums(item.optionIds(), count(c, prefix + "m"), count(c, prefix + "incomplete"),
              sums, count(c, prefix + "ties")));
        }
        rankings.put(itemId, total);
      } else {
        open.put(itemId, panels.stream().mapToLong(p -> count(byPanel.get(p), "o." + itemId)).sum());
      }
    }
    return new RoundTallies(ratings, pairs, rankings, open, responded);
  }

  static long count(Map<String, Number> counters, String field) {
    return counters == null ? 0 : Math.round(amount(counters, field));
  }

  private static double amount(Map<String, Number> counters, String field) {
    Number n = counters.get(field);
    return n == null ? 0 : n.doubleValue();
  }

  private static void addOne(Map<String, Number> total, String field, Number amount) {
    total.merge(field, amount, (a, b) -> a instanceof Double || b instanceof Double
        ? (Number) (a.doubleValue() + b.doubleValue()) : (Number) (a.longValue() + b.longValue()));
  }

  private static Number negate(Number n) {
    return n instanceof Double d ? (Number) (-d) : (Number) (-n.longValue());
  }

  private static boolean isZero(Number n) {
    return n.doubleValue() == 0;
  }
}
