package org.kenes.privacy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.kenes.account.Actor;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerJson;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.audit.AuditLog;
import org.kenes.common.NotFound;
import org.kenes.consent.Consents;
import org.kenes.discussion.Post;
import org.kenes.discussion.PostRepository;
import org.kenes.discussion.ReplyDigests;
import org.kenes.mail.MailService;
import org.kenes.mail.Message;
import org.kenes.panelist.AnswerService;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantAttributes;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * A panelist's rights over what Kenes holds about them: to see it (and take it away as JSON), to withdraw, and to be
 * erased; the same for a facilitator acting for them. The audit records what was done, never to whom.
 */
public final class PersonalData {

  /**
   * The collections that say who the panelists are (names, emails, links, consent records, the messages to them and
   * the rounds they opened); what a pseudonymous backup leaves out, with the sessions' secrets.
   */
  public static final Set<String> IDENTIFYING = Set.of("participants", "outbox", "consents", "opened", "sessions");

  /** What a withdrawal or an erasure did: the open round the panelist's answers were taken out of, if any. */
  public record Done(Optional<Integer> round) {}

  private final ParticipantRepository participants;
  private final RoundService rounds;
  private final AnswerRepository answerSets;
  private final AnswerRepository pilotSets;
  private final AnswerService answers;
  private final Consents consents;
  private final PostRepository posts;
  private final ReplyDigests digests;
  private final MailService mail;
  private final AuditLog audit;
  private final ParticipantAttributes attributes;

  public PersonalData(ParticipantRepository participants, RoundService rounds, AnswerRepository answerSets,
      AnswerRepository pilotSets, AnswerService answers, Consents consents, MailService mail, AuditLog audit,
      ParticipantAttributes attributes, PostRepository posts, ReplyDigests digests) {
    this.attributes = attributes;
    this.participants = participants;
    this.rounds = rounds;
    this.answerSets = answerSets;
    this.pilotSets = pilotSets;
    this.answers = answers;
    this.consents = consents;
    this.posts = posts;
    this.digests = digests;
    this.mail = mail;
    this.audit = audit;
  }

  /** A participant of a study by their id; {@link NotFound} for none. */
  public Future<Participant> participant(String study, String id) {
    return participants.find(study, id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFound("no participant " + id + " in study '" + study + "'"))));
  }

  /**
   * A document of what Kenes holds about one panelist: who they are (with their attribute values), their consent, each
   * round's answers and comments, their posts in the discussions, and the messages written to them.
   */
  public Future<JsonObject> of(Study study, Participant p) {
    AnswerRepository kept = p.pilot() ? pilotSets : answerSets;
    return rounds.list(study).compose(held -> Future.all(
            Future.all(held.stream().map(r -> kept.find(study.id(), r.number(), p.id())).toList()),
            consents.of(study.id(), p.id()), mail.to(study.id(), p.id()), attributes.of(p),
            posts.by(study.id(), p.id()))
        .map(all -> {
          List<Optional<AnswerSet>> sets = all.<io.vertx.core.CompositeFuture>resultAt(0).list();
          JsonArray byRound = new JsonArray();
          for (int i = 0; i < held.size(); i++) {
            byRound.add(round(study, held.get(i), sets.get(i), p.language()));
          }
          String lang = p.language();
          JsonObject person = new JsonObject().put("id", p.id()).put("name", p.name()).put("email", p.email())
              .put("panel", p.panel()).put("panelName", study.panel(p.panel()).map(x -> study.text(x.name(), lang))
                  .orElse(p.panel()))
              .put("language", lang).put("withdrawnAt", p.withdrawnAt()).put("pilot", p.pilot())
              .put("attributes", new JsonObject(new HashMap<>(all.<ParticipantAttributes.Values>resultAt(3).values())));
          JsonArray agreements = new JsonArray(all.<List<Consents.Agreement>>resultAt(1).stream()
              .map(a -> new JsonObject().put("version", a.version()).put("language", a.language()).put("at", a.at()))
              .toList());
          JsonArray messages = new JsonArray(all.<List<Message>>resultAt(2).stream()
              .map(m -> new JsonObject().put("kind", m.kind()).put("to", m.to()).put("subject", m.subject())
                  .put("body", m.body()).put("status", m.status()).put("at", m.at()).put("sentAt", m.sentAt()))
              .toList());
          return new JsonObject().put("study", study.id()).put("title", study.text(study.title(), lang))
              .put("generatedAt", Instant.now().toString()).put("participant", person)
              .put("consent", new JsonObject().put("asked", study.privacy().consent() != null)
                  .put("agreements", agreements))
              .put("rounds", byRound).put("messages", messages).put("posts", posts(study, all.resultAt(4), lang))
              .put("retentionDays", study.privacy().retentionDays()).put("contact", study.privacy().contact());
        }));
  }

  /** Their posts in the discussion, as they wrote them, with what the moderators did. */
  private static JsonArray posts(Study study, List<Post> posts, String lang) {
    return new JsonArray(posts.stream().map(x -> new JsonObject().put("item", x.item())
        .put("question", study.item(x.item()).map(i -> study.text(i.text(), lang)).orElse(x.item())).put("id", x.id())
        .put("parent", x.parent()).put("tag", x.tag() == null ? null : x.tag().key()).put("text", x.text())
        .put("at", x.at().toString()).put("state", x.state().key()).put("reason", x.reason())).toList());
  }

  private static JsonObject round(Study study, Round round, Optional<AnswerSet> set, String lang) {
    JsonObject json = new JsonObject().put("round", round.number()).put("status", round.open() ? "open" : "closed")
        .put("submitted", set.map(AnswerSet::submitted).orElse(false))
        .put("updatedAt", set.map(AnswerSet::updatedAt).orElse(null));
    JsonArray answered = new JsonArray();
    set.ifPresent(s -> s.answers().forEach((itemId, answer) -> {
      Item item = study.item(itemId).orElse(null);
      JsonObject entry = new JsonObject().put("item", itemId).put("type", item == null ? null : item.type().key())
          .put("text", item == null ? itemId : study.text(item.text(), lang)).put("answer", AnswerJson.toJson(answer));
      if (s.first().containsKey(itemId)) {
        // A real-time study keeps the first rating too, to show how views moved: it is theirs as much as the answer.
        entry.put("first", AnswerJson.toJson(s.first().get(itemId)));
      }
      if (item != null && answer instanceof Answer.Ranking) {
        JsonObject options = new JsonObject();
        item.options().forEach(o -> options.put(o.id(), study.text(o.text(), lang)));
        entry.put("options", options);
      }
      answered.add(entry);
    }));
    return json.put("answers", answered);
  }

  /**
   * Withdraws a panelist: no more messages (those waiting are taken back), no more rounds, their answers of the open
   * round taken out of it and their posts and agreements out of the discussions; closed rounds keep what they counted.
   */
  public Future<Done> withdraw(Participant p, Actor by) {
    return leave(p).compose(done -> audit.record(by, "participant.withdrawn", whose(by), p.study(), detail(done))
        .map(done));
  }

  /**
   * Erases a panelist: as a withdrawal, and then their answers of every round, their consent records, the messages to
   * them, and last their name, email and link. What closed rounds' stored results counted stays there, anonymously.
   */
  public Future<Done> erase(Participant p, Actor by) {
    return leave(p)
        .compose(done -> rounds.list(p.study()).compose(held -> answerSets.delete(p.study(), held.stream()
                // The open round keeps its withdrawal mark, which holds no answer and refuses a late save.
                .filter(r -> done.round().map(n -> n != r.number()).orElse(true)).map(Round::number).toList(), p.id()))
            // A pilot's sets, of the rounds held and of the one they tried before it opened.
            .compose(v -> !p.pilot() ? Future.succeededFuture() : rounds.list(p.study()).compose(held -> pilotSets
                .delete(p.study(), IntStream.rangeClosed(1, held.size() + 1).boxed().toList(), p.id())))
            .compose(v -> consents.forget(p.study(), p.id()))
            .compose(v -> mail.forget(p.study(), p.id()))
            .compose(v -> participants.erase(p))
            .compose(v -> audit.record(by, "participant.erased", whose(by), p.study(), detail(done)))
            .map(done));
  }

  private Future<Done> leave(Participant p) {
    return participants.withdraw(p)
        .compose(v -> answers.withdraw(p))
        // Their voice leaves the discussions as it leaves the open round: posts and agreements go.
        .compose(round -> posts.forget(p.study(), p.id()).compose(v -> digests.forget(p.study(), p.id())).map(round))
        .compose(round -> mail.cancel(p.study(), p.id()).map(new Done(round)));
  }

  /** The audit's target: a participant, never which. */
  private static String whose(Actor by) {
    return by == Actor.PANELIST ? "a participant, through their own link" : "a participant";
  }

  private static String detail(Done done) {
    return done.round().map(n -> "their answers were taken out of round " + n).orElse(null);
  }
}
