package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kenes.web.report.FlowDiagram.Passage;
import org.kenes.web.report.FlowDiagram.Stage;

/** The numbers of the flow diagram, from the report JSON and the attrition JSON. */
final class FlowStages {

  private static final List<String> VERDICTS = List.of("consensus-in", "consensus-out", "no-consensus", "insufficient");

  private FlowStages() {}

  static List<Stage> of(JsonObject report, JsonObject attrition) {
    JsonArray rounds = report.getJsonArray("rounds");
    JsonObject withdrawn = attrition.getJsonObject("withdrawn", new JsonObject());
    List<Stage> stages = new ArrayList<>();
    for (int k = 0; k < rounds.size(); k++) {
      JsonObject r = rounds.getJsonObject(k);
      int n = r.getInteger("round");
      JsonObject participation = r.getJsonObject("participation", new JsonObject());
      int[] verdicts = new int[VERDICTS.size()];
      for (Object o : report.getJsonArray("items")) {
        JsonObject entry = entry((JsonObject) o, n);
        // Open items have no statistics, hence no overall figures.
        JsonObject overall = entry == null ? null : entry.getJsonObject("overall");
        String verdict = overall == null ? null : overall.getString("verdict");
        int v = verdict == null ? -1 : VERDICTS.indexOf(verdict);
        if (v >= 0) {
          verdicts[v]++;
        }
      }
      Passage next = k + 1 < rounds.size() ? passage(report, attrition, n) : null;
      stages.add(new Stage(n, "open".equals(r.getString("status")), participation.getLong("invited", 0L),
          participation.getLong("responded", 0L), withdrawn.getLong(String.valueOf(n), 0L), r.getInteger("items"),
          verdicts, next));
    }
    return stages;
  }

  /** From round n to round n + 1. */
  private static Passage passage(JsonObject report, JsonObject attrition, int n) {
    Long left = attrition.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("round") == n + 1).findFirst().map(r -> r.getLong("left")).orElse(null);
    int[] changes = new int[4];
    Set<String> reworded = new HashSet<>();
    for (Object o : report.getJsonArray("changes", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      int kind = List.of("added", "reworded", "merged", "retired").indexOf(c.getString("change"));
      if (kind >= 0 && c.getInteger("round", -1) == n) {
        changes[kind]++;
        if (kind == 1) {
          reworded.add(c.getString("item"));
        }
      }
    }
    int carried = 0;
    for (Object o : report.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      if (entry(item, n) != null && entry(item, n + 1) != null && !reworded.contains(item.getString("id"))) {
        carried++;
      }
    }
    return new Passage(left, carried, changes[0], changes[1], changes[2], changes[3]);
  }

  /** The item's results of round n, or null when that round did not ask it. */
  private static JsonObject entry(JsonObject item, int n) {
    return item.getJsonArray("rounds").stream().map(JsonObject.class::cast)
        .filter(r -> r.getInteger("round") == n).findFirst().orElse(null);
  }
}
