package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.answer.AnswerSet;
import org.kenes.consent.Consents;
import org.kenes.participant.Participant;
import org.kenes.round.Round;
import org.kenes.services.Services;

/**
 * Each participant with where they stand: invited (the invitation's status in the outbox), their consent to the
 * study's text ({@code agreed}, {@code asked-again}, {@code not-yet}, {@code not-asked}), whether they withdrew, and
 * per round opened, started (a draft saved) or submitted. Never their answers.
 */
public final class ParticipantStatus {

  private ParticipantStatus() {}

  public static Future<JsonArray> of(Services s, String studyId) {
    return s.studies().get(studyId).compose(study -> Future.all(List.of(s.participants().list(studyId),
            s.mail().invitations(studyId), s.participants().opened(studyId), s.rounds().list(studyId),
            s.answerSets().list(studyId), s.consents().statuses(study)))
        .map(all -> {
          List<Participant> people = all.resultAt(0);
          Map<String, String> invited = all.resultAt(1);
          Map<String, Set<Integer>> opened = all.resultAt(2);
          List<Round> rounds = all.resultAt(3);
          Map<String, AnswerSet> sets = new HashMap<>();
          all.<List<AnswerSet>>resultAt(4).forEach(a -> sets.put(a.round() + ":" + a.participant(), a));
          Map<String, Consents.Status> consents = all.resultAt(5);
          JsonArray list = new JsonArray();
          for (Participant p : people) {
            JsonArray byRound = new JsonArray();
            for (Round r : rounds) {
              AnswerSet set = sets.get(r.number() + ":" + p.id());
              String state = set == null ? (opened.getOrDefault(p.id(), Set.of()).contains(r.number()) ? "opened" : "not-opened")
                  : set.submitted() ? "submitted" : "started";
              byRound.add(new JsonObject().put("round", r.number()).put("status", state));
            }
            list.add(new JsonObject().put("id", p.id()).put("name", p.name()).put("email", p.email())
                .put("panel", p.panel()).put("language", p.language()).put("link", link(s, p))
                .put("invited", invited.get(p.id()))
                .put("consent", Consents.status(study, consents, p.id()).key()).put("withdrawnAt", p.withdrawnAt())
                .put("rounds", byRound));
          }
          return list;
        }));
  }

  public static String link(Services s, Participant p) {
    return s.config().baseUrl() + "/p/" + p.token();
  }
}
