package org.kenes.round;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * The rounds before one that asked its items: the comparison behind stability, paired differences, reasons for a
 * change and the panelists' feedback.
 */
public final class EarlierRounds {

  private EarlierRounds() {}

  /**
   * For each item of the round asked before in its present wording, the latest earlier round that asked it: a
   * reworded item is a new question, compared with nothing before its rewording.
   */
  public static Map<String, Integer> lastAsked(Study study, Round round, List<Round> all) {
    Map<String, Integer> last = new HashMap<>();
    for (Round r : all) {
      if (r.number() < round.number()) {
        r.items().stream().filter(round.items()::contains)
            .filter(item -> r.number() >= study.item(item).map(Item::since).orElse(1))
            .forEach(item -> last.put(item, r.number()));
      }
    }
    return last;
  }

  /** Loads something of each round that {@code lastAsked} names, all at once, keyed by round number. */
  public static <T> Future<Map<Integer, T>> load(Map<String, Integer> lastAsked, IntFunction<Future<T>> load) {
    List<Integer> earlier = lastAsked.values().stream().distinct().sorted().toList();
    return Future.all(earlier.stream().map(load::apply).toList()).map(all -> {
      Map<Integer, T> byRound = new HashMap<>();
      for (int i = 0; i < earlier.size(); i++) {
        byRound.put(earlier.get(i), all.resultAt(i));
      }
      return byRound;
    });
  }
}
