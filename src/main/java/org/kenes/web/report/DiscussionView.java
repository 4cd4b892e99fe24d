package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.discussion.DiscussionSummary;
import org.kenes.discussion.TopArguments;
import org.kenes.study.Study;

/**
 * The report's Discussion section: per item, the counts, the most agreed arguments and the moderators' summaries;
 * {@code discussion} of the report JSON, and with the items' texts in the reader's language, the page's model.
 */
public final class DiscussionView {

  private DiscussionView() {}

  /** {@code [{"item", "posts", "replies", "agreements", "hidden", "for": [{"text", "agreements"}], "against",
   * "summaries": ["..."]}]}. */
  public static JsonArray json(List<DiscussionSummary> summaries) {
    return new JsonArray(summaries.stream().map(s -> new JsonObject().put("item", s.item()).put("posts", s.posts())
        .put("replies", s.replies()).put("agreements", s.agreements()).put("hidden", s.hidden())
        .put("for", arguments(s.top().forIt())).put("against", arguments(s.top().against()))
        .put("summaries", new JsonArray(s.summaries()))).toList());
  }

  /** The page's model: the JSON with each item's text and anchor. */
  static JsonArray model(List<DiscussionSummary> summaries, Study study, String lang) {
    JsonArray items = json(summaries);
    items.forEach(o -> {
      JsonObject item = (JsonObject) o;
      String id = item.getString("item");
      item.put("anchor", "item-" + id)
          .put("text", study.item(id).map(i -> study.text(i.text(), lang)).orElse(id));
    });
    return items;
  }

  private static JsonArray arguments(List<TopArguments.Argument> arguments) {
    return new JsonArray(arguments.stream()
        .map(a -> new JsonObject().put("text", a.text()).put("agreements", a.agreements())).toList());
  }
}
