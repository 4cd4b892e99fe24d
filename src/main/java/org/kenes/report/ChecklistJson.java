package org.kenes.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.kenes.study.Study;

/**
 * The checklists as JSON ({@code GET /api/studies/{id}/checklist}): per guideline, each item's number, status
 * ({@code generated}, {@code given}, {@code missing}, {@code outside}) and the id of the report's element answering
 * it (for a missing field, the field's place in About this study).
 */
public final class ChecklistJson {

  private ChecklistJson() {}

  public static JsonObject of(Study study) {
    JsonArray lists = new JsonArray();
    for (String guideline : Checklists.guidelines()) {
      JsonArray items = new JsonArray();
      Checklists.of(guideline, study).forEach(e -> items.add(new JsonObject().put("number", e.number())
          .put("status", e.status().name().toLowerCase(Locale.ROOT)).put("anchor", e.anchor())));
      lists.add(new JsonObject().put("guideline", guideline).put("items", items));
    }
    return new JsonObject().put("study", study.id()).put("checklists", lists);
  }
}
