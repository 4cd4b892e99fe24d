package org.kenes.web.console;

import static org.kenes.web.Access.Need.READER;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Viewer;
import org.kenes.web.report.ChecklistView;

/**
 * The console's reporting checklists (ACCORD, DELPHISTAR): the same list the report ends with, so that a facilitator
 * sees what is not reported before publishing; each answered item links to its place in the report.
 */
final class ConsoleChecklistRoutes {

  private final Services s;
  private final ConsolePage page;

  private ConsoleChecklistRoutes(Services services, ConsolePage page) {
    this.s = services;
    this.page = page;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access) {
    ConsoleChecklistRoutes r = new ConsoleChecklistRoutes(services, page);
    access.need(READER, router.get("/console/studies/:id/checklist")).handler(r::checklist);
  }

  private void checklist(RoutingContext ctx) {
    Viewer viewer = Viewer.of(ctx);
    s.studies().get(ctx.pathParam("id")).compose(study -> page.render(ctx, 200, "checklist",
        ConsolePage.model(ctx, study, viewer.text("checklist.title"), "checklist").put("checklists",
            ChecklistView.model(study, viewer.language(), "/studies/" + study.id() + "/report?lang="
                + viewer.language()))))
        .onFailure(ctx::fail);
  }
}
