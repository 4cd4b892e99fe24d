package org.kenes.round;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.consensus.RankingStats;
import org.kenes.consensus.RatingItemResult;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.Stability;

/** The consensus package's records as the JSON fields of CONTRACT.md; numbers unrounded, undefined ones null. */
public final class ResultsJson {

  private ResultsJson() {}

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

  /** Every panel of the study in order; a panel under minCell only as {@code {"suppressed": true}}. */
  public static JsonObject panels(List<String> panelIds, RatingItemResult result) {
    JsonObject panels = new JsonObject();
    for (String panel : panelIds) {
      RatingStats stats = result.panels().get(panel);
      panels.put(panel, stats == null ? new JsonObject().put("suppressed", true) : stats(stats));
    }
    return panels;
  }

  public static JsonObject stability(Stability s, int previousRound) {
    return new JsonObject().put("since", previousRound).put("changePct", s.changePct()).put("stable", s.stable())
        .put("pairs", s.pairs()).put("wilcoxonT", s.wilcoxonT()).put("wilcoxonP", s.wilcoxonP())
        .put("wilcoxonMethod", s.wilcoxonMethod());
  }

  public static JsonObject ranking(RankingStats s) {
    JsonObject json = new JsonObject().put("n", s.m()).put("incomplete", s.incomplete())
        .put("meanRanks", new JsonObject(new java.util.LinkedHashMap<>(s.meanRanks())))
        .put("borda", new JsonObject(new java.util.LinkedHashMap<>(s.borda())))
        .put("kendallW", s.kendallW()).put("chiSquare", s.chiSquare()).put("df", s.df()).put("p", s.p());
    if (s.kendallW() != null) {
      json.put("strength", RankingStats.strength(s.kendallW()));
    }
    return json;
  }
}
