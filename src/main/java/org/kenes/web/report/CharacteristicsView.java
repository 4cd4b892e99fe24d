package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.kenes.study.Attribute;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The report's table of participant characteristics in one language: per attribute, a row per option (count and
 * share) or the median and range of a number, a column for all panels and one per panel; what is withheld reads
 * "fewer than minCell responses".
 */
final class CharacteristicsView {

  private CharacteristicsView() {}

  static JsonObject model(JsonObject characteristics, Study study, String lang) {
    String small = Views.text(lang, "report.suppressed", study.criteria().minCell());
    JsonArray headers = new JsonArray().add(Views.text(lang, "report.acrossAll"));
    study.panels().forEach(p -> headers.add(study.text(p.name(), lang)));
    JsonArray tables = new JsonArray();
    for (Object o : characteristics.getJsonArray("attributes")) {
      JsonObject a = (JsonObject) o;
      Attribute attribute = study.attribute(a.getString("id")).orElseThrow();
      JsonArray columns = a.getJsonArray("columns");
      JsonArray rows = new JsonArray().add(row(Views.text(lang, "report.characteristics.n"), columns, small,
          c -> String.valueOf(c.getLong("n"))));
      if (attribute.type() == Attribute.Type.CHOICE) {
        attribute.options().forEach(opt -> rows.add(row(study.text(opt.text(), lang), columns, small, c -> {
          JsonObject cell = c.getJsonObject("options").getJsonObject(opt.id());
          return cell.getBoolean("suppressed", false) ? small
              : cell.getLong("count") + " (" + Math.round(100 * cell.getDouble("share")) + "%)";
        })));
      } else {
        rows.add(row(Views.text(lang, "report.characteristics.median"), columns, small,
            c -> Views.number(c.getValue("median"), lang)));
        rows.add(row(Views.text(lang, "report.characteristics.range"), columns, small,
            c -> c.getValue("min") == null ? "–" : c.getValue("min") + "–" + c.getValue("max")));
      }
      rows.add(row(Views.text(lang, "report.characteristics.missing"), columns, small,
          c -> String.valueOf(c.getLong("missing"))));
      tables.add(new JsonObject().put("id", attribute.id()).put("name", study.text(attribute.name(), lang))
          .put("rows", rows));
    }
    return new JsonObject().put("headers", headers).put("tables", tables)
        .put("intro", Views.text(lang, "report.characteristics.intro", characteristics.getInteger("respondents"),
            study.criteria().minCell()));
  }

  private static JsonObject row(String label, JsonArray columns, String small,
      Function<JsonObject, String> cell) {
    JsonArray cells = new JsonArray();
    columns.forEach(c -> cells.add(((JsonObject) c).getBoolean("suppressed", false) ? small
        : cell.apply((JsonObject) c)));
    return new JsonObject().put("label", label).put("cells", cells);
  }
}
