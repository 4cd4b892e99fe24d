package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kenes.round.ItemResult;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.web.report.FlowDiagram.Passage;
import org.kenes.web.report.FlowDiagram.Stage;

/** The numbers of the flow diagram, from the rounds' results (typed), the report's changes and the attrition JSON. */
final class FlowStages {

  private static final List<String> CHANGES = List.of("added", "reworded", "merged", "retired");

  private FlowStages() {}

  /**
   * @param results the results of each round of {@code rounds}, in the same order
   * @param changes the report JSON's {@code changes}
   */
  static List<Stage> of(List<Round> rounds, List<RoundResults> results, JsonArray changes, JsonObject attrition) {
    JsonObject withdrawn = attrition.getJsonObject("withdrawn", new JsonObject());
    List<Stage> stages = new ArrayList<>();
    for (int k = 0; k < rounds.size(); k++) {
      Round round = rounds.get(k);
      RoundResults r = results.get(k);
      // Open and ranking items have no verdict; the counts are in the order of Verdict (in, out, none, too few).
      int[] verdicts = new int[4];
      r.items().stream().filter(ItemResult.Rating.class::isInstance)
          .forEach(i -> verdicts[((ItemResult.Rating) i).verdict().ordinal()]++);
      Passage next = k + 1 < rounds.size() ? passage(r, results.get(k + 1), changes, attrition) : null;
      stages.add(new Stage(round.number(), round.open(), r.participation().invited(), r.participation().responded(),
          withdrawn.getLong(String.valueOf(round.number()), 0L), round.items().size(), verdicts, next));
    }
    return stages;
  }

  /** From one round to the next. */
  private static Passage passage(RoundResults from, RoundResults to, JsonArray changes, JsonObject attrition) {
    int n = from.round();
    Long left = attrition.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("round") == n + 1).findFirst().map(r -> r.getLong("left")).orElse(null);
    int[] counts = new int[CHANGES.size()];
    Set<String> reworded = new HashSet<>();
    for (Object o : changes) {
      JsonObject c = (JsonObject) o;
      int kind = CHANGES.indexOf(c.getString("change"));
      if (kind >= 0 && c.getInteger("round", -1) == n) {
        counts[kind]++;
        if (kind == 1) {
          reworded.add(c.getString("item"));
        }
      }
    }
    Set<String> next = new HashSet<>();
    to.items().forEach(i -> next.add(i.id()));
    int carried = (int) from.items().stream().map(ItemResult::id)
        .filter(id -> next.contains(id) && !reworded.contains(id)).count();
    return new Passage(left, carried, counts[0], counts[1], counts[2], counts[3]);
  }
}
