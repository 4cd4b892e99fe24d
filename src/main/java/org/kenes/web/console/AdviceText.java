package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.web.Viewer;

/**
 * The stopping advice of round results in the reader's language, from its {@code basis} and items; the English
 * {@code reason} of results stored before the advice had a basis.
 */
final class AdviceText {

  private AdviceText() {}

  static String of(JsonObject advice, int round, int maxRounds, Viewer viewer) {
    String basis = advice.getString("basis");
    if (basis == null) {
      return advice.getString("reason");
    }
    String pending = joined(advice.getJsonArray("pending"));
    return switch (basis) {
      case "undecided-stable" -> viewer.text("advice.undecided-stable", joined(advice.getJsonArray("undecided")));
      case "last-round" -> viewer.text("advice.last-round", round, maxRounds, pending);
      case "another-round" -> viewer.text("advice.another-round", pending);
      default -> viewer.text("advice.all-decided");
    };
  }

  private static String joined(JsonArray items) {
    return String.join(", ", items == null ? List.of() : items.stream().map(String::valueOf).toList());
  }
}
