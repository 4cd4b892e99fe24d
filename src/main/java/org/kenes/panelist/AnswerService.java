package org.kenes.panelist;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerReader;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.common.Forbidden;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Recent;
import org.kenes.consensus.Criteria;
import org.kenes.consent.Consents;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.round.TallyRepository;
import org.kenes.store.Durability;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/** The panelist's side: their questionnaire with group feedback, and their saves. */
public final class AnswerService {

  private final StudyService studies;
  private final ParticipantRepository participants;
  private final RoundService rounds;
  private final AnswerRepository answers;
  private final AnswerRepository pilotAnswers;
  private final Consents consents;
  private final GroupFeedback feedback;
  private final Saves saves;
  private final Recent<String, Study> inRound = new Recent<>(60_000, 1_000, System::currentTimeMillis);

  /** @param events where every save is announced ({@link #address}), for the live dashboards of every instance */
  public AnswerService(StudyService studies, ParticipantRepository participants, RoundService rounds,
      AnswerRepository answers, AnswerRepository pilotAnswers, TallyRepository tallies, Durability durability,
      EventBus events, Consents consents) {
    this.studies = studies;
    this.participants = participants;
    this.rounds = rounds;
    this.answers = answers;
    this.pilotAnswers = pilotAnswers;
    this.consents = consents;
    this.feedback = new GroupFeedback(rounds);
    this.saves = new Saves(rounds, answers, pilotAnswers, tallies, durability, events, feedback);
    // A study's consent text may change while a round is open: a change through this instance applies at once, one
    // through another within the minute its definitions are kept.
    events.consumer(StudyService.CHANGED, m -> inRound.clear());
  }

  /** The event-bus address on which a study's saves are announced: {@code {"study", "round", "panel", "submitted"}}. */
  public static String address(String study) {
    return "kenes.answers." + study;
  }

  /**
   * Who a personal link belongs to, their study, and its open round if there is one; for a pilot participant, else the
   * round that would open next (the pilot round: see {@link #nextRound}).
   */
  public record Panelist(Participant participant, Study study, Optional<Round> round) {}

  public Future<Panelist> panelist(String token) {
    return participants.findByToken(token)
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(new NotFound("this personal link is not known"))))
        .compose(p -> rounds.openRound(p.study()).compose(round -> definition(p.study(), round)
            .compose(study -> (round.isPresent() || !p.pilot() ? Future.succeededFuture(round) : pilotRound(study))
                .map(r -> new Panelist(p, study, r)))));
  }

  /**
   * The round that would open next, with its items as opening it would choose them, while none is open; none once
   * the study has had its rounds. Pilots answer it before it opens (on a draft: round 1), as a preview shows it.
   */
  private Future<Optional<Round>> nextRound(Study study) {
    return rounds.list(study).compose(held -> held.size() >= study.rounds().max()
        ? Future.succeededFuture(Optional.empty())
        : rounds.nextItems(study, held).map(items -> Optional.of(new Round(study.id(), held.size() + 1, true, items,
            Instant.now().toString(), null, null))));
  }

  /** The round a pilot tries while none is open: the next one, unless the dialogue has ended (published). */
  private Future<Optional<Round>> pilotRound(Study study) {
    return rounds.ended(study.id()).compose(over -> over ? Future.succeededFuture(Optional.empty()) : nextRound(study));
  }

  /** Where a participant's sets are kept: a pilot's apart, where nothing that counts reads. */
  private AnswerRepository setsOf(Participant p) {
    return p.pilot() ? pilotAnswers : answers;
  }

  /**
   * The study's definition; while a round is open its questions cannot change (items change only between rounds), so
   * every save and page of that round reads it once a minute.
   */
  private Future<Study> definition(String study, Optional<Round> round) {
    return round.map(r -> inRound.get(r.study() + ":" + r.number() + ":" + r.openedAt(), k -> studies.get(study)))
        .orElseGet(() -> studies.get(study));
  }

  /** The questionnaire of the open round in the panelist's language (CONTRACT.md, {@code GET /api/p/{token}}). */
  public Future<JsonObject> questionnaire(String token, String language) {
    return panelist(token).compose(who -> questionnaire(who, language));
  }

  /**
   * The questionnaire of a panelist already found by their link: with the study's consent text and whether they
   * agreed, and the items only once they have (and while they have not withdrawn).
   */
  public Future<JsonObject> questionnaire(Panelist who, String language) {
    Study study = who.study();
    String lang = language != null && study.languages().contains(language) ? language : who.participant().language();
    Participant p = who.participant();
    return consents.given(study, p.id()).compose(given -> {
      Future<JsonObject> json;
      // Answering needs the study's consent, and a participant who withdrew answers no more.
      if (who.round().isEmpty() || !given || p.withdrawn()) {
        json = Future.succeededFuture(questionnaire(study, p.panel(), lang, null, Optional.empty(), Map.of())
            .put("round", who.round().map(Round::number).orElse(null)));
      } else {
        Round round = who.round().get();
        // A pilot's visits are not noted: the rounds opened are the real panel's.
        AnswerRepository sets = setsOf(p);
        json = Future.all(sets.current(study.id(), round.number(), p.id()), feedback.of(study, round, p.id(), sets),
                p.pilot() ? Future.succeededFuture() : participants.markOpened(study.id(), round.number(), p.id())
                    .otherwiseEmpty())
            .map(all -> questionnaire(study, p.panel(), lang, round, all.resultAt(0), all.resultAt(1)));
      }
      return json.map(q -> {
        q.put("withdrawn", p.withdrawn()).put("pilot", p.pilot());
        if (study.privacy().consent() != null) {
          String text = study.consentText(lang);
          q.put("consent", new JsonObject().put("text", text).put("version", Consents.version(text))
              .put("agreed", given));
        }
        return q;
      });
    });
  }

  /**
   * The questionnaire as a panelist of {@code panel} would see it in {@code language}, for the open round, else the
   * round that would open next (its items as opening it would choose them), with the group feedback of the closed
   * rounds before it and no answer of anybody's: nothing is read of any panelist, nothing is written.
   * {@link Conflict} when no round is left to ask.
   */
  public Future<JsonObject> preview(String studyId, String panel, String language) {
    return studies.get(studyId).compose(study -> rounds.list(study).compose(held -> {
      if (panel != null && study.panel(panel).isEmpty()) {
        return Future.failedFuture(Invalid.worded("panel", "problem.panel.unknown", panel, study.panelIds()));
      }
      Optional<Round> open = held.stream().filter(Round::open).findFirst();
      Future<Round> round = open.map(Future::succeededFuture).orElseGet(() -> nextRound(study).compose(next -> next
          .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
              Conflict.worded("problem.round.max", study.rounds().max())))));
      String lang = language != null && study.languages().contains(language) ? language : study.firstLanguage();
      return round.compose(r -> feedback.of(study, r, null, null)
          .map(feedback -> questionnaire(study, panel, lang, r, Optional.empty(), feedback)));
    }));
  }

  /**
   * The answers of a preview checked as a save of them would be, and nothing stored: {@link Invalid} with the problems
   * by path, as a panelist would meet them.
   */
  public static void check(Study study, List<String> items, JsonObject body) {
    AnswerReader.Save save = AnswerReader.read(study, items, body);
    if (save.submit()) {
      AnswerReader.checkComplete(save.answers(), Map.of());
    }
  }

  private static JsonObject questionnaire(Study study, String panel, String lang, Round round,
      Optional<AnswerSet> mine, Map<String, Feedback> feedback) {
    JsonObject json = new JsonObject().put("study", study.id()).put("title", study.text(study.title(), lang))
        .put("language", lang).put("languages", new JsonArray(study.languages()))
        .put("scale", scale(study, lang)).put("panel", panel)
        .put("panels", new JsonArray(study.panels().stream()
            .map(p -> new JsonObject().put("id", p.id()).put("name", study.text(p.name(), lang))).toList()));
    if (study.realTime()) {
      json.put("mode", study.mode().key());
    }
    if (round == null) {
      return json.putNull("round").put("submitted", false).put("items", new JsonArray());
    }
    JsonArray items = new JsonArray();
    for (String itemId : round.items()) {
      Item item = study.item(itemId).orElseThrow();
      JsonObject entry = item(study, item, lang);
      Answer answer = mine.map(m -> m.answers().get(itemId)).orElse(null);
      entry.put("answer", answer == null ? null : AnswerJson.toJson(answer));
      if (feedback.containsKey(itemId)) {
        entry.put("feedback", feedback.get(itemId).toJson());
      }
      items.add(entry);
    }
    return json.put("round", round.number()).put("submitted", mine.map(AnswerSet::submitted).orElse(false))
        .put("items", items);
  }

  /**
   * Validates and stores a save of the open round, adds what it changes to the round's live tallies, and answers once
   * it is durable, within its lease ({@link Saves}); {@link Conflict} once the round is closed or the panelist has
   * withdrawn, {@link Forbidden} until they agreed to the study's consent text. A save that leaves the set submitted (a
   * submit, or a revision after one) must also be complete: {@link AnswerReader#checkComplete}.
   */
  public Future<JsonObject> save(String token, JsonObject body) {
    // The save's lease runs from here, before the round is read open.
    long started = rounds.fence().now();
    return panelist(token).compose(who -> {
      Round round = who.round().orElse(null);
      Participant p = who.participant();
      if (p.withdrawn()) {
        return Future.failedFuture(new Conflict("you have withdrawn from this study: answers are no longer taken"));
      }
      if (round == null) {
        return Future.failedFuture(new Conflict("no round is open: answers can no longer be changed"));
      }
      AnswerReader.Save save = AnswerReader.read(who.study(), round.items(), body);
      return consents.given(who.study(), p.id()).compose(given -> !given ? Future.<AnswerSet>failedFuture(
              new Forbidden("please read and agree to the study's consent text first"))
              : p.pilot() ? saves.savePilot(who, round, save) : saves.save(who, round, save, started))
          .map(now -> {
            JsonObject saved = new JsonObject().put("round", round.number()).put("saved", save.answers().size())
                .put("submitted", now.submitted());
            return p.pilot() ? saved.put("pilot", true) : saved;
          });
    });
  }

  /**
   * Takes a participant's answers out of their study's open round for good, as they withdraw (or are erased): the
   * set is replaced by a mark that refuses their later saves, and the live tallies lose its share. Answers the round
   * they were taken out of, if one was open.
   */
  public Future<Optional<Integer>> withdraw(Participant p) {
    long started = rounds.fence().now();
    // A pilot's sets were never in any round's figures: they stay apart until erased or cleared.
    return rounds.openRound(p.study()).compose(open -> open.isEmpty() || p.pilot()
        ? Future.succeededFuture(Optional.empty())
        : definition(p.study(), open).compose(study -> saves.withdraw(p, study, open.get(), started)));
  }

  private static JsonObject item(Study study, Item item, String lang) {
    JsonObject json = new JsonObject().put("id", item.id()).put("type", item.type().key())
        .put("category", item.category()).put("text", study.text(item.text(), lang));
    if (item.type() == ItemType.RANKING) {
      json.put("options", new JsonArray(item.options().stream()
          .map(o -> new JsonObject().put("id", o.id()).put("text", study.text(o.text(), lang))).toList()));
    }
    return json;
  }

  private static JsonObject scale(Study study, String lang) {
    JsonObject labels = new JsonObject();
    study.scale().labels().forEach((point, text) -> labels.put(String.valueOf(point), study.text(text, lang)));
    Criteria c = study.criteria();
    return new JsonObject().put("min", study.scale().min()).put("max", study.scale().max())
        .put("allowUnable", study.scale().allowUnable()).put("labels", labels)
        .put("agree", new JsonArray(List.of(c.agree().low(), c.agree().high())))
        .put("disagree", new JsonArray(List.of(c.disagree().low(), c.disagree().high())));
  }
}
