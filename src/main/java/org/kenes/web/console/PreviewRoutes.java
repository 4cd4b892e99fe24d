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
import org.kenes.Services;
import org.kenes.answer.AnswerService;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.study.Panel;
import org.kenes.study.StudyRepository;
import org.kenes.web.Access;
import org.kenes.web.Views;
import org.kenes.web.panelist.QuestionnairePage;

/**
 * "Preview as a panelist": the questionnaire page itself, drawn by the questionnaire's own view for a panel and a
 * language chosen, for the open round or the one that would open next, with the feedback of the last closed round.
 * Answers can be tried: they are checked as a save would check them, and nothing is stored.
 *
 * <pre>
 * route                                     role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/preview        reader
 * POST /console/studies/{id}/preview        facilitator (answers tried; nothing is stored)
 * </pre>
 */
final class PreviewRoutes {

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
      return s.answers().preview(id, panel, params.get("lang"))
          .map(q -> page(ctx, stored, q, save, null, console))
          .recover(e -> e instanceof Conflict ? Future.succeededFuture(page(ctx, stored, new JsonObject()
              .put("study", id).put("title", stored.study().text(stored.study().title(), lang(stored, params)))
              .put("language", lang(stored, params)).put("languages", new JsonArray(stored.study().languages()))
              .put("panel", panel).putNull("round").put("submitted", false).put("items", new JsonArray()), null,
              stored.study().items().isEmpty() ? "builder.preview.noItems" : "builder.preview.noRound", console))
              : Future.failedFuture(e));
    }).compose(page -> views.respond(ctx, page.getInteger("status"), "questionnaire", page.getJsonObject("model")))
        .onFailure(ctx::fail);
  }

  /** The questionnaire's own model, with the preview's bar and its addresses in place of the personal link's. */
  /** @param cannot why there is no round to show (a bundle key), or null */
  private JsonObject page(RoutingContext ctx, StudyRepository.Stored stored, JsonObject q, JsonObject save,
      String cannot, String console) {
    String id = stored.study().id();
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
    String href = "/console/studies/" + id + "/preview";
    JsonArray panels = new JsonArray();
    stored.study().panels().forEach(p -> panels.add(new JsonObject().put("id", p.id())
        .put("name", stored.study().text(p.name(), console)).put("selected", p.id().equals(panel))));
    JsonArray languages = new JsonArray();
    stored.study().languages().forEach(l -> languages.add(new JsonObject().put("code", l)
        .put("name", Views.languageName(l)).put("selected", l.equals(lang))));
    long missing = stored.missing().stream().filter(p -> p.path().endsWith("." + lang)).count();
    String round = q.getValue("round") == null ? "–" : String.valueOf(q.getValue("round"));
    JsonObject bar = new JsonObject().put("lang", console).put("csrf", ConsolePage.csrf(ctx))
        .put("panel", panel).put("href", href).put("panels", panels).put("languages", languages)
        .put("heading", Views.text(console, "builder.preview.heading"))
        .put("intro", Views.text(console, "builder.preview.intro", round, Views.languageName(lang)))
        .put("panelLabel", Views.text(console, "builder.preview.panel"))
        .put("languageLabel", Views.text(console, "builder.preview.language"))
        .put("show", Views.text(console, "builder.preview.show"))
        .put("back", "/console/studies/" + id).put("backLabel", Views.text(console, "builder.preview.back"))
        .put("missing", missing == 0 ? null : Views.text(console, "builder.preview.missing", missing))
        .put("problem", cannot == null ? null : Views.text(console, cannot))
        .put("notice", save != null && invalid == null ? Views.text(console, "builder.preview.checked") : null);
    return new JsonObject().put("status", invalid == null ? 200 : 400).put("model", model.put("preview", bar)
        .put("action", href).putNull("api")
        .put("languageHref", href + "?panel=" + (panel == null ? "" : panel) + "&"));
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
