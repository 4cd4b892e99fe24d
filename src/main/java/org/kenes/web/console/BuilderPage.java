package org.kenes.web.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kenes.common.Conflict;
import org.kenes.common.KenesException;
import org.kenes.common.Problem;
import org.kenes.services.Services;
import org.kenes.study.StudyFormat;
import org.kenes.study.StudyRepository;
import org.kenes.web.Audited;
import org.kenes.web.Views;

/**
 * What the builder's pages share: the study as stored (and whether its rounds have begun), the builder's own menu,
 * and the one way a builder form is saved.
 *
 * <p>How a study is built over several pages without keeping an invalid draft anywhere: each form changes one part of
 * the stored definition, and the whole study is read by the study reader before anything is stored. A refused form
 * comes back at once as typed, with each problem at its field, and nothing is stored; so there is never a half-valid
 * state to keep between pages, nor an unsaved draft to forget or to reconcile with a colleague's changes. What makes a
 * study only incomplete (texts not yet written in one of its languages, no panel or no item yet) does not refuse a
 * form: a facilitator builds in Russian first, or imports the items later, and round 1 waits until nothing is missing.
 * That is the natural order of work of a facilitator, and every page shows what is still missing.
 */
final class BuilderPage {

  /** The builder's pages, in the order a study is built. */
  static final List<String> SECTIONS = List.of("general", "scale", "rounds", "panels", "items", "privacy",
      "translations");

  /** What each page says once the rounds have begun: the pages where something can still change say what. */
  private static final Map<String, String> BEGUN_NOTICES = Map.of("privacy", "builder.privacy.begun",
      "translations", "builder.translations.begun");

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  BuilderPage(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  /** The audit of the builder's changes, for those stored by other means than {@link #save} (an import). */
  Audited audited() {
    return audited;
  }

  /** A study as the builder starts from it. */
  record Draft(StudyRepository.Stored stored, boolean begun) {

    String id() {
      return stored.study().id();
    }

    /** The stored definition as the tree its forms change; a new copy each time, every list of it changeable. */
    JsonObject tree() {
      return StudyFormat.toJson(stored.study()).copy();
    }
  }

  /** Shows a builder page: the tree to draw, and the failure that refused a form (null for none). */
  interface View {
    Future<Void> show(RoutingContext ctx, int status, Draft draft, JsonObject tree, Throwable failure);
  }

  Future<Draft> load(String id) {
    return Future.all(s.studies().stored(id), s.rounds().list(id))
        .map(all -> new Draft(all.resultAt(0), !all.<List<?>>resultAt(1).isEmpty()));
  }

  /** Answers a builder page from the stored study. */
  void get(RoutingContext ctx, View view) {
    load(ctx.pathParam("id")).compose(draft -> view.show(ctx, 200, draft, draft.tree(), null)).onFailure(ctx::fail);
  }

  /**
   * A builder form's post: {@code change} makes the new tree from the stored one (it may refuse with
   * {@link KenesException}), the study service reads and stores it if the stored study is still the one the form was
   * made from (its {@code hash}), and the browser goes to {@code location}; else the page again, as typed.
   */
  void save(RoutingContext ctx, String part, Function<JsonObject, JsonObject> change, String location, View view) {
    save(ctx, part, change, () -> Future.succeededFuture(), location, view);
  }

  /** The same, with {@code also} done once the definition is stored (what lives beside it, such as mail texts). */
  void save(RoutingContext ctx, String part, Function<JsonObject, JsonObject> change, Supplier<Future<Void>> also,
      String location, View view) {
    String id = ctx.pathParam("id");
    String hash = ctx.request().getFormAttribute("hash");
    load(id).compose(draft -> {
      JsonObject typed = draft.tree();
      Future<?> saved;
      try {
        typed = change.apply(typed);
        saved = s.studies().saveDraft(id, typed, hash).compose(audited.by(ctx, "study.built", st -> part))
            .compose(st -> also.get());
      } catch (KenesException e) {
        saved = Future.failedFuture(e);
      }
      JsonObject shown = typed;
      return saved.<Void>map(v -> {
        ConsolePage.redirect(ctx, location);
        return null;
      }).recover(e -> e instanceof KenesException k
          ? view.show(ctx, k.status(), draft, shown, e) : Future.failedFuture(e));
    }).onFailure(ctx::fail);
  }

  /** The form's fields whose paths start with {@code prefixes}, set in the tree. */
  static Function<JsonObject, JsonObject> fields(RoutingContext ctx, List<String> prefixes) {
    MultiMap form = ctx.request().formAttributes();
    return tree -> BuilderForms.apply(tree, form, prefixes);
  }

  /** The base model of a builder page. */
  JsonObject model(RoutingContext ctx, Draft draft, String section, BuilderFields fields, Throwable failure) {
    String lang = fields.lang();
    JsonArray nav = new JsonArray();
    for (String key : SECTIONS) {
      nav.add(new JsonObject().put("href", href(draft.id(), key)).put("label", Views.text(lang, "builder.nav." + key))
          .put("current", key.equals(section)));
    }
    JsonObject model = ConsolePage.model(ctx, draft.stored().study(), Views.text(lang, "builder.title." + section),
            "build")
        .put("builder", new JsonObject().put("nav", nav).put("hash", draft.stored().hash()).put("begun", draft.begun())
            .put("begunNotice", Views.text(lang, BEGUN_NOTICES.getOrDefault(section, "builder.begun")))
            .put("missing", draft.stored().missing().size()).put("missingList", missing(draft, lang))
            .put("yaml", "/api/studies/" + draft.id() + "/study.yaml")
            .put("advanced", "/console/studies/" + draft.id() + "/edit")
            .put("preview", "/console/studies/" + draft.id() + "/preview"));
    if (failure != null) {
      List<Problem> problems = failure instanceof KenesException k ? k.problems() : List.of();
      model.put("refused", new JsonObject()
          .put("message", problems.isEmpty() ? refusal(failure, draft, ctx.request().getFormAttribute("hash"), lang)
              : Views.text(lang, "builder.refused", problems.size()))
          .put("problems", fields.summary()));
    }
    return model;
  }

  /** What the stored study still lacks before round 1, each linked to the page where it is filled in. */
  private static JsonArray missing(Draft draft, String lang) {
    BuilderFields labels = new BuilderFields(draft.tree(), List.of(), lang, draft.id());
    JsonArray list = new JsonArray();
    for (Problem p : draft.stored().missing()) {
      boolean text = !p.path().equals("panels") && !p.path().equals("items");
      list.add(new JsonObject().put("label", labels.label(p.path())).put("message", p.message(lang))
          .put("href", text ? href(draft.id(), "translations") + "?missing=1" : labels.page(p.path())));
    }
    return list;
  }

  /**
   * Why a form was refused, when no field says it: a study changed since the form was drawn ({@code hash}), or whose
   * rounds have begun (the privacy terms and messages aside, which a form may still change then).
   */
  private static String refusal(Throwable failure, Draft draft, String hash, String lang) {
    if (failure instanceof Conflict) {
      boolean stale = hash != null && !hash.equals(draft.stored().hash());
      return Views.text(lang, draft.begun() && !stale ? "builder.begun" : "builder.changedMeanwhile");
    }
    return failure.getMessage();
  }

  static String href(String id, String section) {
    return switch (section) {
      case "general" -> "/console/studies/" + id + "/build";
      case "translations" -> "/console/studies/" + id + "/translations";
      default -> "/console/studies/" + id + "/build/" + section;
    };
  }

  Future<Void> render(RoutingContext ctx, int status, String template, JsonObject model) {
    return page.render(ctx, status, template, model);
  }
}
