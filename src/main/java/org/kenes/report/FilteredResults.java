package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Criteria;
import org.kenes.consensus.FilteredGroup;
import org.kenes.consensus.RatingStats;
import org.kenes.consensus.RatingTally;
import org.kenes.participant.ParticipantAttributes;
import org.kenes.round.ResultsJson;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.study.Attribute;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * A round's rating items among the panelists an {@link AttributeFilter} selects, from the answer sets the round's
 * results count (an open round's: those its live figures count), analysed on a worker; withheld as
 * {@link FilteredGroup} says.
 */
public final class FilteredResults {

  private final Vertx vertx;
  private final StudyService studies;
  private final RoundService rounds;
  private final ParticipantAttributes attributes;

  public FilteredResults(Vertx vertx, StudyService studies, RoundService rounds, ParticipantAttributes attributes) {
    this.vertx = vertx;
    this.studies = studies;
    this.rounds = rounds;
    this.attributes = attributes;
  }

  /**
   * The round's rating items among the panelists the query's filter selects; without {@code attribute}, the filters
   * the study allows: {@code {"filters": [{"attribute", "type", "options" or "min", "max"}]}}.
   */
  public Future<JsonObject> results(String studyId, int number, Map<String, String> query) {
    return studies.get(studyId).compose(study -> {
      if (!query.containsKey("attribute")) {
        return rounds.round(studyId, number).map(round -> new JsonObject().put("study", studyId)
            .put("round", round.number()).put("filters", filters(study)));
      }
      AttributeFilter filter = AttributeFilter.of(study, query);
      return Future.all(rounds.round(studyId, number), attributes.list(studyId)).compose(all -> {
        Round round = all.resultAt(0);
        Set<String> selected = all.<List<ParticipantAttributes.Values>>resultAt(1).stream()
            .filter(v -> filter.selects(v.values())).map(ParticipantAttributes.Values::participant)
            .collect(Collectors.toSet());
        return rounds.counted(round).compose(sets -> vertx.executeBlocking(() -> json(study, round, filter,
            selected, sets), false));
      });
    });
  }

  private static JsonArray filters(Study study) {
    return new JsonArray(study.attributes().stream().map(a -> {
      JsonObject f = new JsonObject().put("attribute", a.id()).put("type", a.type().key());
      return a.type() == Attribute.Type.CHOICE
          ? f.put("options", new JsonArray(a.options().stream().map(o -> o.id()).toList()))
          : f.put("min", a.min()).put("max", a.max());
    }).toList());
  }

  static JsonObject json(Study study, Round round, AttributeFilter filter, Set<String> selected, List<AnswerSet> sets) {
    Criteria c = study.criteria();
    JsonArray items = new JsonArray();
    for (String id : round.items()) {
      if (study.item(id).map(Item::type).orElse(null) != ItemType.RATING) {
        continue;
      }
      RatingTally.Builder in = new RatingTally.Builder(c.scaleMin(), c.scaleMax());
      RatingTally.Builder rest = new RatingTally.Builder(c.scaleMin(), c.scaleMax());
      for (AnswerSet s : sets) {
        if (s != null && s.submitted() && s.answers().get(id) instanceof Answer.Rating r && r.rated()) {
          (selected.contains(s.participant()) ? in : rest).add(r.value());
        }
      }
      RatingStats stats = FilteredGroup.stats(in.build(), rest.build(), c);
      items.add(new JsonObject().put("id", id)
          .put("overall", stats == null ? new JsonObject().put("suppressed", true) : ResultsJson.stats(stats)));
    }
    return new JsonObject().put("study", study.id()).put("round", round.number()).put("provisional", round.open())
        .put("filter", filter.json()).put("items", items);
  }
}
