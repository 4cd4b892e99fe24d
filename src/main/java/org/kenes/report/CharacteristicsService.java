package org.kenes.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Characteristics;
import org.kenes.participant.ParticipantAttributes;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.study.Attribute;
import org.kenes.study.Option;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * Who the panel was: the study's participant attributes among those who submitted at least one closed round, per
 * panel and overall ({@link Characteristics}), as JSON. A withheld column or option reads {@code {"suppressed": true}}.
 */
public final class CharacteristicsService {

  private final StudyService studies;
  private final RoundService rounds;
  private final AnswerRepository answers;
  private final ParticipantAttributes attributes;

  public CharacteristicsService(StudyService studies, RoundService rounds, AnswerRepository answers,
      ParticipantAttributes attributes) {
    this.studies = studies;
    this.rounds = rounds;
    this.answers = answers;
    this.attributes = attributes;
  }

  public Future<JsonObject> characteristics(String studyId) {
    return Future.all(studies.get(studyId), rounds.list(studyId), attributes.list(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      List<Round> closed = all.<List<Round>>resultAt(1).stream().filter(r -> !r.open()).toList();
      List<ParticipantAttributes.Values> values = all.resultAt(2);
      return Future.all(closed.stream().map(r -> answers.list(studyId, r.number())).toList()).map(sets -> {
        Set<String> tookPart = new HashSet<>();
        sets.<List<AnswerSet>>list().forEach(list -> list.stream().filter(s -> s != null && s.submitted())
            .forEach(s -> tookPart.add(s.participant())));
        List<ParticipantAttributes.Values> respondents = values.stream()
            .filter(v -> tookPart.contains(v.participant())).toList();
        return json(study, respondents);
      });
    });
  }

  static JsonObject json(Study study, List<ParticipantAttributes.Values> respondents) {
    JsonArray out = new JsonArray();
    int minCell = study.criteria().minCell();
    for (Attribute a : study.attributes()) {
      List<Characteristics.Person> people = respondents.stream()
          .map(v -> new Characteristics.Person(v.panel(), v.values().get(a.id()))).toList();
      List<Characteristics.Column> columns = a.type() == Attribute.Type.CHOICE
          ? Characteristics.choice(study.panelIds(), a.options().stream().map(Option::id).toList(), people, minCell)
          : Characteristics.number(study.panelIds(), people, minCell);
      out.add(new JsonObject().put("id", a.id()).put("type", a.type().key())
          .put("columns", new JsonArray(columns.stream().map(c -> column(a, c)).toList())));
    }
    return new JsonObject().put("study", study.id()).put("respondents", respondents.size()).put("attributes", out);
  }

  private static JsonObject column(Attribute a, Characteristics.Column c) {
    JsonObject json = new JsonObject().put("panel", c.panel());
    if (c.suppressed()) {
      return json.put("suppressed", true);
    }
    json.put("n", c.n()).put("missing", c.missing());
    if (a.type() == Attribute.Type.NUMBER) {
      return json.put("median", c.median()).put("min", c.min()).put("max", c.max());
    }
    JsonObject options = new JsonObject();
    a.options().forEach(o -> options.put(o.id(), c.withheld().contains(o.id())
        ? new JsonObject().put("suppressed", true)
        : new JsonObject().put("count", c.counts().get(o.id())).put("share", c.share(o.id()))));
    return json.put("options", options);
  }
}
