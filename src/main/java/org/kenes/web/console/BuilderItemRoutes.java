package org.kenes.web.console;

import static org.kenes.web.Access.Need.FACILITATOR;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.KenesException;
import org.kenes.common.NotFound;
import org.kenes.common.Problem;
import org.kenes.services.Services;
import org.kenes.study.ItemSheet;
import org.kenes.study.ItemType;
import org.kenes.web.Access;
import org.kenes.web.Views;

/**
 * The study builder's items: the list (moved up or down with buttons, removed), an item added or edited (its type,
 * category, text in each language, a ranking's options row by row), and items imported from a spreadsheet.
 *
 * <pre>
 * route                                              role needed, declared with each route ({@link Access})
 * GET  /console/studies/{id}/build/items             facilitator
 * POST /console/studies/{id}/build/items             facilitator
 * POST /console/studies/{id}/build/items/import      facilitator
 * GET  /console/studies/{id}/build/items/{item}      facilitator
 * POST /console/studies/{id}/build/items/{item}      facilitator
 * </pre>
 */
public final class BuilderItemRoutes {

  public static final String IMPORT = "/console/studies/:id/build/items/import";
  private static final List<String> TYPES = Arrays.stream(ItemType.values()).map(ItemType::key).toList();
  /** Option rows of a form: a ranking's options and some empty rows to add more; saved, the form offers more. */
  private static final int SPARE_OPTIONS = 3;
  private static final int MIN_OPTION_ROWS = 8;

  private final Services s;
  private final BuilderPage builder;

  private BuilderItemRoutes(Services services, BuilderPage builder) {
    this.s = services;
    this.builder = builder;
  }

  static void mount(Router router, Services services, BuilderPage builder, Access access) {
    BuilderItemRoutes r = new BuilderItemRoutes(services, builder);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/items")).handler(ctx -> builder.get(ctx, r::items));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/items")).handler(r::change);
    access.need(FACILITATOR, router.post(IMPORT)).handler(r::importSheet);
    access.need(FACILITATOR, router.get("/console/studies/:id/build/items/:item"))
        .handler(ctx -> builder.get(ctx, r::item));
    access.need(FACILITATOR, router.post("/console/studies/:id/build/items/:item")).handler(r::edit);
  }

  private Future<Void> items(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    String lang = f.lang();
    List<String> languages = languages(tree);
    JsonArray items = StudyTree.list(tree, "items");
    JsonArray rows = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      String at = "items[" + i + "]";
      String id = StudyTree.get(tree, at + ".id") instanceof String x ? x : "";
      JsonObject text = StudyTree.get(tree, at + ".text") instanceof JsonObject t ? t : new JsonObject();
      List<String> missing = StudyTree.texts(tree).stream().filter(t -> t.path().startsWith(at + "."))
          .flatMap(t -> languages.stream().filter(t::missing)).distinct().map(l -> Views.languageName(l)).toList();
      String first = languages.stream().map(l -> text.getValue(l) instanceof String x ? x : null)
          .filter(x -> x != null && !x.isBlank()).findFirst().orElse("");
      rows.add(new JsonObject().put("n", i + 1).put("index", i).put("id", id).put("text", first)
          .put("type", Views.text(lang, "builder.type." + StudyTree.get(tree, at + ".type")))
          .put("category", StudyTree.get(tree, at + ".category"))
          .put("missing", missing.isEmpty() ? null : String.join(", ", missing))
          .put("first", i == 0).put("last", i == items.size() - 1)
          .put("problem", f.problemAt(at)).put("anchor", BuilderFields.id(at))
          .put("edit", Views.text(lang, "builder.action.edit", id)).put("up", Views.text(lang, "builder.action.up", id))
          .put("down", Views.text(lang, "builder.action.down", id))
          .put("remove", Views.text(lang, "builder.action.remove", id)));
    }
    String next = "items[" + items.size() + "]";
    JsonObject add = fields(f, tree, next, languages, MIN_OPTION_ROWS);
    add.getJsonArray("head").add(0, f.input(next + ".id", Views.text(lang, "builder.field.newId.items"),
        Views.text(lang, "builder.hint.itemId"), "text"));
    String id = draft.id();
    return builder.render(ctx, status, "build-items", builder.model(ctx, draft, "items", f, failure)
        .put("rows", rows).put("add", add).put("index", rows.size()).put("itemsProblem", f.problemAt("items"))
        .put("template", new JsonObject().put("xlsx", "/api/studies/" + id + "/items.xlsx?lang=" + lang)
            .put("csv", "/api/studies/" + id + "/items.csv"))
        .put("columns", String.join(", ", ItemSheet.columns(languages))));
  }

  /** The fields of one item at {@code at}: type, category and texts, then its option rows. */
  private static JsonObject fields(BuilderFields f, JsonObject tree, String at, List<String> languages, int minRows) {
    String lang = f.lang();
    Map<String, String> categories = new LinkedHashMap<>();
    categories.put("", Views.text(lang, "builder.category.none"));
    StudyTree.list(tree, "categories").stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .forEach(c -> {
          Object names = c.getValue("name");
          String name = names instanceof JsonObject n ? languages.stream().map(l -> n.getValue(l))
              .filter(String.class::isInstance).map(String.class::cast).findFirst().orElse("") : "";
          categories.put(String.valueOf(c.getValue("id")), name + " (" + c.getValue("id") + ")");
        });
    JsonArray head = new JsonArray()
        .add(f.select(at + ".type", Views.text(lang, "builder.field.type"), Views.text(lang, "builder.hint.type"),
            TYPES, "builder.type."))
        .add(f.select(at + ".category", Views.text(lang, "builder.field.category"),
            Views.text(lang, "builder.hint.category"), categories));
    for (String l : languages) {
      head.add(f.text(at + ".text." + l, Views.text(lang, "builder.field.text", Views.languageName(l)), l, true));
    }
    JsonArray existing = StudyTree.get(tree, at + ".options") instanceof JsonArray o ? o : new JsonArray();
    JsonArray options = new JsonArray();
    for (int j = 0; j < Math.max(minRows, existing.size() + SPARE_OPTIONS); j++) {
      String option = at + ".options[" + j + "]";
      JsonArray cells = new JsonArray().add(f.input(option + ".id", Views.text(lang, "builder.field.optionId", j + 1),
          null, "text"));
      for (String l : languages) {
        cells.add(f.text(option + ".text." + l, Views.text(lang, "builder.field.optionText", j + 1,
            Views.languageName(l)), l, false));
      }
      options.add(new JsonObject().put("n", j + 1).put("cells", cells).put("problem", f.problemAt(option)));
    }
    return new JsonObject().put("head", head).put("options", options)
        .put("ranking", ItemType.RANKING.key().equals(StudyTree.get(tree, at + ".type")))
        .put("optionsProblem", f.problemAt(at + ".options"));
  }

  private Future<Void> item(RoutingContext ctx, int status, BuilderPage.Draft draft, JsonObject tree,
      Throwable failure) {
    String itemId = ctx.pathParam("item");
    int index = StudyTree.indexOf(StudyTree.list(tree, "items"), itemId);
    if (index < 0) {
      return Future.failedFuture(new NotFound("study '" + draft.id() + "' has no item '" + itemId + "'"));
    }
    BuilderFields f = BuilderRoutes.fields(ctx, draft, tree, failure);
    JsonObject fields = fields(f, tree, "items[" + index + "]", languages(tree), 0);
    return builder.render(ctx, status, "build-item", builder.model(ctx, draft, "items", f, failure)
        .put("item", fields.put("id", itemId).put("n", index + 1)).put("title",
            Views.text(f.lang(), "builder.title.item", index + 1, itemId)));
  }

  /** An item's page saved: its type, category, texts and options (its id stays). */
  private void edit(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    String itemId = ctx.pathParam("item");
    builder.save(ctx, "item " + itemId, tree -> {
      int index = StudyTree.indexOf(StudyTree.list(tree, "items"), itemId);
      if (index < 0) {
        throw new NotFound("study '" + id + "' has no item '" + itemId + "'");
      }
      String at = "items[" + index + "]";
      StudyTree.set(tree, at + ".options", null);
      return BuilderPage.fields(ctx, List.of(at + ".type", at + ".category", at + ".text.", at + ".options["))
          .apply(tree);
    }, BuilderPage.href(id, "items") + "?done=saved", this::item);
  }

  /** The list's actions on one item ({@code action} up, down or remove, {@code index}), or a new item added. */
  private void change(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    String action = form.get("action") == null ? "add" : form.get("action");
    int index = BuilderListRoutes.index(form.get("index"));
    String at = "items[" + index + "]";
    Function<JsonObject, JsonObject> change = switch (action) {
      case "up", "down" -> tree -> {
        StudyTree.move(StudyTree.list(tree, "items"), index, "up".equals(action) ? -1 : 1);
        return tree;
      };
      case "remove" -> tree -> {
        JsonArray items = StudyTree.list(tree, "items");
        if (index >= 0 && index < items.size()) {
          items.remove(index);
        }
        return tree;
      };
      default -> tree -> {
        if (index != StudyTree.list(tree, "items").size()) {
          throw new Conflict("the items changed meanwhile");
        }
        return BuilderPage.fields(ctx, List.of(at + ".")).apply(tree);
      };
    };
    builder.save(ctx, "items", change, BuilderPage.href(ctx.pathParam("id"), "items") + "?done=saved", this::items);
  }

  /** A spreadsheet uploaded ({@code file}): all its items, or none with each problem by row and column. */
  private void importSheet(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Future<byte[]> file = ctx.fileUploads().stream().filter(u -> u.size() > 0).findFirst()
        .map(u -> ctx.vertx().fileSystem().readFile(u.uploadedFileName()).map(b -> b.getBytes()))
        .orElse(Future.failedFuture(new Invalid(List.of(Problem.worded("file", "problem.missing")))));
    file.compose(bytes -> s.studies().importItems(id, bytes))
        .compose(builder.audited().by(ctx, "items.imported", ItemSheet.Imported::summary))
        .onSuccess(i -> ConsolePage.redirect(ctx, BuilderPage.href(id, "items") + "?done=imported&n="
            + (i.added() + i.updated())))
        .onFailure(e -> {
          if (e instanceof KenesException) {
            builder.load(id).compose(draft -> items(ctx, ((KenesException) e).status(), draft, draft.tree(), e))
                .onFailure(ctx::fail);
          } else {
            ctx.fail(e);
          }
        });
  }

  private static List<String> languages(JsonObject tree) {
    return StudyTree.list(tree, "languages").stream().map(String::valueOf).toList();
  }
}
