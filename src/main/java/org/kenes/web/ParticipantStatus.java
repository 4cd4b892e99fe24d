package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kenes.answer.AnswerSet;
import org.kenes.consent.Consents;
import org.kenes.participant.Participant;
import org.kenes.round.Round;
import org.kenes.services.Services;

/**
 * Each participant with where they stand: invited (the invitation's status in the outbox), their consent to the
 * study's text ({@code agreed}, {@code asked-again}, {@code not-yet}, {@code not-asked}), whether they withdrew, and
 * per round opened, started (a draft saved) or submitted; a pilot ({@code pilot}) by their pilot sets. Never their
 * answers.
 */
public final class ParticipantStatus {

  private ParticipantStatus() {}

  /**
   * The participants a listing asks for (a search over id, name, email, panel and language; a page of it), each with
   * where they stand. Joining 20,000 people with their rounds is the work of a worker, not of the event loop.
   */
  public static Future<Listing.Page<JsonObject>> of(Services s, Vertx vertx, String studyId, Listing listing) {
    return s.studies().get(studyId).compose(study -> Future.all(List.of(s.participants().list(studyId),
            s.mail().invitations(studyId), s.participants().opened(studyId), s.rounds().list(studyId),
            s.answerSets().list(studyId), s.consents().statuses(study), s.pilotSets().list(studyId)))
        .compose(all -> vertx.executeBlocking(() -> {
          Listing.Page<Participant> page = listing.of(all.<List<Participant>>resultAt(0),
              ParticipantStatus::searchable);
          Map<String, String> invited = all.resultAt(1);
          Map<String, Set<Integer>> opened = all.resultAt(2);
          List<Round> rounds = all.resultAt(3);
          Map<String, AnswerSet> sets = new HashMap<>();
          all.<List<AnswerSet>>resultAt(4).forEach(a -> sets.put(a.round() + ":" + a.participant(), a));
          all.<List<AnswerSet>>resultAt(6).forEach(a -> sets.put(a.round() + ":" + a.participant(), a));
          Map<String, Consents.Status> consents = all.resultAt(5);
          List<JsonObject> list = new ArrayList<>(page.items().size());
          for (Participant p : page.items()) {
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
                .put("pilot", p.pilot()).put("rounds", byRound));
          }
          return new Listing.Page<>(list, page.total(), page.page(), page.pages(), page.from(), page.to());
        }, false)));
  }

  private static String searchable(Participant p) {
    return String.join("\n", p.id(), Objects.toString(p.name(), ""), Objects.toString(p.email(), ""), p.panel(),
        p.language());
  }

  public static String link(Services s, Participant p) {
    return s.config().baseUrl() + "/p/" + p.token();
  }
}
