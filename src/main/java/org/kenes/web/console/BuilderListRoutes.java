package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.participant.Participant;
import org.kenes.services.Services;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The study builder's panels and categories: each renamed in its languages, moved up or down, removed while nobody
 * (no participant, no item) is in it, and added.
 *
 * <pre>
 * route                                        role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/build/panels      facilitator
 * POST /console/studies/{id}/build/panels      facilitator
 * </pre>
 */
final class BuilderListRoutes {

  private static final List<String> LISTS = List.of("panels", "categories");

  private final Services s;
  private final BuilderPage builder;

  private BuilderListRoutes(Services services, BuilderPage builder) {
    this.s = services;
    this.builder = builder;
  }

  static void mount(Router router, Services services, BuilderPage builder, Access access) {
    BuilderListRoutes r = new BuilderListRoutes(services, builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/panels"))
        .handler(ctx -> builder.get(ctx, r::lists));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/panels")).handler(r::change);
    BuilderItemRoutes.mount(router, services, builder, access);
  }

  private Future<Void> lists(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    List<String> languages = StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
    JsonObject model = new JsonObject();
    for (String list : LISTS) {
      JsonArray elements = tree.getValue(list) instanceof JsonArray a ? a : new JsonArray();
      JsonArray rows = new JsonArray();
      for (int i = 0; i < elements.size(); i++) {
        String at = list + "[" + i + "]";
        String id = StudyTree.get(tree, at + ".id") instanceof String x ? x : "";
        rows.add(new JsonObject().put("index", i).put("id", id).put("first", i == 0)
            .put("last", i == elements.size() - 1).put("names", names(f, at, languages, id))
            .put("problem", f.problemAt(at)).put("anchor", BuilderFields.id(at))
            .put("up", Views.text(lang, "builder.action.up", id))
            .put("down", Views.text(lang, "builder.action.down", id))
            .put("remove", Views.text(lang, "builder.action.remove", id))
            .put("save", Views.text(lang, "builder.action.saveNamed", id)));
      }
      String next = list + "[" + elements.size() + "]";
      JsonObject add = new JsonObject().put("index", elements.size())
          .put("id", f.input(next + ".id", Views.text(lang, "builder.field.newId." + list),
              Views.text(lang, "builder.hint.id"), "text"))
          .put("names", names(f, next, languages, null));
      JsonObject texts = new JsonObject();
      for (String key : List.of("title", "intro", "none", "add", "addButton")) {
        texts.put(key, Views.text(lang, "builder.list." + list + "." + key));
      }
      model.put(list, new JsonObject().put("list", list).put("rows", rows).put("add", add).put("texts", texts)
          .put("problem", f.problemAt(list)));
    }
    // The page's model last: its list of problems links to the fields just made.
    return builder.render(ctx, status, "build-panels", builder.model(ctx, draft, "panels", f, failure).mergeIn(model));
  }

  private static JsonArray names(BuilderFields f, String at, List<String> languages, String id) {
    JsonArray names = new JsonArray();
    for (String l : languages) {
      String label = id == null ? Views.text(f.lang(), "builder.field.name", Views.languageName(l))
          : Views.text(f.lang(), "builder.field.nameOf", id, Views.languageName(l));
      names.add(f.text(at + ".name." + l, label, l, false));
    }
    return names;
  }

  /**
   * One row's action ({@code list}, {@code index}, {@code action}): its names saved, moved up or down, removed while
   * unused; or a new element added at the end.
   */
  private void change(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String list = LISTS.contains(form.get("list")) ? form.get("list") : "panels";
    String action = form.get("action") == null ? "save" : form.get("action");
    int index = index(form.get("index"));
    String id = ctx.pathParam("id");
    String at = list + "[" + index + "]";
    Future<List<Participant>> people = "panels".equals(list) && "remove".equals(action)
        ? s.participants().list(id) : Future.succeededFuture(List.of());
    people.onFailure(ctx::fail).onSuccess(participants -> {
      Function<JsonObject, JsonObject> change = switch (action) {
        case "up", "down" -> tree -> {
          StudyTree.move(StudyTree.list(tree, list), index, "up".equals(action) ? -1 : 1);
          return tree;
        };
        case "remove" -> tree -> remove(tree, list, index, participants);
        case "add" -> tree -> {
          if (index != StudyTree.list(tree, list).size()) {
            throw new Conflict("the " + list + " changed meanwhile");
          }
          return BuilderPage.fields(ctx, List.of(at + ".id", at + ".name.")).apply(tree);
        };
        default -> BuilderPage.fields(ctx, List.of(at + ".name."));
      };
      builder.save(ctx, list, change, BuilderPage.href(id, "panels") + "?done=saved#" + list, this::lists);
    });
  }

  /** Removes a panel nobody is in, or a category no item is in. */
  private static JsonObject remove(JsonObject tree, String list, int index, List<Participant> participants) {
    JsonArray elements = StudyTree.list(tree, list);
    if (index < 0 || index >= elements.size()) {
      return tree;
    }
    String id = StudyTree.get(tree, list + "[" + index + "].id") instanceof String x ? x : "";
    String at = list + "[" + index + "]";
    if ("panels".equals(list)) {
      long in = participants.stream().filter(p -> id.equals(p.panel())).count();
      if (in > 0) {
        throw new Invalid(List.of(Problem.worded(at, "problem.panel.inUse", id, in)));
      }
    } else {
      List<String> items = StudyTree.list(tree, "items").stream().map(JsonObject.class::cast)
          .filter(i -> id.equals(i.getValue("category"))).map(i -> String.valueOf(i.getValue("id"))).toList();
      if (!items.isEmpty()) {
        throw new Invalid(List.of(Problem.worded(at, "problem.category.inUse", id, String.join(", ", items))));
      }
    }
    elements.remove(index);
    return tree;
  }

  static int index(String value) {
    try {
      return value == null ? -1 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
