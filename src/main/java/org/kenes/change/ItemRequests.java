package org.kenes.change;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.study.Item;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/** Checks of a change's request: its provenance against the study, and a new item as the study file's reader checks items. */
final class ItemRequests {

  private ItemRequests() {}

  static void checkFrom(Study study, Provenance p, Set<String> answerIds, List<Problem> problems) {
    for (int i = 0; i < p.from().size(); i++) {
      String from = p.from().get(i);
      Item item = study.item(from).orElse(null);
      boolean isAnswer = answerIds.contains(from);
      if ("added".equals(p.change()) && item == null && !isAnswer) {
        problems.add(new Problem("provenance.from[" + i + "]", "no item or open answer '" + from + "'"));
      } else if (!"added".equals(p.change()) && (item == null || item.retired())) {
        problems.add(new Problem("provenance.from[" + i + "]", "no item '" + from + "' that is still asked"));
      }
    }
    if ("merged".equals(p.change()) && p.from().size() < 2) {
      problems.add(new Problem("provenance.from", "a merge names at least two items"));
    } else if ("reworded".equals(p.change()) && p.from().isEmpty()) {
      problems.add(new Problem("provenance.from", "names the item or items reworded"));
    }
  }

  /** An item validated as the study file's reader validates items, its problems given at the request's paths. */
  static Item readItem(Study study, JsonObject itemJson, List<Problem> problems) {
    JsonObject definition = StudyFormat.toJson(study);
    String id = itemJson.getValue("id") instanceof String s ? s : null;
    // An item under an existing id is compared with it by the caller; validated here on its own.
    JsonArray items = new JsonArray(new ArrayList<>(definition.getJsonArray("items").stream()
        .filter(i -> id == null || !id.equals(((JsonObject) i).getString("id"))).toList()));
    definition.put("items", items);
    int index = items.size();
    items.add(itemJson);
    try {
      return StudyFormat.read(definition.encode()).item(id).orElseThrow();
    } catch (Invalid invalid) {
      String prefix = "items[" + index + "]";
      invalid.problems().forEach(p -> problems.add(p.at(p.path().startsWith(prefix + ".")
          ? p.path().substring(prefix.length() + 1) : p.path().equals(prefix) ? "" : p.path())));
      return null;
    }
  }

  static boolean sameQuestion(Item a, Item b) {
    return a.type() == b.type() && a.text().equals(b.text()) && a.options().equals(b.options())
        && java.util.Objects.equals(a.category(), b.category());
  }
}
