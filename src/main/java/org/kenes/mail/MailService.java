package org.kenes.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kenes.answer.AnswerRepository;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.common.Sha256;
import org.kenes.common.Texts;
import org.kenes.config.KenesConfig;
import org.kenes.outcome.Publications;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.round.Round;
import org.kenes.round.RoundService;
import org.kenes.store.Durability;
import org.kenes.study.Study;
import org.kenes.study.StudyService;

/**
 * Invitations, reminders, the thank-you with the published results, and the warning before a study's personal data
 * is deleted: written to the outbox first (so a message exists before anyone tries to send it), then sent by the
 * {@link Mailer} when SMTP is configured. Nobody who withdrew is written to.
 */
public final class MailService {

  /** What queuing did: how many messages are new, and how many people have no email address to write to. */
  public record Queued(int queued, int withoutEmail) {}

  private final KenesConfig config;
  private final StudyService studies;
  private final ParticipantRepository participants;
  private final RoundService rounds;
  private final AnswerRepository answers;
  private final AnswerRepository pilotAnswers;
  private final OutboxRepository outbox;
  private final MessageTextRepository texts;
  private final Mailer mailer;
  private final Publications publications;
  private final Vertx vertx;

  public MailService(Vertx vertx, KenesConfig config, MongoClient mongo, Durability durability, StudyService studies,
      ParticipantRepository participants, RoundService rounds, AnswerRepository answers, AnswerRepository pilotAnswers,
      Publications publications) {
    this.config = config;
    this.studies = studies;
    this.participants = participants;
    this.rounds = rounds;
    this.answers = answers;
    this.pilotAnswers = pilotAnswers;
    this.outbox = new OutboxRepository(mongo, durability);
    this.texts = new MessageTextRepository(mongo, durability);
    this.mailer = Mailer.create(vertx, config, outbox);
    this.publications = publications;
    this.vertx = vertx;
  }

  private static final Comparator<Message> OLDEST_FIRST = Comparator.comparing(Message::at).thenComparing(Message::id);

  public Mailer mailer() {
    return mailer;
  }

  /** An invitation with the personal link to every participant with an email who has none yet. */
  public Future<Queued> invite(String studyId) {
    return Future.all(studies.get(studyId), participants.list(studyId), rounds.openRound(studyId))
        .compose(all -> {
          Study study = all.resultAt(0);
          List<Participant> people = all.resultAt(1);
          java.util.Optional<Round> open = all.resultAt(2);
          return queue(study, people, Message.INVITATION, open.orElse(null), p -> study.id() + ":invitation:" + p.id());
        });
  }

  /**
   * A reminder to each participant with an email who has not submitted the open round; at most one a day each, so a
   * repeated request queues nothing new.
   */
  public Future<Queued> remind(String studyId) {
    return Future.all(studies.get(studyId), participants.list(studyId), rounds.openRound(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      List<Participant> people = all.resultAt(1);
      java.util.Optional<Round> open = all.resultAt(2);
      if (open.isEmpty()) {
        return Future.failedFuture(new Conflict("no round is open: there is nothing to remind of"));
      }
      Round round = open.get();
      String day = LocalDate.now(ZoneOffset.UTC).toString();
      // A pilot who submitted their pilot set is not reminded either.
      return Future.all(answers.list(studyId, round.number()), pilotAnswers.list(studyId, round.number()))
          .compose(sets -> {
            Set<String> submitted = Stream.concat(sets.<List<AnswerSet>>resultAt(0).stream(),
                    sets.<List<AnswerSet>>resultAt(1).stream())
                .filter(AnswerSet::submitted).map(AnswerSet::participant).collect(Collectors.toSet());
            List<Participant> waiting = people.stream().filter(p -> !submitted.contains(p.id())).toList();
            return queue(study, waiting, Message.REMINDER, round,
                p -> study.id() + ":reminder:" + round.number() + ":" + p.id() + ":" + day);
          });
    });
  }

  /**
   * The thank-you with the published results to every participant with an email who has not withdrawn, once each;
   * {@link Conflict} before the results are published.
   */
  public Future<Queued> thank(String studyId) {
    return Future.all(studies.get(studyId), participants.list(studyId), publications.find(studyId)).compose(all -> {
      Study study = all.resultAt(0);
      if (all.<java.util.Optional<?>>resultAt(2).isEmpty()) {
        return Future.failedFuture(new Conflict("the results are not published yet: publish them first"));
      }
      return queue(study, all.resultAt(1), Message.RESULTS, null, p -> study.id() + ":results:" + p.id());
    });
  }

  /** Someone to warn that a study's personal data is about to go: an address, and the language to write in. */
  public record Recipient(String address, String language) {}

  /**
   * Warns {@code recipients} that the study's personal data will be deleted on {@code date}, {@code days} days from
   * now, each in their language (the study's first where it lacks theirs): one message per warning and address,
   * however many instances send it, and one per address that appears twice. A message's id carries no address.
   */
  public Future<Void> warnRetention(Study study, List<Recipient> recipients, int days, String date) {
    Map<String, Message> messages = new LinkedHashMap<>();
    for (Recipient r : recipients) {
      String address = r.address().toLowerCase(Locale.ROOT);
      String lang = study.languages().contains(r.language()) ? r.language() : study.firstLanguage();
      MessageText text = MessageText.standard(Message.RETENTION, lang);
      Map<String, String> values = Map.of("study", study.text(study.title(), lang), "date", date,
          "days", String.valueOf(days), "link", config.baseUrl() + "/console/studies/" + study.id() + "/build/privacy");
      messages.putIfAbsent(address, new Message(study.id() + ":retention:" + days + ":"
          + Sha256.hex(address).substring(0, 16), study.id(), null, r.address(), Message.RETENTION, null, lang,
          text.fill(text.subject(), values), text.fill(text.body(), values), mailer.configured() ? "queued" : "unsent",
          Instant.now().toString(), null, null));
    }
    return messages.isEmpty() ? Future.succeededFuture()
        : outbox.queue(List.copyOf(messages.values())).onSuccess(n -> mailer.deliver()).mapEmpty();
  }

  /**
   * Tells a panelist that {@code replies} replies to their posts came since they were last told: one message a day
   * at most ({@code day} is in its id, so another instance or a second run that day queues nothing). None to someone
   * withdrawn or without an email address. The mail says how many, never what nor by whom: they read the replies
   * through their link.
   */
  public Future<Integer> replies(Study study, Participant p, int replies, String day) {
    if (p.withdrawn() || p.email() == null) {
      return Future.succeededFuture(0);
    }
    MessageText text = MessageText.standard(Message.REPLIES, p.language());
    Map<String, String> values = Map.of("name", p.name() == null ? "" : p.name(),
        "study", study.text(study.title(), p.language()), "link", config.baseUrl() + "/p/" + p.token(),
        "count", String.valueOf(replies));
    return outbox.queue(List.of(new Message(study.id() + ":replies:" + p.id() + ":" + day, study.id(), p.id(),
            p.email(), Message.REPLIES, null, p.language(), text.fill(text.subject(), values),
            text.fill(text.body(), values), mailer.configured() ? "queued" : "unsent", Instant.now().toString(), null,
            null)))
        .onSuccess(n -> mailer.deliver());
  }

  /** The messages written to a participant. */
  public Future<List<Message>> to(String studyId, String participant) {
    return outbox.to(studyId, participant);
  }

  /** Takes back what is waiting to be sent to a participant who withdrew. */
  public Future<Void> cancel(String studyId, String participant) {
    return outbox.cancel(studyId, participant);
  }

  /** Deletes every message to a participant who is erased. */
  public Future<Void> forget(String studyId, String participant) {
    return outbox.forget(studyId, participant);
  }

  /** Deletes every message of a study: names, addresses and links in their bodies. */
  public Future<Void> forgetAll(String studyId) {
    return outbox.forgetAll(studyId);
  }

  private Future<Queued> queue(Study study, List<Participant> everyone, String kind, Round round,
      java.util.function.Function<Participant, String> id) {
    List<Participant> people = everyone.stream().filter(p -> !p.withdrawn()).toList();
    return texts.all(study.id(), study.languages()).compose(all -> {
      Map<String, MessageText> byLanguage = new HashMap<>();
      all.stream().filter(t -> t.kind().equals(kind)).forEach(t -> byLanguage.put(t.language(), t));
      String now = Instant.now().toString();
      String status = mailer.configured() ? "queued" : "unsent";
      List<Message> messages = new ArrayList<>();
      int withoutEmail = 0;
      for (Participant p : people) {
        if (p.email() == null) {
          withoutEmail++;
          continue;
        }
        MessageText text = byLanguage.getOrDefault(p.language(), MessageText.standard(kind, p.language()));
        Map<String, String> values = Map.of(
            "name", p.name() == null ? "" : p.name(),
            "study", study.text(study.title(), p.language()),
            "link", config.baseUrl() + "/p/" + p.token(),
            "round", round == null ? "" : String.valueOf(round.number()),
            "deadline", round == null ? "" : MessageText.deadline(p.language(), round.closesAt()));
        messages.add(new Message(id.apply(p), study.id(), p.id(), p.email(), kind, round == null ? null : round.number(),
            p.language(), subject(p, text.fill(text.subject(), values)), text.fill(text.body(), values), status, now,
            null, null));
      }
      int skipped = withoutEmail;
      return outbox.queue(messages).onSuccess(n -> mailer.deliver()).map(n -> new Queued(n, skipped));
    });
  }

  private static String subject(Participant p, String subject) {
    return p.pilot() ? MessageText.pilot(p.language(), subject) : subject;
  }

  /** A study's messages, oldest first. */
  public Future<List<Message>> outbox(String studyId) {
    return studies.get(studyId).compose(s -> outbox.list(studyId))
        .compose(all -> vertx.executeBlocking(() -> all.stream().sorted(OLDEST_FIRST).toList(), false));
  }

  /** Who has an invitation in the outbox, by participant id, with its status. */
  public Future<Map<String, String>> invitations(String studyId) {
    return outbox.ofKind(studyId, Message.INVITATION)
        .map(list -> list.stream().collect(Collectors.toMap(Message::participant, Message::status, (a, b) -> a)));
  }

  public Future<List<MessageText>> texts(String studyId) {
    return studies.get(studyId).compose(study -> texts.all(studyId, study.languages()));
  }

  /** A study's own message texts (those edited) given to its copy. */
  public Future<Void> copyTexts(String from, String to) {
    return texts(from).compose(all -> Future.all(all.stream().filter(MessageText::edited)
        .map(t -> texts.save(to, t)).toList())).mapEmpty();
  }

  /** Saves a study's own text of a kind of message in one of its languages. */
  public Future<MessageText> saveText(String studyId, String kind, String language, String subject, String body) {
    return studies.get(studyId).compose(study -> {
      List<Problem> problems = check(study, kind, language, subject, body);
      if (!problems.isEmpty()) {
        return Future.failedFuture(new Invalid("the message text cannot be saved", problems));
      }
      MessageText text = new MessageText(kind, language, Texts.line(subject).strip(), Texts.clean(body).strip(), true);
      return texts.save(studyId, text).map(text);
    });
  }

  /** What is wrong with a message text, by field ({@code kind}, {@code language}, {@code subject}, {@code body}). */
  public static List<Problem> check(Study study, String kind, String language, String subject,
      String body) {
    List<Problem> problems = new ArrayList<>();
    if (!MessageText.KINDS.contains(kind)) {
      problems.add(Problem.worded("kind", "problem.mail.kind", MessageText.KINDS));
    }
    if (!study.languages().contains(language)) {
      problems.add(Problem.worded("language", "problem.text.language", study.languages()));
    }
    if (subject == null || subject.isBlank() || subject.length() > 200) {
      problems.add(Problem.worded("subject", "problem.mail.subject"));
    }
    if (body == null || body.isBlank() || body.length() > 10_000) {
      problems.add(Problem.worded("body", "problem.mail.body"));
    } else if (!body.contains("{link}")) {
      problems.add(Problem.worded("body", "problem.mail.link"));
    }
    return problems;
  }
}
