package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.kenes.common.Conflict;
import org.kenes.study.Attribute;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The study builder's participant attributes (who the panel was: sector, region, years of experience…): each with its
 * name in every language, a choice with its options or a number with its bounds, asked as required or not; saved,
 * moved, removed and added, one plain form each. Like the questions, they are fixed once round 1 has opened.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/build/attributes  facilitator
 * POST /console/studies/{id}/build/attributes  facilitator
 * </pre>
 */
final class BuilderAttributeRoutes {

  private static final String LIST = "attributes";
  private static final List<String> TYPES = Arrays.stream(Attribute.Type.values()).map(Attribute.Type::key).toList();
  /** Option rows: a choice's options and some empty rows to add more; saved, the form offers more. */
  private static final int SPARE_OPTIONS = 3;

  private final BuilderPage builder;

  private BuilderAttributeRoutes(BuilderPage builder) {
    this.builder = builder;
  }

  static void mount(Router router, BuilderPage builder, Access access) {
    BuilderAttributeRoutes r = new BuilderAttributeRoutes(builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/attributes"))
        .handler(ctx -> builder.get(ctx, r::page));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/attributes")).handler(r::change);
  }

  private Future<Void> page(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    List<String> languages = StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
    JsonArray elements = tree.getValue(LIST) instanceof JsonArray a ? a : new JsonArray();
    JsonArray rows = new JsonArray();
    for (int i = 0; i < elements.size(); i++) {
      String at = LIST + "[" + i + "]";
      String id = StudyTree.get(tree, at + ".id") instanceof String x ? x : "";
      rows.add(new JsonObject().put("index", i).put("id", id).put("first", i == 0)
          .put("last", i == elements.size() - 1).put("fields", fields(f, at, languages, id))
          .put("options", options(f, tree, at, languages)).put("problem", f.problemAt(at))
          .put("optionsProblem", f.problemAt(at + ".options")).put("anchor", BuilderFields.id(at))
          .put("up", Views.text(lang, "builder.action.up", id)).put("down", Views.text(lang, "builder.action.down", id))
          .put("remove", Views.text(lang, "builder.action.remove", id))
          .put("save", Views.text(lang, "builder.action.saveNamed", id)));
    }
    String next = LIST + "[" + elements.size() + "]";
    JsonArray add = new JsonArray().add(f.input(next + ".id", Views.text(lang, "builder.field.newId.attributes"),
        Views.text(lang, "builder.hint.id"), "text"));
    add.addAll(fields(f, next, languages, null));
    JsonObject model = new JsonObject().put("rows", rows).put("addIndex", elements.size()).put("add", add)
        .put("addOptions", options(f, tree, next, languages)).put("addOptionsProblem", f.problemAt(next + ".options"))
        .put("listProblem", f.problemAt(LIST));
    // The page's model last: its list of problems links to the fields just made.
    return builder.render(ctx, status, "build-attributes", builder.model(ctx, draft, LIST, f, failure)
        .mergeIn(model));
  }

  /** An attribute's name in each language, its type, whether it is required, and a number's bounds. */
  private static JsonArray fields(BuilderFields f, String at, List<String> languages, String id) {
    String lang = f.lang();
    JsonArray out = new JsonArray();
    for (String l : languages) {
      String label = id == null ? Views.text(lang, "builder.field.name", Views.languageName(l))
          : Views.text(lang, "builder.field.nameOf", id, Views.languageName(l));
      out.add(f.text(at + ".name." + l, label, l, false));
    }
    return out.add(f.select(at + ".type", Views.text(lang, "builder.field.attributeType"),
            Views.text(lang, "builder.hint.attributeType"), TYPES, "builder.attributeType."))
        .add(f.checkbox(at + ".required", Views.text(lang, "builder.field.required"),
            Views.text(lang, "builder.hint.required"), false))
        .add(f.input(at + ".min", Views.text(lang, "builder.field.attributeMin"), null, "number"))
        .add(f.input(at + ".max", Views.text(lang, "builder.field.attributeMax"), null, "number"));
  }

  /** A choice's option rows (id and text in each language), with empty rows to add more. */
  private static JsonArray options(BuilderFields f, JsonObject tree, String at, List<String> languages) {
    String lang = f.lang();
    JsonArray existing = StudyTree.get(tree, at + ".options") instanceof JsonArray o ? o : new JsonArray();
    JsonArray options = new JsonArray();
    for (int j = 0; j < existing.size() + SPARE_OPTIONS; j++) {
      String option = at + ".options[" + j + "]";
      JsonArray cells = new JsonArray().add(f.input(option + ".id", Views.text(lang, "builder.field.optionId", j + 1),
          null, "text"));
      for (String l : languages) {
        cells.add(f.text(option + ".text." + l, Views.text(lang, "builder.field.optionText", j + 1,
            Views.languageName(l)), l, false));
      }
      options.add(new JsonObject().put("n", j + 1).put("cells", cells).put("problem", f.problemAt(option)));
    }
    return options;
  }

  /** One attribute's action ({@code index}, {@code action}): saved, moved up or down, removed; or one added. */
  private void change(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String action = form.get("action") == null ? "save" : form.get("action");
    int index = BuilderListRoutes.index(form.get("index"));
    String at = LIST + "[" + index + "]";
    Function<JsonObject, JsonObject> change = switch (action) {
      case "up", "down" -> tree -> {
        StudyTree.move(StudyTree.list(tree, LIST), index, "up".equals(action) ? -1 : 1);
        return tree;
      };
      case "remove" -> tree -> {
        JsonArray all = StudyTree.list(tree, LIST);
        if (index >= 0 && index < all.size()) {
          all.remove(index);
        }
        return BuilderForms.tidy(tree);
      };
      case "add" -> tree -> {
        if (index != StudyTree.list(tree, LIST).size()) {
          throw new Conflict("the attributes changed meanwhile");
        }
        return BuilderPage.fields(ctx, List.of(at + ".id", at + ".name.", at + ".type", at + ".required",
            at + ".min", at + ".max", at + ".options[")).apply(tree);
      };
      default -> tree -> {
        // The option rows replace the stored options: a row emptied is an option removed.
        StudyTree.set(tree, at + ".options", null);
        StudyTree.set(tree, at + ".min", null);
        StudyTree.set(tree, at + ".max", null);
        return BuilderPage.fields(ctx, List.of(at + ".name.", at + ".type", at + ".required", at + ".min",
            at + ".max", at + ".options[")).apply(tree);
      };
    };
    builder.save(ctx, LIST, change, BuilderPage.href(ctx.pathParam("id"), LIST) + "?done=saved#" + LIST,
        this::page);
  }
}
