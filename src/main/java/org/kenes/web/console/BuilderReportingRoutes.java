package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.study.Reporting;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The study builder's reporting information: what only people know and a journal's checklist asks the report to
 * state (aim, registration, steering group, recruitment, ethics, funding, limitations…), each field a text in every
 * language of the study; a field left empty reads "not reported" in the report. Like the privacy terms, it stays open
 * once rounds have begun: limitations and funding are often written last.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/build/reporting   facilitator
 * POST /console/studies/{id}/build/reporting   facilitator
 * </pre>
 */
final class BuilderReportingRoutes {

  /** Reporting texts run to a paragraph or two. */
  private static final int ROWS = 4;

  private final BuilderPage builder;

  private BuilderReportingRoutes(BuilderPage builder) {
    this.builder = builder;
  }

  static void mount(Router router, BuilderPage builder, Access access) {
    BuilderReportingRoutes r = new BuilderReportingRoutes(builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/reporting"))
        .handler(ctx -> builder.get(ctx, r::page));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/reporting")).handler(ctx -> builder.save(ctx,
        "reporting", BuilderPage.fields(ctx, List.of("reporting.")),
        BuilderPage.href(ctx.pathParam("id"), "reporting") + "?done=saved", r::page));
  }

  private Future<Void> page(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    JsonArray groups = new JsonArray();
    for (String field : Reporting.FIELDS) {
      JsonArray texts = new JsonArray();
      for (Object l : StudyTree.list(tree, "languages")) {
        texts.add(f.text("reporting." + field + "." + l, Views.languageName((String) l), (String) l, true)
            .put("rows", ROWS));
      }
      groups.add(new JsonObject().put("legend", Views.text(lang, "reporting." + field)).put("texts", texts));
    }
    return builder.render(ctx, status, "build-reporting", builder.model(ctx, draft, "reporting", f, failure)
        .put("groups", groups));
  }
}
