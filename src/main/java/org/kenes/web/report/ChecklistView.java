package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.kenes.report.Checklists;
import org.kenes.report.Checklists.Entry;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The ACCORD and DELPHISTAR checklists as the report's last section and the console's page: each item paraphrased
 * with its published number, and where the report answers it (a link to its section or field), or "not reported".
 */
public final class ChecklistView {

  /** The heading of each section an item may link to, by the section's id. */
  private static final Map<String, String> SECTIONS = Map.of("methods-rule", "report.rule",
      "methods-rounds", "report.rounds", "conduct", "conduct.title", "changes", "report.changes",
      "items", "report.items", "summary", "report.summary", "flow", "flow.title");

  private ChecklistView() {}

  /**
   * @param report the report's address the links lead to: empty on the report itself, else its page's address
   */
  public static JsonArray model(Study study, String lang, String report) {
    JsonArray lists = new JsonArray();
    for (String guideline : Checklists.guidelines()) {
      JsonArray items = new JsonArray();
      Checklists.of(guideline, study).forEach(e -> items.add(item(e, lang, report)));
      lists.add(new JsonObject().put("id", guideline).put("title", Views.text(lang, "checklist." + guideline))
          .put("items", items));
    }
    return lists;
  }

  private static JsonObject item(Entry e, String lang, String report) {
    JsonObject json = new JsonObject().put("number", e.number()).put("text", Views.text(lang, e.key()))
        .put("status", e.status().name().toLowerCase(Locale.ROOT));
    return switch (e.status()) {
      case GENERATED -> json.put("href", report + "#" + e.anchor()).put("where",
          Views.text(lang, SECTIONS.get(e.anchor())));
      case GIVEN -> json.put("href", report + "#" + e.anchor()).put("where",
          Views.text(lang, "reporting.title") + ": " + Views.text(lang, field(e)));
      case MISSING -> json.put("notReported", Views.text(lang, "checklist.missing", Views.text(lang, field(e))));
      case OUTSIDE -> json.put("notReported", Views.text(lang, "checklist.outside"));
    };
  }

  /** The label of the reporting field an entry's anchor names. */
  private static String field(Entry e) {
    return "reporting." + e.anchor().substring("reporting-".length());
  }
}
