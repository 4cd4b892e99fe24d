package org.kenes.discussion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kenes.mail.MailService;
import org.kenes.participant.Participant;
import org.kenes.participant.ParticipantRepository;
import org.kenes.store.Durability;
import org.kenes.study.StudyService;

/**
 * Panelists who asked to be told of replies to their posts ({@code replyWatches}, {@code study:participant}: whether
 * they asked, the time up to which replies were told, the day of the last digest), and the daily digest: one message
 * a day at most, through the outbox, saying how many replies came.
 */
public final class ReplyDigests {

  static final String COLLECTION = "replyWatches";

  private final MongoClient mongo;
  private final Durability durability;
  private final PostRepository posts;
  private final StudyService studies;
  private final ParticipantRepository participants;
  private final MailService mail;
  private final Clock clock;

  public ReplyDigests(MongoClient mongo, Durability durability, PostRepository posts, StudyService studies,
      ParticipantRepository participants, MailService mail, Clock clock) {
    this.mongo = mongo;
    this.durability = durability;
    this.posts = posts;
    this.studies = studies;
    this.participants = participants;
    this.mail = mail;
    this.clock = clock;
  }

  /** Whether a participant asked to be told of replies. */
  public Future<Boolean> watching(String study, String participant) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", study + ":" + participant), null)
        .map(doc -> doc != null && doc.getBoolean("on", false));
  }

  /** Asks for the digest, or stops it; replies before now are not told. */
  public Future<Boolean> watch(String study, String participant, boolean on) {
    JsonObject set = new JsonObject().put("study", study).put("participant", participant).put("on", on)
        .put("seenMs", clock.millis());
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", study + ":" + participant),
            new JsonObject().put("$set", set), new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync()).map(on);
  }

  /** Forgets a participant's wish (their withdrawal or erasure). */
  public Future<Void> forget(String study, String participant) {
    return mongo.removeDocuments(COLLECTION, new JsonObject().put("study", study).put("participant", participant))
        .compose(r -> durability.sync());
  }

  /** Queues today's digest to each panelist who asked, has new replies and was not written to today: how many. */
  public Future<Integer> run() {
    String today = LocalDate.now(clock).toString();
    return mongo.find(COLLECTION, new JsonObject().put("on", true)).compose(watches -> {
      List<Future<Integer>> sent = new ArrayList<>();
      for (JsonObject w : watches) {
        if (!today.equals(w.getString("day"))) {
          sent.add(digest(w, today));
        }
      }
      return Future.all(sent).map(all -> sent.stream().mapToInt(Future::result).sum());
    });
  }

  private Future<Integer> digest(JsonObject watch, String today) {
    String study = watch.getString("study");
    String participant = watch.getString("participant");
    long seen = watch.getLong("seenMs", 0L);
    return posts.all(study).compose(all -> {
      Set<String> mine = all.stream().filter(p -> p.participant().equals(participant)).map(Post::id)
          .collect(Collectors.toSet());
      List<Post> replies = all.stream().filter(p -> p.reply() && mine.contains(p.parent())
          && !p.participant().equals(participant) && p.state() == Post.State.VISIBLE
          && p.at().toEpochMilli() > seen).toList();
      if (replies.isEmpty()) {
        return Future.succeededFuture(0);
      }
      long upTo = replies.stream().mapToLong(p -> p.at().toEpochMilli()).max().orElse(seen);
      return Future.all(studies.get(study), participants.find(study, participant)).compose(both -> both
              .<Optional<Participant>>resultAt(1)
              .map(p -> mail.replies(both.resultAt(0), p, replies.size(), today)).orElse(Future.succeededFuture(0)))
          .compose(n -> mongo.updateCollection(COLLECTION, new JsonObject().put("_id", watch.getString("_id")),
              new JsonObject().put("$set", new JsonObject().put("seenMs", upTo).put("day", today))).map(n));
    });
  }
}
