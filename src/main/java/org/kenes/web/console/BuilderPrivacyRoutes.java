package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.study.Privacy;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The study builder's privacy and consent: the consent text panelists agree to before answering, in each language,
 * how long their personal data is kept, and who answers for it. Unlike the builder's other pages, this one stays open
 * once round 1 has opened, as these terms are all of a study that may still change then (issue 17): a changed consent
 * text is asked again of those who agreed to the earlier one.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/build/privacy     facilitator
 * POST /console/studies/{id}/build/privacy     facilitator
 * </pre>
 */
final class BuilderPrivacyRoutes {

  /** The study format's fields of its privacy terms, the paths this page's form sets. */
  static final List<String> FIELDS = List.of("consent", "retentionDays", "contact");
  /** A consent text is a data-protection notice: a field of a few lines would hide most of it. */
  private static final int CONSENT_ROWS = 12;

  private final BuilderPage builder;

  private BuilderPrivacyRoutes(BuilderPage builder) {
    this.builder = builder;
  }

  static void mount(Router router, BuilderPage builder, Access access) {
    BuilderPrivacyRoutes r = new BuilderPrivacyRoutes(builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/privacy"))
        .handler(ctx -> builder.get(ctx, r::page));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/privacy")).handler(ctx -> builder.save(ctx,
        "privacy", BuilderPage.fields(ctx, FIELDS), BuilderPage.href(ctx.pathParam("id"), "privacy") + "?done=saved",
        r::page));
  }

  private Future<Void> page(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    JsonArray consent = new JsonArray();
    for (Object l : StudyTree.list(tree, "languages")) {
      consent.add(f.text("consent." + l, Views.text(lang, "builder.field.consent", Views.languageName((String) l)),
          (String) l, true).put("rows", CONSENT_ROWS));
    }
    JsonObject retention = f.input("retentionDays", Views.text(lang, "builder.field.retentionDays"),
        Views.text(lang, "builder.hint.retentionDays"), "number");
    if (tree.getValue("retentionDays") == null) {
      retention.put("value", String.valueOf(Privacy.DEFAULT_RETENTION_DAYS));
    }
    JsonArray terms = new JsonArray().add(retention).add(f.input("contact", Views.text(lang, "builder.field.contact"),
        Views.text(lang, "builder.hint.contact"), "email"));
    String consentProblem = f.problemAt("consent");
    return builder.render(ctx, status, "build-privacy", builder.model(ctx, draft, "privacy", f, failure)
        .put("consent", consent).put("terms", terms).put("consentProblem", consentProblem));
  }
}
