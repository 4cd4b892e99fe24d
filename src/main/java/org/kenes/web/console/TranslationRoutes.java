package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.mail.MailService;
import org.kenes.mail.MessageText;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The translation view: every text of a study (title, description, consent text, scale labels, panels, categories,
 * items, options, and the messages) side by side in its languages, the missing ones marked, all filled in with one
 * form. Round 1 opens only once no text of the study is missing; after that, only the consent text and the messages
 * can still change here, and the other texts are shown as they are.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/translations      facilitator
 * POST /console/studies/{id}/translations      facilitator
 * </pre>
 */
final class TranslationRoutes {

  private static final List<String> MAIL_FIELDS = List.of("subject", "body");

  private final Services s;
  private final BuilderPage builder;

  private TranslationRoutes(Services services, BuilderPage builder) {
    this.s = services;
    this.builder = builder;
  }

  static void mount(Router router, Services services, BuilderPage builder, Access access) {
    TranslationRoutes r = new TranslationRoutes(services, builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/translations")).handler(ctx -> builder.get(ctx, r::page));
    access.need(FACILITATOR, router.post("/console/studies/:id/translations")).handler(r::save);
  }

  private Future<Void> page(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    return s.mail().texts(draft.id()).compose(mail -> show(ctx, status, draft, tree, failure, mail,
        failure == null ? null : ctx.request().formAttributes()));
  }

  private Future<Void> show(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure, List<MessageText> mail, MultiMap typed) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    List<String> languages = StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
    boolean onlyMissing = "1".equals(ctx.queryParams().get("missing"));
    int[] missing = new int[languages.size()];
    JsonArray rows = new JsonArray();
    for (StudyTree.TextAt text : StudyTree.texts(tree)) {
      JsonArray cells = new JsonArray();
      boolean any = false;
      for (int k = 0; k < languages.size(); k++) {
        String l = languages.get(k);
        boolean gap = text.missing(l);
        any |= gap;
        missing[k] += gap ? 1 : 0;
        cells.add(f.text(text.path() + "." + l, f.label(text.path() + "." + l), l, longText(text.path()))
            .put("missing", gap).put("locked", draft.begun() && !BuilderPrivacyRoutes.FIELDS.contains(text.path())));
      }
      if (any || !onlyMissing) {
        rows.add(new JsonObject().put("label", f.label(text.path())).put("cells", cells));
      }
    }
    for (String kind : MessageText.KINDS) {
      for (String field : MAIL_FIELDS) {
        JsonArray cells = new JsonArray();
        boolean any = false;
        for (int k = 0; k < languages.size(); k++) {
          String l = languages.get(k);
          MessageText text = mail.stream().filter(t -> t.kind().equals(kind) && t.language().equals(l)).findFirst()
              .orElse(MessageText.standard(kind, l));
          boolean gap = !text.edited() && !MessageText.ownTexts(l);
          any |= gap;
          missing[k] += gap ? 1 : 0;
          String name = mailPath(kind, field, l);
          String value = typed != null && typed.get(name) != null ? typed.get(name)
              : "subject".equals(field) ? text.subject() : text.body();
          String label = Views.text(lang, "builder.mail." + kind + "." + field) + " › " + Views.languageName(l);
          JsonObject cell = f.text(name, label, l, "body".equals(field)).put("value", value).put("missing", gap);
          cells.add(cell);
        }
        if (any || !onlyMissing) {
          rows.add(new JsonObject().put("label", Views.text(lang, "builder.mail." + kind + "." + field))
              .put("cells", cells));
        }
      }
    }
    JsonArray columns = new JsonArray();
    for (int k = 0; k < languages.size(); k++) {
      columns.add(new JsonObject().put("name", Views.languageName(languages.get(k))).put("code", languages.get(k))
          .put("missing", missing[k]));
    }
    return builder.render(ctx, status, "translations", builder.model(ctx, draft, "translations", f, failure)
        .put("columns", columns).put("rows", rows).put("onlyMissing", onlyMissing)
        .put("allHref", BuilderPage.href(draft.id(), "translations"))
        .put("missingHref", BuilderPage.href(draft.id(), "translations") + "?missing=1"));
  }

  /** Items' texts, the description and the consent text are long; titles, names, labels and options fit a line. */
  private static boolean longText(String path) {
    return path.equals("description") || path.equals("consent") || path.matches("items\\[\\d+]\\.text");
  }

  private static String mailPath(String kind, String field, String language) {
    return "mail." + kind + "." + field + "." + language;
  }

  /**
   * Every text of the form: the study's into its definition, read as a whole by the study reader; the messages' each
   * checked as the mail page checks them, and kept where they differ from what is in force. With a problem anywhere,
   * nothing is stored.
   */
  private void save(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap form = ctx.request().formAttributes();
    Future.all(s.studies().get(id), s.mail().texts(id)).onFailure(ctx::fail).onSuccess(all -> {
      Study study = all.resultAt(0);
      List<MessageText> current = all.resultAt(1);
      List<MessageText> changed = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      for (MessageText text : current) {
        String subject = form.get(mailPath(text.kind(), "subject", text.language()));
        String typed = form.get(mailPath(text.kind(), "body", text.language()));
        // A browser sends a textarea's line breaks as CR LF: a text as it was is no change.
        String body = typed == null ? null : typed.replace("\r\n", "\n");
        if (subject == null || body == null || subject.strip().equals(text.subject().strip())
            && body.strip().equals(text.body().strip())) {
          continue;
        }
        MailService.check(study, text.kind(), text.language(), subject, body).forEach(p -> problems.add(
            p.at(mailPath(text.kind(), p.path(), text.language()))));
        changed.add(new MessageText(text.kind(), text.language(), subject, body, true));
      }
      builder.save(ctx, "translations", tree -> {
        if (!problems.isEmpty()) {
          BuilderForms.applyTexts(tree, form);
          throw new Invalid(problems);
        }
        return BuilderForms.applyTexts(tree, form);
      }, () -> Future.all(changed.stream().map(t -> s.mail().saveText(id, t.kind(), t.language(), t.subject(),
              t.body())).toList()).mapEmpty(),
          BuilderPage.href(id, "translations") + "?done=saved", (c, status, draft, tree, failure) ->
              show(c, status, draft, tree, failure, current, form));
    });
  }
}
