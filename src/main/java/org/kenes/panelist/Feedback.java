package org.kenes.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Shift;
import org.kenes.round.ItemResult;
import org.kenes.round.ResultsJson;
import org.kenes.study.Study;

/**
 * The group feedback on one rating or ranking item (CONTRACT.md, {@code GET /api/p/{token}}): its results in the
 * round it was last asked in, and the panelist's own answer then.
 *
 * @param suppressed the whole group was under minCell then, so its statistics are not shown
 * @param yours the panelist's submitted answer then; null if none (or for a preview)
 * @param askReasonFor the points that would move the panelist's rating away from the group; null when no reason is
 *     asked
 * @param live in a real-time study, the open round's answers so far (as its live figures have them) and the
 *     panelist's answer now
 */
public record Feedback(int round, ItemResult result, boolean suppressed, Answer yours, List<Integer> askReasonFor,
    boolean live) {

  public Feedback {
    askReasonFor = askReasonFor == null ? null : List.copyOf(askReasonFor);
  }

  /**
   * The feedback on one item; with {@code askReasonFor}, the points that would move the panelist's rating away from
   * the group, when the study asks for reasons and the panelist saw both the group's median and their own rating.
   */
  static Feedback of(Study study, int round, ItemResult result, Optional<AnswerSet> mine) {
    Answer yours = mine.filter(AnswerSet::submitted).map(m -> m.answers().get(result.id())).orElse(null);
    return of(study, round, result, yours, false);
  }

  /**
   * The feedback of a real-time study on an item the panelist has answered: the open round's figures so far, and
   * their answer now, from which moving away from the group asks a reason.
   */
  static Feedback live(Study study, int round, ItemResult result, Answer now) {
    return of(study, round, result, now, true);
  }

  private static Feedback of(Study study, int round, ItemResult result, Answer yours, boolean live) {
    boolean tooFew = result.n() < study.criteria().minCell();
    Double median = result instanceof ItemResult.Rating r ? r.overall().median() : null;
    boolean sawBoth = !tooFew && median != null && yours instanceof Answer.Rating r && r.value() != null;
    List<Integer> askReasonFor = study.askReasonOnChange() && sawBoth
        ? Shift.pointsAwayFromGroup(study.criteria(), ((Answer.Rating) yours).value(), median) : null;
    return new Feedback(round, result, tooFew, yours, askReasonFor, live);
  }

  public JsonObject toJson() {
    JsonObject overall = suppressed ? new JsonObject().put("suppressed", true)
        : result instanceof ItemResult.Rating r ? ResultsJson.stats(r.overall())
        : ResultsJson.ranking(((ItemResult.Ranking) result).overall());
    List<String> comments = result instanceof ItemResult.Rating r ? r.comments()
        : ((ItemResult.Ranking) result).comments();
    JsonObject json = new JsonObject().put("round", round).put("overall", overall)
        .put("yours", yours == null ? null : AnswerJson.toJson(yours))
        .put("comments", new JsonArray(comments == null ? List.of() : comments));
    if (result instanceof ItemResult.Rating r) {
      json.put("panels", ResultsJson.panels(r.panels()));
    }
    if (live) {
      json.put("live", true);
    }
    return askReasonFor == null ? json : json.put("askReasonFor", new JsonArray(askReasonFor));
  }
}
