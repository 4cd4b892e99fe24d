package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;
import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.panelist.AnswerService;
import org.kenes.services.Services;
import org.kenes.study.Panel;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.Views;
import org.kenes.web.panelist.QuestionnairePage;
import org.kenes.web.panelist.RightsPages;

/**
 * "Preview as a panelist": the questionnaire page itself, drawn by the questionnaire's own view for a panel and a
 * language chosen, for the open round or the one that would open next, with the feedback of the last closed round.
 * Answers can be tried: they are checked as a save would check them, and nothing is stored.
 *
 * <p>A study with a consent text shows its panelists the consent page first. The preview shows the questionnaire as
 * it is once they have agreed, says so, and links to the consent page as they see it ({@code view=consent}), whose
 * form leads back to the questionnaire ({@code view=agreed}): the whole way in, with nothing stored.
 *
 * <pre>
 * route                                     role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/preview        reader
 * POST /console/studies/{id}/preview        facilitator (answers tried; nothing is stored)
 * </pre>
 */
final class PreviewRoutes {

  private static final String CONSENT = "consent";
  private static final String AGREED = "agreed";

  private final Services s;
  private final Views views;

  private PreviewRoutes(Services services, Views views) {
    this.s = services;
    this.views = views;
  }

  static void mount(Router router, Services services, Views views, Access access) {
    PreviewRoutes r = new PreviewRoutes(services, views);
    access.need(READER, router.get("/console/studies/:id/preview"))
        .handler(ctx -> r.show(ctx, ctx.queryParams(), null));
    access.need(FACILITATOR, router.post("/console/studies/:id/preview")).handler(r::tryAnswers);
  }

  /** The answers typed into a preview, checked and shown again as typed; nothing is stored. */
  private void tryAnswers(RoutingContext ctx) {
    show(ctx, ctx.request().formAttributes(), QuestionnairePage.saveFromForm(ctx.request().formAttributes()));
  }

  private void show(RoutingContext ctx, MultiMap params, JsonObject save) {
    String id = ctx.pathParam("id");
    String console = ConsolePage.language(ctx);
    s.studies().stored(id).compose(stored -> {
      String panel = panel(stored, params.get("panel"));
      String view = params.get("view");
      boolean asked = stored.study().privacy().consent() != null;
      boolean agreed = AGREED.equals(view) && "yes".equals(params.get("agree"));
      if (asked && (CONSENT.equals(view) || AGREED.equals(view) && !agreed)) {
        return Future.succeededFuture(consent(ctx, stored, panel, lang(stored, params), AGREED.equals(view), console));
      }
      String notice = agreed ? "builder.preview.agreed" : null;
      return s.answers().preview(id, panel, params.get("lang"))
          .map(q -> page(ctx, stored, q, save, null, notice, console))
          .recover(e -> e instanceof Conflict ? Future.succeededFuture(page(ctx, stored, new JsonObject()
              .put("study", id).put("title", stored.study().text(stored.study().title(), lang(stored, params)))
              .put("language", lang(stored, params)).put("languages", new JsonArray(stored.study().languages()))
              .put("panel", panel).putNull("round").put("submitted", false).put("items", new JsonArray()), null,
              stored.study().items().isEmpty() ? "builder.preview.noItems" : "builder.preview.noRound", notice,
              console))
              : Future.failedFuture(e));
    }).compose(page -> views.respond(ctx, page.getInteger("status"), page.getString("template"),
            page.getJsonObject("model")))
        .onFailure(ctx::fail);
  }

  /**
   * The questionnaire's own model, with the preview's bar and its addresses in place of the personal link's.
   *
   * @param cannot why there is no round to show (a bundle key), or null
   * @param notice what the bar says was done (a bundle key), or null
   */
  private JsonObject page(RoutingContext ctx, StudyRepository.Stored stored, JsonObject q, JsonObject save,
      String cannot, String notice, String console) {
    String lang = q.getString("language");
    Invalid invalid = null;
    if (save != null) {
      List<Problem> problems = QuestionnairePage.formProblems(save);
      try {
        if (!problems.isEmpty()) {
          throw new Invalid("some answers could not be accepted", problems);
        }
        AnswerService.check(stored.study(), q.getJsonArray("items").stream()
            .map(i -> ((JsonObject) i).getString("id")).toList(), QuestionnairePage.forApi(save));
      } catch (Invalid e) {
        invalid = e;
      }
    }
    String panel = q.getString("panel");
    JsonObject model = QuestionnairePage.model(q, null, save == null ? null : save.getJsonObject("answers"), invalid,
        null);
    String round = q.getValue("round") == null ? "–" : String.valueOf(q.getValue("round"));
    String done = save != null && invalid == null ? "builder.preview.checked" : notice;
    JsonObject bar = bar(ctx, stored, panel, lang, console, null)
        .put("intro", Views.text(console, "builder.preview.intro", round, Views.languageName(lang)))
        .put("problem", cannot == null ? null : Views.text(console, cannot))
        .put("notice", done == null ? null : Views.text(console, done));
    if (stored.study().privacy().consent() != null) {
      bar.put("consent", new JsonObject().put("note", Views.text(console, "builder.preview.consent"))
          .put("link", Views.text(console, "builder.preview.consentLink"))
          .put("href", address(stored, CONSENT, panel, lang)));
    }
    return new JsonObject().put("status", invalid == null ? 200 : 400).put("template", "questionnaire")
        .put("model", model.put("preview", bar).put("action", bar.getString("href")).putNull("api")
            .put("languageHref", bar.getString("href") + "?panel=" + (panel == null ? "" : panel) + "&"));
  }

  /**
   * The consent page as the study's panelists see it before their first question, its form leading to the
   * questionnaire; with {@code unticked}, as it comes back when its box was not ticked.
   */
  private JsonObject consent(RoutingContext ctx, StudyRepository.Stored stored, String panel, String lang,
      boolean unticked, String console) {
    JsonObject bar = bar(ctx, stored, panel, lang, console, CONSENT)
        .put("intro", Views.text(console, "builder.preview.consentPage"))
        .put("consent", new JsonObject().put("note", "").put("link", Views.text(console, "builder.preview.skipConsent"))
            .put("href", address(stored, null, panel, lang)));
    JsonObject model = RightsPages.consent(stored.study(), lang, null, false,
        unticked ? Views.text(lang, "consent.required") : null);
    return new JsonObject().put("status", unticked ? 400 : 200).put("template", "consent")
        .put("model", model.put("preview", bar).put("languageHref", address(stored, CONSENT, panel, null) + "&"));
  }

  /** The preview's bar: the panel and language chosen, and the way back to the console. */
  private static JsonObject bar(RoutingContext ctx, StudyRepository.Stored stored, String panel, String lang,
      String console, String view) {
    JsonArray panels = new JsonArray();
    stored.study().panels().forEach(p -> panels.add(new JsonObject().put("id", p.id())
        .put("name", stored.study().text(p.name(), console)).put("selected", p.id().equals(panel))));
    JsonArray languages = new JsonArray();
    stored.study().languages().forEach(l -> languages.add(new JsonObject().put("code", l)
        .put("name", Views.languageName(l)).put("selected", l.equals(lang))));
    long missing = stored.missing().stream().filter(p -> p.path().endsWith("." + lang)).count();
    String id = stored.study().id();
    return new JsonObject().put("lang", console).put("csrf", ConsolePage.csrf(ctx))
        .put("panel", panel).put("href", "/console/studies/" + id + "/preview").put("view", view)
        .put("panels", panels).put("languages", languages)
        .put("heading", Views.text(console, "builder.preview.heading"))
        .put("panelLabel", Views.text(console, "builder.preview.panel"))
        .put("languageLabel", Views.text(console, "builder.preview.language"))
        .put("show", Views.text(console, "builder.preview.show"))
        .put("back", "/console/studies/" + id).put("backLabel", Views.text(console, "builder.preview.back"))
        .put("missing", missing == 0 ? null : Views.text(console, "builder.preview.missing", missing));
  }

  /** The preview's address for a view (null: the questionnaire), a panel and a language (null: left to add). */
  private static String address(StudyRepository.Stored stored, String view, String panel, String lang) {
    String href = "/console/studies/" + stored.study().id() + "/preview?" + (view == null ? "" : "view=" + view + "&")
        + "panel=" + (panel == null ? "" : panel);
    return lang == null ? href : href + "&lang=" + lang;
  }

  /** The panel asked for, else the study's first; none when it has none yet. */
  private static String panel(StudyRepository.Stored stored, String asked) {
    List<String> ids = stored.study().panels().stream().map(Panel::id).toList();
    return asked != null && ids.contains(asked) ? asked : ids.isEmpty() ? null : ids.get(0);
  }

  private static String lang(StudyRepository.Stored stored, MultiMap params) {
    String asked = params.get("lang");
    return asked != null && stored.study().languages().contains(asked) ? asked : stored.study().firstLanguage();
  }
}
