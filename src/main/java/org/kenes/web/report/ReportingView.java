package org.kenes.web.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.study.Reporting;
import org.kenes.study.Study;
import org.kenes.study.Text;
import org.kenes.web.Views;

/**
 * The report's "About this study": each field of the study's {@code reporting} block in the report's language, in
 * their order, and "not reported" for each one the study left out, so that a reader sees what is missing.
 */
final class ReportingView {

  private ReportingView() {}

  static JsonArray model(Study study, String lang) {
    JsonArray fields = new JsonArray();
    for (String field : Reporting.FIELDS) {
      Text text = study.reporting().fields().get(field);
      fields.add(new JsonObject().put("id", "reporting-" + field).put("label", Views.text(lang, "reporting." + field))
          .put("text", text == null ? null : study.text(text, lang))
          .put("missing", text == null ? Views.text(lang, "reporting.notReported") : null));
    }
    return fields;
  }
}
