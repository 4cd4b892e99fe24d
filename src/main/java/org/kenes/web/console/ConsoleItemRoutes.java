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
import org.kenes.change.Change;
import org.kenes.round.Round;
import org.kenes.services.Services;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Audited;
import org.kenes.web.FacilitatorAuth;
import org.kenes.web.Viewer;
import org.kenes.web.Views;
import org.kenes.web.api.ApiJson;

/**
 * Between rounds in the console: the previous rounds' open answers (anonymous), and forms to add an item from them,
 * merge items, reword or retire one, each with its provenance; and the changes log. The forms become the same
 * requests the API takes ({@code POST /api/studies/{id}/items}, {@code PUT .../items/{item}}), validated in one place.
 */
final class ConsoleItemRoutes {

  /** Rows of the add form for a ranking's options; a form may fill fewer, and a refused one gets its own back. */
  private static final int OPTION_ROWS = 8;

  private final Services s;
  private final ConsolePage page;
  private final Audited audited;

  private ConsoleItemRoutes(Services services, ConsolePage page, Audited audited) {
    this.s = services;
    this.page = page;
    this.audited = audited;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, Audited audited) {
    ConsoleItemRoutes r = new ConsoleItemRoutes(services, page, audited);
    access.need(FACILITATOR, router.get("/console/studies/:id/items")).handler(r::items);
    access.need(FACILITATOR, router.post("/console/studies/:id/items")).handler(r::add);
    access.need(FACILITATOR, router.post("/console/studies/:id/items/:item")).handler(r::change);
  }

  private void items(RoutingContext ctx) {
    itemsPage(ctx, 200, new JsonObject()).onFailure(ctx::fail);
  }

  private Future<Void> itemsPage(RoutingContext ctx, int status, JsonObject form) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    return Future.all(s.studies().get(id), s.rounds().list(id), s.changes().changes(id)).compose(all -> {
      Study study = all.resultAt(0);
      List<Round> rounds = all.resultAt(1);
      List<Change> changes = all.resultAt(2);
      List<Round> closed = rounds.stream().filter(r -> !r.open()).toList();
      return Future.all(closed.stream().map(r -> s.changes().openAnswers(id, r.number())).toList())
          .compose(answers -> page.render(ctx, status, "items", ConsolePage.model(ctx, study,
                  viewer.text("console.items"), "items")
              .put("openAnswers", new JsonArray(answers.<JsonObject>list().stream()
                  .filter(a -> !a.getJsonArray("items").isEmpty()).map(a -> withTexts(study, a, viewer)).toList()))
              .put("items", new JsonArray(study.items().stream().map(i -> item(study, i, viewer)).toList()))
              .put("newItem", newItem(study, form.getJsonObject("typed", new JsonObject()), viewer))
              .put("blocked", blocked(study, rounds, viewer))
              .put("changes", new JsonArray(changes.stream().map(c -> ApiJson.change(c)
                  .put("at", viewer.when(c.at())).put("from", String.join(", ", c.from()))
                  .put("changeText", viewer.text("report.change." + c.change())).put("note", c.note())).toList()))
              .put("form", form)));
    });
  }

  /** Why items cannot change now, or null when they can. */
  private static String blocked(Study study, List<Round> rounds, Viewer viewer) {
    if (rounds.stream().anyMatch(Round::open)) {
      return viewer.text("console.items.blocked.open");
    }
    if (rounds.size() >= study.rounds().max()) {
      return viewer.text("console.items.blocked.finished");
    }
    return null;
  }

  private static JsonObject withTexts(Study study, JsonObject openAnswers, Viewer viewer) {
    JsonArray items = new JsonArray();
    for (Object o : openAnswers.getJsonArray("items")) {
      JsonObject item = ((JsonObject) o).copy();
      item.put("question", study.item(item.getString("id")).map(i -> study.text(i.text(), viewer.language()))
          .orElse(""));
      items.add(item);
    }
    return openAnswers.copy().put("items", items);
  }

  private static JsonObject item(Study study, Item item, Viewer viewer) {
    JsonArray texts = new JsonArray();
    study.languages().forEach(l -> texts.add(new JsonObject().put("language", l)
        .put("languageName", Views.languageName(l)).put("text", item.text().values().get(l))));
    return new JsonObject().put("id", item.id()).put("type", item.type().key())
        .put("typeText", viewer.text("console.itemType." + item.type().key()))
        .put("text", study.text(item.text(), viewer.language())).put("texts", texts).put("since", item.since())
        .put("retired", item.retired()).put("rating", item.type() == ItemType.RATING);
  }

  /** Adds an item: from open answers ({@code added}), or merging or rewording the items ticked in {@code from}. */
  private void add(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    Future<Study> study = s.studies().get(id);
    Future<Item> added = study.compose(st -> {
      JsonObject body = new JsonObject().put("id", f.get("item")).put("type", f.get("type"))
          .put("text", texts(st, f))
          .put("provenance", new JsonObject().put("change", f.get("change")).put("from", new JsonArray(f.getAll("from")))
              .put("note", f.get("note")));
      JsonArray options = options(st, f);
      if (!options.isEmpty()) {
        body.put("options", options);
      }
      return s.changes().add(id, body, FacilitatorAuth.actor(ctx));
    });
    page.submit(ctx, added.compose(audited.by(ctx, "item." + f.get("change"), Item::id)),
        item -> "/console/studies/" + id + "/items?done=item-added",
        problems -> study.compose(st -> itemsPage(ctx, problems.getInteger("status"),
            problems.put("typed", typed(st, f)))));
  }

  /** The options a form gives (rows with an id or a text), each with its texts by language. */
  private static JsonArray options(Study study, MultiMap f) {
    JsonArray options = new JsonArray();
    for (int n = 1; n <= OPTION_ROWS; n++) {
      String optionId = f.get("option-" + n + "-id");
      JsonObject texts = new JsonObject();
      for (String l : study.languages()) {
        String t = f.get("option-" + n + "-" + l);
        if (t != null && !t.isBlank()) {
          texts.put(l, t.strip());
        }
      }
      if ((optionId != null && !optionId.isBlank()) || !texts.isEmpty()) {
        options.add(new JsonObject().put("id", optionId == null ? "" : optionId.strip()).put("text", texts));
      }
    }
    return options;
  }

  /** The add form's fields as they are to be shown: empty, or as a refused form typed them. */
  private static JsonObject newItem(Study study, JsonObject typed, Viewer viewer) {
    String type = typed.getString("type", ItemType.RATING.key());
    JsonArray types = new JsonArray();
    for (String t : Arrays.stream(ItemType.values()).map(ItemType::key).toList()) {
      types.add(new JsonObject().put("value", t).put("selected", t.equals(type))
          .put("text", viewer.text("console.itemType." + t)));
    }
    String change = typed.getString("change", "added");
    JsonArray changes = new JsonArray();
    for (String c : List.of("added", "merged", "reworded")) {
      changes.add(new JsonObject().put("value", c).put("selected", c.equals(change))
          .put("text", viewer.text("console.items.change." + c)));
    }
    JsonObject typedTexts = typed.getJsonObject("texts", new JsonObject());
    JsonArray texts = new JsonArray();
    study.languages().forEach(l -> texts.add(new JsonObject().put("language", l)
        .put("languageName", Views.languageName(l)).put("text", typedTexts.getString(l))));
    JsonArray typedOptions = typed.getJsonArray("options", new JsonArray());
    JsonArray rows = new JsonArray();
    for (int n = 1; n <= OPTION_ROWS; n++) {
      JsonObject option = n <= typedOptions.size() ? typedOptions.getJsonObject(n - 1) : new JsonObject();
      JsonObject optionTexts = option.getJsonObject("text", new JsonObject());
      JsonArray cells = new JsonArray();
      for (String l : study.languages()) {
        cells.add(new JsonObject().put("n", n).put("language", l).put("languageName", Views.languageName(l))
            .put("text", optionTexts.getString(l)));
      }
      rows.add(new JsonObject().put("n", n).put("id", option.getString("id")).put("texts", cells));
    }
    return new JsonObject().put("types", types).put("changes", changes).put("ranking", ItemType.RANKING.key().equals(type))
        .put("texts", texts).put("options", rows);
  }

  /** Rewords an item ({@code action=reword}, new texts) or retires it ({@code action=retire}). */
  private void change(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    MultiMap f = ctx.request().formAttributes();
    boolean retire = "retire".equals(f.get("action"));
    Future<Item> changed = s.studies().get(id).compose(study -> {
      JsonObject body = new JsonObject().put("provenance", new JsonObject()
          .put("change", retire ? "retired" : "reworded").put("from", new JsonArray(f.getAll("from")))
          .put("note", f.get("note")));
      if (!retire) {
        body.put("text", texts(study, f));
      }
      return s.changes().update(id, ctx.pathParam("item"), body, FacilitatorAuth.actor(ctx));
    });
    page.submit(ctx, changed.compose(audited.by(ctx, retire ? "item.retired" : "item.reworded", Item::id)),
        item -> "/console/studies/" + id + "/items?done=item-changed",
        problems -> itemsPage(ctx, problems.getInteger("status"), problems));
  }

  private static JsonObject texts(Study study, MultiMap f) {
    JsonObject texts = new JsonObject();
    study.languages().forEach(l -> {
      String t = f.get("text-" + l);
      if (t != null && !t.isBlank()) {
        texts.put(l, t.strip());
      }
    });
    return texts;
  }

  private static JsonObject typed(Study study, MultiMap f) {
    return new JsonObject().put("item", f.get("item")).put("note", f.get("note")).put("change", f.get("change"))
        .put("type", f.get("type")).put("texts", texts(study, f)).put("options", options(study, f));
  }
}
