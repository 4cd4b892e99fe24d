package org.kenes.web.console;

import static org.kenes.web.Access.Need.READER;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kenes.services.Services;
import org.kenes.common.Invalid;
import org.kenes.report.FilteredResults;
import org.kenes.round.Round;
import org.kenes.study.Attribute;
import org.kenes.study.Study;
import org.kenes.web.Access;
import org.kenes.web.Charts;
import org.kenes.web.Viewer;
import org.kenes.web.Views;

/**
 * The console's results of a round filtered by a participant attribute (sector = public, expertise ≥ 4): each rating
 * item's distribution among the panelists selected, the filter named in every chart's title and row, withheld where
 * it would describe fewer than minCell people. A plain GET form; the same as JSON at
 * {@code /api/studies/{id}/rounds/{n}/filtered}.
 */
final class ConsoleFilterRoutes {

  private final Services s;
  private final ConsolePage page;
  private final FilteredResults filtered;

  private ConsoleFilterRoutes(Services services, ConsolePage page, FilteredResults filtered) {
    this.s = services;
    this.page = page;
    this.filtered = filtered;
  }

  static void mount(Router router, Services services, ConsolePage page, Access access, FilteredResults filtered) {
    ConsoleFilterRoutes r = new ConsoleFilterRoutes(services, page, filtered);
    access.need(READER, router.get("/console/studies/:id/filter")).handler(r::filter);
  }

  private void filter(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Viewer viewer = Viewer.of(ctx);
    String lang = viewer.language();
    Map<String, String> query = new HashMap<>();
    ctx.queryParams().forEach(e -> query.put(e.getKey(), e.getValue()));
    Future.all(s.studies().get(id), s.rounds().list(id)).compose(all -> {
      Study study = all.resultAt(0);
      List<Round> rounds = all.resultAt(1);
      JsonObject model = ConsolePage.model(ctx, study, viewer.text("filter.title"), "filter")
          .put("attributes", attributes(study, lang, query)).put("min", query.get("min")).put("max", query.get("max"));
      if (rounds.isEmpty() || study.attributes().isEmpty() || !query.containsKey("attribute")) {
        return page.render(ctx, 200, "filter", model.put("rounds", choices(rounds, rounds.size()))
            .put("noAttributes", study.attributes().isEmpty()).put("noRound", rounds.isEmpty()));
      }
      int n = round(query.get("round"), rounds.size());
      model.put("rounds", choices(rounds, n));
      return filtered.results(id, n, query)
          .compose(results -> page.render(ctx, 200, "filter", model.put("results", view(study, results, lang))))
          .recover(e -> e instanceof Invalid invalid ? page.render(ctx, 400, "filter", model.put("problem",
              invalid.problems().get(0).path() + ": " + invalid.problems().get(0).message(lang)))
              : Future.failedFuture(e));
    }).onFailure(ctx::fail);
  }

  private static JsonObject view(Study study, JsonObject results, String lang) {
    String filter = words(study, results.getJsonObject("filter"), lang);
    int round = results.getInteger("round");
    JsonArray items = new JsonArray();
    for (Object o : results.getJsonArray("items")) {
      JsonObject item = (JsonObject) o;
      String text = study.item(item.getString("id")).map(i -> study.text(i.text(), lang)).orElse(item.getString("id"));
      JsonObject overall = item.getJsonObject("overall");
      JsonObject row = new JsonObject().put("text", text);
      if (overall.getBoolean("suppressed", false)) {
        row.put("suppressed", Views.text(lang, "filter.suppressed", study.criteria().minCell()));
      } else {
        String title = Views.text(lang, "filter.chart", text, round, filter);
        row.put("n", overall.getValue("n")).put("median", overall.getValue("median"))
            .put("agree", overall.getValue("agree"))
            .put("verdict", Views.text(lang, "verdict." + overall.getString("verdict")))
            .put("chart", Charts.Distribution.of("filtered-" + item.getString("id"), title, overall,
                Charts.Bands.of(study.criteria()), null));
      }
      items.add(row);
    }
    return new JsonObject().put("filter", filter).put("round", round)
        .put("provisional", results.getBoolean("provisional")).put("items", items);
  }

  /** The filter in words: "Sector: Public", "Years of experience ≥ 4", "Years of experience from 4 to 10". */
  static String words(Study study, JsonObject filter, String lang) {
    Attribute a = study.attribute(filter.getString("attribute")).orElseThrow();
    String name = study.text(a.name(), lang);
    if (filter.getString("value") != null) {
      return Views.text(lang, "filter.choice", name, study.text(a.option(filter.getString("value")).orElseThrow()
          .text(), lang));
    }
    Integer min = filter.getInteger("min");
    Integer max = filter.getInteger("max");
    return min != null && max != null ? Views.text(lang, "filter.range", name, String.valueOf(min), String.valueOf(max))
        : min != null ? Views.text(lang, "filter.min", name, String.valueOf(min))
        : Views.text(lang, "filter.max", name, String.valueOf(max));
  }

  private static JsonArray attributes(Study study, String lang, Map<String, String> query) {
    JsonArray out = new JsonArray();
    for (Attribute a : study.attributes()) {
      JsonArray options = new JsonArray(a.options().stream().map(o -> new JsonObject().put("id", o.id())
          .put("text", study.text(o.text(), lang)).put("selected", a.id().equals(query.get("attribute"))
              && o.id().equals(query.get("value")))).toList());
      out.add(new JsonObject().put("id", a.id()).put("name", study.text(a.name(), lang)).put("options", options)
          .put("selected", a.id().equals(query.get("attribute"))));
    }
    return out;
  }

  private static JsonArray choices(List<Round> rounds, int current) {
    return new JsonArray(rounds.stream().map(r -> new JsonObject().put("n", r.number())
        .put("current", r.number() == current)).toList());
  }

  private static int round(String value, int latest) {
    try {
      int n = value == null ? latest : Integer.parseInt(value);
      return n >= 1 && n <= latest ? n : latest;
    } catch (NumberFormatException e) {
      return latest;
    }
  }
}
