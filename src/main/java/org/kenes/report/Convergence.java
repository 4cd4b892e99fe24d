package org.kenes.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.consensus.RatingStats;
import org.kenes.round.ItemResult;
import org.kenes.round.ResultsJson;
import org.kenes.round.RoundResults;

/**
 * A real-time study's convergence in the report: for each rating item of its closed round, the statistics of the first
 * ratings and of the final ones, and the stability between them (README, "mode").
 */
final class Convergence {

  private Convergence() {}

  /**
   * {@code [{"item", "first": STATS, "final": STATS, "stability": {...}}]}, in the study's order; empty until the round
   * has closed (an open round's figures have no first ratings).
   */
  static JsonArray of(List<RoundResults> results) {
    JsonArray items = new JsonArray();
    results.stream().filter(r -> !r.provisional() && !r.first().isEmpty()).forEach(r -> r.items().stream()
        .filter(ItemResult.Rating.class::isInstance).map(ItemResult.Rating.class::cast)
        .filter(rating -> r.first().containsKey(rating.id()))
        .forEach(rating -> items.add(item(r.first().get(rating.id()), rating))));
    return items;
  }

  private static JsonObject item(RatingStats first, ItemResult.Rating rating) {
    JsonObject json = new JsonObject().put("item", rating.id()).put("first", ResultsJson.stats(first))
        .put("final", ResultsJson.stats(rating.overall()));
    JsonObject item = ResultsJson.item(rating);
    return item.containsKey("stability") ? json.put("stability", item.getJsonObject("stability")) : json;
  }
}
