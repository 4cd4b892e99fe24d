package org.kenes.web.console;

import static org.kenes.web.Access.Need.ACCOUNT;
import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.kenes.common.Invalid;
import org.kenes.common.KenesException;
import org.kenes.common.Problem;
import org.kenes.participant.Participant;
import org.kenes.services.Services;
import org.kenes.study.Discussion;
import org.kenes.study.Mode;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Views;

/**
 * The study builder's pages of the study as a whole: a new study, its titles and languages, its scale and consensus
 * rule, its rounds. Panels, categories and items are {@link BuilderListRoutes}'s, the privacy terms
 * {@link BuilderPrivacyRoutes}', translations {@link TranslationRoutes}'s.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/new                            any signed-in account
 * POST /console/new                            any signed-in account (it becomes the study's owner)
 * GET  /console/studies/{id}/build             facilitator
 * POST /console/studies/{id}/build             facilitator
 * POST /console/studies/{id}/build/languages   facilitator
 * GET  /console/studies/{id}/build/scale       facilitator
 * POST /console/studies/{id}/build/scale       facilitator
 * GET  /console/studies/{id}/build/rounds      facilitator
 * POST /console/studies/{id}/build/rounds      facilitator
 * </pre>
 */
final class BuilderRoutes {

  private static final List<String> RULES = List.of("percent", "median-iqr", "rand-ucla");
  private static final List<String> CARRY = List.of("no-consensus", "all-rating", "all");
  private static final List<String> QUANTILES = List.of("R_1", "R_2", "R_3", "R_4", "R_5", "R_6", "R_7", "R_8", "R_9");

  private final Services s;
  private final ConsolePage page;
  private final BuilderPage builder;
  private final Audited audited;

  private BuilderRoutes(Services services, ConsolePage page, BuilderPage builder, Audited audited) {
    this.s = services;
    this.page = page;
    this.builder = builder;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Audited audited, Access access) {
    BuilderPage builder = new BuilderPage(services, page, audited);
    BuilderRoutes r = new BuilderRoutes(services, page, builder, audited);
    access.need(ACCOUNT, router.get("/console/new")).handler(r::newStudy);
    access.need(ACCOUNT, router.post("/console/new")).handler(r::create);
    access.need(FACILITATOR, router.get("/console/studies/:id/build")).handler(ctx -> builder.get(ctx, r::general));
    access.need(FACILITATOR, router.post("/console/studies/:id/build")).handler(ctx -> builder.save(ctx, "general",
        BuilderPage.fields(ctx, List.of("title.", "description.", "askReasonOnChange")),
        BuilderPage.href(ctx.pathParam("id"), "general") + "?done=saved", r::general));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/languages")).handler(r::languages);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/scale")).handler(ctx -> builder.get(ctx, r::scale));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/scale")).handler(ctx -> builder.save(ctx, "scale",
        BuilderPage.fields(ctx, List.of("scale.", "consensus.", "rounds.stableBelowPct")),
        BuilderPage.href(ctx.pathParam("id"), "scale") + "?done=saved", r::scale));
    access.need(FACILITATOR, router.get("/console/studies/:id/build/rounds"))
        .handler(ctx -> builder.get(ctx, r::rounds));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/rounds"))
        .handler(ctx -> builder.save(ctx, "rounds",
        BuilderPage.fields(ctx, List.of("rounds.max", "rounds.carryForward", "rounds.opensAt", "discussion", "mode")),
        BuilderPage.href(ctx.pathParam("id"), "rounds") + "?done=saved", r::rounds));
    BuilderListRoutes.mount(router, services, builder, access);
    BuilderPrivacyRoutes.mount(router, builder, access);
    BuilderReportingRoutes.mount(router, builder, access);
    BuilderAttributeRoutes.mount(router, builder, access);
    TranslationRoutes.mount(router, services, builder, access);
  }

  // --- a new study: its id, its languages and its title; everything else has its default or comes later ---

  private void newStudy(RoutingContext ctx) {
    newForm(ctx, 200, new JsonObject().put("languages", "ru, en"), null).onFailure(ctx::fail);
  }

  private Future<Void> newForm(RoutingContext ctx, int status, JsonObject typed, Throwable failure) {
    String lang = ConsolePage.language(ctx);
    List<Problem> problems = failure instanceof KenesException k ? k.problems() : List.of();
    String languages = typed.getString("languages", "");
    JsonObject tree = new JsonObject().put("id", typed.getString("id")).put("title", typed.getString("title"));
    BuilderFields f = new BuilderFields(tree, problems.stream()
        .map(p -> p.path().startsWith("languages") ? p.at("languages") : p.path().startsWith("title") ? p.at("title")
            : p).toList(), lang, "");
    JsonArray fields = new JsonArray()
        .add(f.input("id", Views.text(lang, "builder.field.id"), Views.text(lang, "builder.hint.id"), "text"))
        .add(f.input("languages", Views.text(lang, "builder.field.languages"), Views.text(lang,
            "builder.hint.languages"), "text").put("value", languages))
        .add(f.input("title", Views.text(lang, "builder.field.newTitle"), Views.text(lang, "builder.hint.newTitle"),
            "text"));
    JsonObject model = ConsolePage.model(ctx, Views.text(lang, "builder.title.new")).put("fields", fields);
    if (failure != null) {
      model.put("refused", new JsonObject().put("message", problems.isEmpty() ? failure.getMessage()
          : Views.text(lang, "builder.refused", problems.size())).put("problems", f.summary()));
    }
    return page.render(ctx, status, "new", model);
  }

  /** A new study stored as soon as it has no problem: its id, languages and title, the rest as the defaults. */
  private void create(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String id = form.get("id") == null ? "" : form.get("id").strip();
    List<String> languages = new ArrayList<>();
    for (String code : (form.get("languages") == null ? "" : form.get("languages")).split("[,;\\s]+")) {
      if (!code.isBlank()) {
        languages.add(code.strip());
      }
    }
    JsonObject tree = new JsonObject().put("id", id).put("languages", new JsonArray(languages));
    String title = form.get("title") == null ? "" : form.get("title").strip();
    if (!languages.isEmpty() && !title.isEmpty()) {
      tree.put("title", new JsonObject().put(languages.get(0), title));
    }
    JsonObject typed = new JsonObject().put("id", id).put("languages", form.get("languages")).put("title", title);
    // A new study is named from the start: without a title it would stand untitled in every list meanwhile.
    Future<Study> created = title.isEmpty()
        ? s.studies().problems(tree).compose(problems -> {
          List<Problem> all = new ArrayList<>(problems);
          all.add(Problem.worded("title", "problem.missing"));
          return Future.failedFuture(new Invalid(all));
        })
        : s.studies().createDraft(tree);
    created.compose(study -> s.roles().creator(study.id(), FacilitatorAuth.actor(ctx)).map(study))
        .compose(study -> audited.on(ctx, study.id(), "study.created", (Study st) -> "builder").apply(study))
        .onSuccess(study -> ConsolePage.redirect(ctx, BuilderPage.href(study.id(), "general") + "?done=built"))
        .onFailure(e -> {
          if (e instanceof KenesException k) {
            newForm(ctx, k.status(), typed, e).onFailure(ctx::fail);
          } else {
            ctx.fail(e);
          }
        });
  }

  // --- general: titles, description, whether reasons are asked; the languages ---

  private Future<Void> general(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = fields(ctx, draft, tree, failure);
    String lang = f.lang();
    List<String> languages = StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
    JsonArray texts = new JsonArray();
    for (String l : languages) {
      texts.add(f.text("title." + l, Views.text(lang, "builder.field.title", Views.languageName(l)), l, false));
    }
    for (String l : languages) {
      texts.add(f.text("description." + l, Views.text(lang, "builder.field.description", Views.languageName(l)), l,
          true));
    }
    texts.add(f.checkbox("askReasonOnChange", Views.text(lang, "builder.field.askReasonOnChange"),
        Views.text(lang, "builder.hint.askReasonOnChange"), true));
    JsonArray rows = new JsonArray();
    for (int i = 0; i < languages.size(); i++) {
      rows.add(new JsonObject().put("code", languages.get(i)).put("name", Views.languageName(languages.get(i)))
          .put("first", i == 0).put("only", languages.size() == 1));
    }
    JsonObject add = f.input("languages[" + languages.size() + "]", Views.text(lang, "builder.field.addLanguage"),
        Views.text(lang, "builder.hint.addLanguage"), "text").put("name", "language").put("value", "");
    String languagesProblem = f.problemAt("languages");
    return builder.render(ctx, status, "build", builder.model(ctx, draft, "general", f, failure)
        .put("texts", texts).put("languages", rows).put("addLanguage", add).put("languagesProblem", languagesProblem)
        .put("id", draft.id()));
  }

  /** Adds a language, removes one (with its texts; not while a participant answers in it) or makes one the first. */
  private void languages(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String action = form.get("action");
    String code = form.get("language") == null ? "" : form.get("language").strip();
    String id = ctx.pathParam("id");
    s.participants().list(id).onFailure(ctx::fail).onSuccess(people -> builder.save(ctx, "languages", tree -> {
      JsonArray languages = StudyTree.list(tree, "languages");
      int at = languages.getList().indexOf(code);
      if ("add".equals(action)) {
        languages.add(code);
      } else if ("first".equals(action) && at > 0) {
        languages.remove(at);
        languages.getList().add(0, code);
      } else if ("remove".equals(action) && at >= 0) {
        long speakers = people.stream().map(Participant::language).filter(code::equals).count();
        if (languages.size() == 1) {
          throw new Invalid(List.of(Problem.worded("languages", "problem.language.last")));
        }
        if (speakers > 0) {
          throw new Invalid(List.of(Problem.worded("languages", "problem.language.inUse", code, speakers)));
        }
        languages.remove(at);
        StudyTree.texts(tree).forEach(t -> t.values().remove(code));
      }
      return BuilderForms.tidy(tree);
    }, BuilderPage.href(id, "general") + "?done=saved", this::general));
  }

  // --- the scale and the consensus rule, on one page as the one depends on the other ---

  private Future<Void> scale(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = fields(ctx, draft, tree, failure);
    String lang = f.lang();
    JsonArray scale = new JsonArray()
        .add(f.input("scale.min", t(lang, "scale.min"), h(lang, "scale.min"), "number"))
        .add(f.input("scale.max", t(lang, "scale.max"), h(lang, "scale.max"), "number"))
        .add(f.checkbox("scale.allowUnable", t(lang, "scale.allowUnable"), h(lang, "scale.allowUnable"), true));
    JsonArray labels = new JsonArray();
    List<String> languages = StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
    for (String point : labelledPoints(tree)) {
      JsonArray texts = new JsonArray();
      for (String l : languages) {
        texts.add(f.text("scale.labels." + point + "." + l, Views.text(lang, "builder.field.label", point,
            Views.languageName(l)), l, false));
      }
      labels.add(new JsonObject().put("point", point).put("texts", texts));
    }
    JsonArray consensus = new JsonArray()
        .add(f.select("consensus.rule", t(lang, "consensus.rule"), h(lang, "consensus.rule"), RULES,
            "builder.rule."))
        .add(f.input("consensus.agree[0]", t(lang, "consensus.agree0"), h(lang, "consensus.agree"), "number"))
        .add(f.input("consensus.agree[1]", t(lang, "consensus.agree1"), null, "number"))
        .add(f.input("consensus.disagree[0]", t(lang, "consensus.disagree0"), h(lang, "consensus.disagree"), "number"))
        .add(f.input("consensus.disagree[1]", t(lang, "consensus.disagree1"), null, "number"))
        .add(f.input("consensus.inAgreeAtLeast", t(lang, "consensus.inAgreeAtLeast"),
            h(lang, "consensus.inAgreeAtLeast"), "text"))
        .add(f.input("consensus.inDisagreeBelow", t(lang, "consensus.inDisagreeBelow"),
            h(lang, "consensus.inDisagreeBelow"), "text"))
        .add(f.input("consensus.maxIqr", t(lang, "consensus.maxIqr"), h(lang, "consensus.maxIqr"), "text"))
        .add(f.input("consensus.minResponses", t(lang, "consensus.minResponses"), h(lang, "consensus.minResponses"),
            "number"))
        .add(f.checkbox("consensus.perPanel", t(lang, "consensus.perPanel"), h(lang, "consensus.perPanel"), false))
        .add(f.input("consensus.minCell", t(lang, "consensus.minCell"), h(lang, "consensus.minCell"), "number"))
        .add(f.select("consensus.quantiles", t(lang, "consensus.quantiles"), h(lang, "consensus.quantiles"),
            QUANTILES, "builder.quantiles."))
        .add(f.input("rounds.stableBelowPct", t(lang, "rounds.stableBelowPct"), h(lang, "rounds.stableBelowPct"),
            "text"));
    String overall = f.problemAt("scale");
    String bands = f.problemAt("consensus");
    return builder.render(ctx, status, "build-scale", builder.model(ctx, draft, "scale", f, failure)
        .put("scale", scale).put("labels", labels).put("consensus", consensus).put("scaleProblem", overall)
        .put("consensusProblem", bands));
  }

  /**
   * The points that get label fields: every point of a scale of up to eleven, else its ends, its middle and the points
   * labelled already; points labelled outside the scale too, so that the reader's problem shows at them.
   */
  private static List<String> labelledPoints(JsonObject tree) {
    TreeSet<Integer> points = new TreeSet<>();
    Object min = StudyTree.get(tree, "scale.min");
    Object max = StudyTree.get(tree, "scale.max");
    if (min instanceof Integer lo && max instanceof Integer hi && hi >= lo && hi - lo <= 100) {
      if (hi - lo <= 10) {
        for (int p = lo; p <= hi; p++) {
          points.add(p);
        }
      } else {
        points.addAll(List.of(lo, (lo + hi) / 2, hi));
      }
    }
    if (StudyTree.get(tree, "scale.labels") instanceof JsonObject labels) {
      labels.fieldNames().forEach(p -> {
        try {
          points.add(Integer.parseInt(p));
        } catch (NumberFormatException e) {
          // A key that is no point is the reader's to refuse; the form cannot draw it.
        }
      });
    }
    return points.stream().map(String::valueOf).toList();
  }

  // --- rounds: how many, what is asked again, when the next one opens by itself ---

  private Future<Void> rounds(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = fields(ctx, draft, tree, failure);
    String lang = f.lang();
    JsonArray rounds = new JsonArray()
        .add(f.input("rounds.max", t(lang, "rounds.max"), h(lang, "rounds.max"), "number"))
        .add(f.select("rounds.carryForward", t(lang, "rounds.carryForward"), h(lang, "rounds.carryForward"), CARRY,
            "builder.carry."))
        .add(f.input("rounds.opensAt", t(lang, "rounds.opensAt"), h(lang, "rounds.opensAt"), "datetime-local"))
        .add(f.select("discussion", t(lang, "discussion"), h(lang, "discussion"), Discussion.keys(),
            "builder.discussion."))
        .add(f.select("mode", t(lang, "mode"), h(lang, "mode"), Mode.keys(), "builder.mode."));
    return builder.render(ctx, status, "build-rounds", builder.model(ctx, draft, "rounds", f, failure)
        .put("rounds", rounds).put("roundsProblem", f.problemAt("rounds")));
  }

  static BuilderFields fields(RoutingContext ctx, BuilderPage.Draft draft, JsonObject tree, Throwable failure) {
    List<Problem> problems = failure instanceof KenesException k ? k.problems() : List.of();
    return new BuilderFields(tree, problems, ConsolePage.language(ctx), draft.id());
  }

  private static String t(String lang, String field) {
    return Views.text(lang, "builder.field." + field);
  }

  private static String h(String lang, String field) {
    return Views.text(lang, "builder.hint." + field);
  }
}
