package org.kenes.round;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kenes.consensus.Advice;
import org.kenes.consensus.Appropriateness;
import org.kenes.consensus.Bridging;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.Stability;
import org.kenes.consensus.Verdict;
import org.kenes.study.ItemType;
import org.kenes.study.Mode;

/**
 * {@link RoundResults} as the JSON of CONTRACT.md and back, the one place that spells its fields: numbers unrounded,
 * undefined ones null. What the API serves, the store keeps and {@code kenes analyze} prints.
 */
public final class ResultsJson {

  private ResultsJson() {}

  public static JsonObject toJson(RoundResults r) {
    JsonObject json = new JsonObject().put("study", r.study()).put("round", r.round())
        .put("provisional", r.provisional()).put("participation", participation(r.participation()))
        .put("items", new JsonArray(r.items().stream().map(ResultsJson::item).toList()))
        .put("advice", advice(r.advice()));
    // Written only for a real-time study, so that the results of rounds keep their shape.
    if (r.mode() == Mode.REAL_TIME) {
      JsonObject first = new JsonObject();
      r.first().forEach((item, stats) -> first.put(item, stats(stats)));
      json.put("mode", r.mode().key()).put("first", first);
    }
    return r.counted() == null ? json : json.put("counted", r.counted());
  }

  /** Reads results this class wrote (stored, so already whole). */
  public static RoundResults fromJson(JsonObject json) {
    return new RoundResults(json.getString("study"), json.getInteger("round"), json.getBoolean("provisional", false),
        participation(json.getJsonObject("participation")),
        json.getJsonArray("items").stream().map(JsonObject.class::cast).map(ResultsJson::item).toList(),
        advice(json.getJsonObject("advice")), json.getLong("counted"),
        json.containsKey("mode") ? Mode.fromKey(json.getString("mode")) : Mode.ROUNDS, first(json));
  }

  private static Map<String, RatingStats> first(JsonObject json) {
    Map<String, RatingStats> first = new LinkedHashMap<>();
    JsonObject stored = json.getJsonObject("first", new JsonObject());
    stored.fieldNames().forEach(item -> first.put(item, stats(stored.getJsonObject(item))));
    return first;
  }

  public static JsonObject item(ItemResult item) {
    JsonObject json = new JsonObject().put("id", item.id()).put("type", item.type().key());
    if (item instanceof ItemResult.Rating r) {
      json.put("overall", stats(r.overall())).put("panels", panels(r.panels()))
          .put("bridging", r.bridging().key()).put("gic", r.gic());
      if (r.tooFewToJudge() != null) {
        json.put("tooFewToJudge", new JsonArray(r.tooFewToJudge()));
      }
      if (r.stability() != null) {
        json.put("stability", stability(r.stability()));
      }
      return texts(texts(json, "comments", r.comments()), "reasons", r.reasons());
    }
    if (item instanceof ItemResult.Ranking r) {
      return texts(json.put("overall", ranking(r.overall())), "comments", r.comments());
    }
    return json.put("responses", ((ItemResult.Open) item).responses());
  }

  private static ItemResult item(JsonObject json) {
    String id = json.getString("id");
    return switch (ItemType.fromKey(json.getString("type"))) {
      case RATING -> new ItemResult.Rating(id, stats(json.getJsonObject("overall")),
          panels(json.getJsonObject("panels")),
          Bridging.fromKey(json.getString("bridging")), json.getDouble("gic"), strings(json, "tooFewToJudge"),
          json.containsKey("stability") ? stability(json.getJsonObject("stability")) : null,
          strings(json, "comments"), strings(json, "reasons"));
      case RANKING -> new ItemResult.Ranking(id, ranking(json.getJsonObject("overall")), strings(json, "comments"));
      case OPEN -> new ItemResult.Open(id, json.getLong("responses", 0L));
    };
  }

  public static JsonObject stats(RatingStats s) {
    JsonObject histogram = new JsonObject();
    s.histogram().forEach((point, count) -> histogram.put(String.valueOf(point), count));
    return new JsonObject()
        .put("n", s.n()).put("unable", s.unable()).put("histogram", histogram)
        .put("mean", s.mean()).put("sd", s.sd()).put("cv", s.cv())
        .put("median", s.median()).put("q1", s.q1()).put("q3", s.q3()).put("iqr", s.iqr())
        .put("agree", s.agree()).put("neutral", s.neutral()).put("disagree", s.disagree())
        .put("p30", s.p30()).put("p70", s.p70()).put("ipr", s.ipr()).put("iprcp", s.iprcp()).put("ai", s.ai())
        .put("ipras", s.ipras()).put("randDisagreement", s.randDisagreement())
        .put("rand", s.rand() == null ? null : s.rand().key())
        .put("verdict", s.verdict().key());
  }

  private static RatingStats stats(JsonObject j) {
    SortedMap<Integer, Long> histogram = new TreeMap<>();
    j.getJsonObject("histogram").forEach(e -> histogram.put(Integer.valueOf(e.getKey()), ((Number) e.getValue())
        .longValue()));
    String rand = j.getString("rand");
    return new RatingStats(j.getLong("n"), j.getLong("unable"), histogram, j.getDouble("mean"), j.getDouble("sd"),
        j.getDouble("cv"), j.getDouble("median"), j.getDouble("q1"), j.getDouble("q3"), j.getDouble("iqr"),
        j.getDouble("agree"), j.getDouble("neutral"), j.getDouble("disagree"), j.getDouble("p30"), j.getDouble("p70"),
        j.getDouble("ipr"), j.getDouble("iprcp"), j.getDouble("ai"), j.getDouble("ipras"),
        j.getBoolean("randDisagreement"), rand == null ? null : Appropriateness.fromKey(rand),
        Verdict.fromKey(j.getString("verdict")));
  }

  /** Every panel of the study in order; a panel under minCell only as {@code {"suppressed": true}}. */
  public static JsonObject panels(List<ItemResult.PanelStats> panels) {
    JsonObject json = new JsonObject();
    panels.forEach(p -> json.put(p.panel(), p.suppressed() ? new JsonObject().put("suppressed", true)
        : stats(p.stats())));
    return json;
  }

  private static List<ItemResult.PanelStats> panels(JsonObject json) {
    List<ItemResult.PanelStats> panels = new ArrayList<>();
    json.forEach(e -> {
      JsonObject stats = (JsonObject) e.getValue();
      panels.add(new ItemResult.PanelStats(e.getKey(), stats.getBoolean("suppressed", false) ? null : stats(stats)));
    });
    return panels;
  }

  private static JsonObject stability(ItemResult.ItemStability since) {
    Stability s = since.stability();
    return new JsonObject().put("since", since.since()).put("changePct", s.changePct()).put("stable", s.stable())
        .put("pairs", s.pairs()).put("wilcoxonT", s.wilcoxonT()).put("wilcoxonP", s.wilcoxonP())
        .put("wilcoxonMethod", s.wilcoxonMethod());
  }

  private static ItemResult.ItemStability stability(JsonObject j) {
    return new ItemResult.ItemStability(j.getInteger("since"), new Stability(j.getDouble("changePct"),
        j.getBoolean("stable"), j.getLong("pairs"), j.getDouble("wilcoxonT"), j.getDouble("wilcoxonP"),
        j.getString("wilcoxonMethod")));
  }

  public static JsonObject ranking(RankingStats s) {
    JsonObject json = new JsonObject().put("n", s.m()).put("incomplete", s.incomplete())
        .put("meanRanks", new JsonObject(new LinkedHashMap<>(s.meanRanks())))
        .put("borda", new JsonObject(new LinkedHashMap<>(s.borda())))
        .put("kendallW", s.kendallW()).put("chiSquare", s.chiSquare()).put("df", s.df()).put("p", s.p());
    if (s.kendallW() != null) {
      json.put("strength", RankingStats.strength(s.kendallW()));
    }
    return json;
  }

  private static RankingStats ranking(JsonObject j) {
    return new RankingStats(j.getLong("n"), j.getLong("incomplete", 0L), doubles(j.getJsonObject("meanRanks")),
        doubles(j.getJsonObject("borda")), j.getDouble("kendallW"), j.getDouble("chiSquare"), j.getInteger("df"),
        j.getDouble("p"));
  }

  public static JsonObject participation(RoundResults.Participation p) {
    JsonObject panels = new JsonObject();
    p.panels().forEach((panel, count) -> {
      JsonObject json = new JsonObject().put("invited", count.invited());
      panels.put(panel, count.suppressed() ? json.putNull("responded").put("suppressed", true)
          : json.put("responded", count.responded()));
    });
    return new JsonObject().put("invited", p.invited()).put("responded", p.responded()).put("panels", panels);
  }

  private static RoundResults.Participation participation(JsonObject json) {
    Map<String, RoundResults.PanelCount> panels = new LinkedHashMap<>();
    json.getJsonObject("panels").forEach(e -> {
      JsonObject count = (JsonObject) e.getValue();
      panels.put(e.getKey(), new RoundResults.PanelCount(count.getLong("invited"), count.getLong("responded"),
          count.getBoolean("suppressed", false)));
    });
    return new RoundResults.Participation(json.getLong("invited"), json.getLong("responded"), panels);
  }

  public static JsonObject advice(Advice a) {
    return new JsonObject().put("stop", a.stop()).put("reason", a.reason()).put("pending", new JsonArray(a.pending()))
        .put("basis", a.basis() == null ? null : a.basis().key()).put("undecided", new JsonArray(a.undecided()));
  }

  /** The advice; of results stored before it had a basis, without one. */
  private static Advice advice(JsonObject j) {
    String basis = j.getString("basis");
    return new Advice(j.getBoolean("stop"), basis == null ? null : Advice.Basis.fromKey(basis), j.getString("reason"),
        listed(j, "pending"), listed(j, "undecided"));
  }

  private static JsonObject texts(JsonObject json, String field, List<String> texts) {
    return texts == null ? json : json.put(field, new JsonArray(texts));
  }

  private static List<String> strings(JsonObject json, String field) {
    JsonArray array = json.getJsonArray(field);
    return array == null ? null : array.stream().map(String::valueOf).toList();
  }

  private static List<String> listed(JsonObject json, String field) {
    return json.containsKey(field) ? strings(json, field) : List.of();
  }

  private static Map<String, Double> doubles(JsonObject json) {
    Map<String, Double> map = new LinkedHashMap<>();
    json.forEach(e -> map.put(e.getKey(), ((Number) e.getValue()).doubleValue()));
    return map;
  }
}
