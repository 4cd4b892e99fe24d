package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.kenes.consensus.Verdict;
import org.kenes.live.LiveFeed;
import org.kenes.round.ItemResult;
import org.kenes.round.Round;
import org.kenes.round.RoundResults;
import org.kenes.study.Study;
import org.kenes.web.Viewer;

/**
 * The live dashboard's view model from a {@link LiveFeed} snapshot: the same numbers the events carry,
 * in the reader's language.
 */
final class Dashboard {

  private Dashboard() {}

  static JsonObject model(Study study, LiveFeed.Snapshot snapshot, Viewer viewer) {
    Round round = snapshot.round();
    String status = round == null ? "none" : round.open() ? "open" : "closed";
    JsonObject model = new JsonObject().put("round", round == null ? null : round.number())
        .put("roundStatus", viewer.text("console.live.status." + status)).put("isOpen", "open".equals(status))
        .put("closesAt", viewer.when(round == null ? null : round.closesAt())).put("maxRounds", study.rounds().max())
        .put("counted", round == null ? null : snapshot.results().counted())
        .put("minCell", study.criteria().minCell());
    if (round == null) {
      return model;
    }
    RoundResults results = snapshot.results();
    String lang = viewer.language();
    JsonArray panels = new JsonArray();
    String suppressed = viewer.text("report.suppressed", study.criteria().minCell());
    results.participation().panels().forEach((panel, p) -> {
      // A panel under minCell, or withheld so that it cannot be worked out, shows no count (CONSENSUS.md, small cells).
      JsonObject row = p.suppressed()
          ? new JsonObject().put("invited", p.invited()).put("responded", suppressed).put("pct", 0)
              .put("pctText", "–")
          : row(p.invited(), p.responded());
      panels.add(row.put("id", panel)
          .put("name", study.panel(panel).map(x -> study.text(x.name(), lang)).orElse(panel)));
    });
    model.put("total", row(results.participation().invited(), results.participation().responded()))
        .put("panels", panels).put("suppressedText", suppressed);
    JsonArray items = new JsonArray();
    for (ItemResult item : results.items()) {
      Verdict verdict = item instanceof ItemResult.Rating r ? r.verdict() : null;
      items.add(new JsonObject().put("id", item.id()).put("type", item.type().key())
          .put("text", study.item(item.id()).map(i -> study.text(i.text(), lang)).orElse(""))
          .put("n", item.n()).put("agree", item instanceof ItemResult.Rating r ? r.overall().agree() : null)
          .put("verdict", verdict == null ? null : verdict.key())
          .put("verdictText", verdict == null ? "" : viewer.text("verdict." + verdict.key()))
          .put("typeText", viewer.text("console.itemType." + item.type().key())));
    }
    return model.put("items", items).put("adviceStop", results.advice().stop())
        .put("adviceReason", AdviceText.of(results.advice(), round.number(), study.rounds().max(), viewer));
  }

  private static JsonObject row(long invited, long responded) {
    long pct = invited == 0 ? 0 : Math.round(100.0 * responded / invited);
    return new JsonObject().put("invited", invited).put("responded", responded).put("pct", pct)
        .put("pctText", pct + "%");
  }
}
