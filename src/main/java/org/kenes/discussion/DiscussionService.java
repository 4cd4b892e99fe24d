package org.kenes.discussion;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Problem;
import org.kenes.common.TooMany;
import org.kenes.consensus.Disclosure;
import org.kenes.consent.Consents;
import org.kenes.panelist.AnswerService.Panelist;
import org.kenes.participant.ParticipantRepository;
import org.kenes.participant.PseudonymKeys;
import org.kenes.round.RoundService;
import org.kenes.study.Discussion;
import org.kenes.study.Study;

/**
 * Panelists' discussion of the items (the study's {@code discussion} setting): reading an item's thread, posting to it
 * and agreeing with a post. Every change is announced on the event bus ({@link #address}) for live pages.
 */
public final class DiscussionService {

  /** Long enough for an argument with its evidence, short enough to be read on a phone. */
  public static final int MAX_TEXT = 2_000;
  /** Posts one participant may write in a study within {@link #RATE_WINDOW}: a dialogue, not a flood. */
  public static final int MAX_POSTS = 20;
  static final Duration RATE_WINDOW = Duration.ofHours(1);

  private final PostRepository posts;
  private final WordList words;
  private final PseudonymKeys keys;
  private final RoundService rounds;
  private final ParticipantRepository participants;
  private final Consents consents;
  private final EventBus bus;
  private final Clock clock;

  public DiscussionService(PostRepository posts, WordList words, PseudonymKeys keys, RoundService rounds,
      ParticipantRepository participants, Consents consents, EventBus bus, Clock clock) {
    this.posts = posts;
    this.words = words;
    this.keys = keys;
    this.rounds = rounds;
    this.participants = participants;
    this.consents = consents;
    this.bus = bus;
    this.clock = clock;
  }

  /**
   * The event bus address of a study's discussion events ({@code {"item"}} on every change) on this instance; other
   * instances learn of changes from the thread's version ({@link PostRepository#version}).
   */
  public static String address(String study) {
    return "kenes.discussion." + study;
  }

  public PostRepository posts() {
    return posts;
  }

  public WordList words() {
    return words;
  }

  /** An item's thread as a panelist sees it, with whether it takes a post from them now. */
  public Future<Thread> thread(Panelist who, String item) {
    Study study = who.study();
    return known(study, item)
        .compose(v -> Future.all(posts.thread(study.id(), item), posts.votes(study.id(), item), withheld(study),
            refusal(who, item), posts.closed(study.id(), item)))
        .map(all -> new Thread(study.id(), item, all.resultAt(4), all.resultAt(3),
            Threads.entries(all.resultAt(0), all.resultAt(1), who.participant().id(), all.resultAt(2))));
  }

  /** The most agreed arguments for and against each item of a study, for the feedback of its next round. */
  public Future<Map<String, TopArguments.Of>> topArguments(Study study) {
    return Future.all(posts.all(study.id()), posts.votes(study.id(), null))
        .map(all -> TopArguments.of(all.resultAt(0), all.resultAt(1)));
  }

  /** What the report says of each item's discussion, in the study's order of items. */
  public Future<List<DiscussionSummary>> summary(Study study) {
    List<String> items = study.items().stream().map(i -> i.id()).toList();
    return Future.all(posts.all(study.id()), posts.votes(study.id(), null))
        .map(all -> DiscussionSummary.of(items, all.resultAt(0), all.resultAt(1)));
  }

  /** How many posts each item's thread shows a panelist (held ones of others aside), by item. */
  public Future<Map<String, Integer>> counts(Panelist who) {
    String reader = who.participant().id();
    return posts.all(who.study().id()).map(all -> {
      Map<String, Integer> counts = new LinkedHashMap<>();
      all.stream().filter(p -> p.state() != Post.State.HELD || p.participant().equals(reader))
          .forEach(p -> counts.merge(p.item(), 1, Integer::sum));
      return counts;
    });
  }

  /**
   * Posts to an item's thread: {@code {"text", "tag", "parent"}} (tag and parent optional). {@link Invalid} naming the
   * field for a bad post, {@link Conflict} naming {@code discussion} or {@code thread} when none is taken now,
   * {@link TooMany} past the rate limit. The same post sent twice is stored once.
   */
  public Future<Post> post(Panelist who, String item, JsonObject body) {
    Study study = who.study();
    String participant = who.participant().id();
    Instant now = clock.instant();
    return known(study, item)
        .compose(v -> Future.succeededFuture(NewPost.read(body)))
        .compose(asked -> refusal(who, item)
            .compose(refusal -> refusal == null ? Future.succeededFuture() : Future.failedFuture(refused(refusal)))
            .compose(v -> asked.parent() == null ? Future.succeededFuture() : parent(study, item, asked.parent()))
            .compose(v -> keys.of(study.id()))
            .compose(pseudonyms -> insert(who, item, pseudonyms.post(participant, asked.content(item)), asked, now)));
  }

  /** A reply answers a top-level post of the same thread that is shown: one level of replies. */
  private Future<Void> parent(Study study, String item, String parent) {
    return posts.find(study.id(), item, parent).compose(found -> found.filter(p -> p.state() == Post.State.VISIBLE)
        .isEmpty()
        ? Future.failedFuture(Invalid.worded("parent", "problem.discussion.parent"))
        : found.get().reply() ? Future.failedFuture(Invalid.worded("parent", "problem.discussion.depth"))
        : Future.succeededFuture());
  }

  private Future<Post> insert(Panelist who, String item, String id, NewPost asked, Instant now) {
    Study study = who.study();
    String participant = who.participant().id();
    return posts.find(study.id(), item, id)
        .compose(existing -> existing.isPresent() ? Future.succeededFuture(existing.get())
            : posts.countSince(study.id(), participant, now.minus(RATE_WINDOW)).compose(n -> n >= MAX_POSTS
                ? Future.failedFuture(new TooMany("at most " + MAX_POSTS + " posts an hour", 600))
                : words.holds(study, asked.text()).compose(held -> posts.insert(new Post(id, study.id(), item,
                    asked.parent(), participant, who.participant().panel(), asked.tag(), asked.text(),
                    who.participant().language(), now, held ? Post.State.HELD : Post.State.VISIBLE, null, false)))
                .compose(p -> changed(study.id(), item).map(p))));
  }

  /**
   * Agrees with another's post of an item's thread, once per person: agreeing again changes nothing. {@link Invalid}
   * naming {@code post} for a post not shown or one's own.
   */
  public Future<Void> agree(Panelist who, String item, String postId) {
    Study study = who.study();
    return known(study, item)
        .compose(v -> refusal(who, item))
        .compose(refusal -> refusal == null ? Future.succeededFuture() : Future.failedFuture(refused(refusal)))
        .compose(v -> posts.find(study.id(), item, postId))
        .compose(found -> found.filter(p -> p.state() == Post.State.VISIBLE).isEmpty()
            ? Future.failedFuture(Invalid.worded("post", "problem.discussion.post"))
            : found.get().participant().equals(who.participant().id())
            ? Future.failedFuture(Invalid.worded("post", "problem.discussion.own"))
            : posts.vote(study.id(), item, postId, who.participant().id()))
        .compose(v -> changed(study.id(), item));
  }

  /**
   * Tells live pages that an item's thread changed: at once on this instance (the event bus), within a watch's period
   * on the others (the thread's version); what changed they read again through their own link.
   */
  public Future<Void> changed(String study, String item) {
    return posts.touch(study, item).onSuccess(v -> bus.publish(address(study), new JsonObject().put("item", item)));
  }

  /** The panels of a study too small to be named as a post's author (primary and secondary suppression). */
  public Future<Set<String>> withheld(Study study) {
    return participants.countByPanel(study.id()).map(counts -> {
      Map<String, Long> sizes = new LinkedHashMap<>();
      study.panelIds().forEach(p -> sizes.put(p, counts.getOrDefault(p, 0L)));
      return Disclosure.withheld(sizes, study.criteria().minCell());
    });
  }

  private static Future<Void> known(Study study, String item) {
    if (study.discussion() == Discussion.OFF) {
      return Future.failedFuture(refused("problem.discussion.off"));
    }
    return study.item(item).isPresent() ? Future.succeededFuture()
        : Future.failedFuture(new NotFound("item: no item '" + item + "' in this study"));
  }

  /** Why a panelist may not post to an item's thread now (a bundle key), or null when they may. */
  private Future<String> refusal(Panelist who, String item) {
    Study study = who.study();
    if (who.participant().withdrawn()) {
      return Future.succeededFuture("problem.discussion.withdrawn");
    }
    if (study.discussion() == Discussion.BETWEEN_ROUNDS && who.round().isPresent()) {
      return Future.succeededFuture("problem.discussion.duringRound");
    }
    Future<String> held = study.discussion() == Discussion.BETWEEN_ROUNDS
        ? rounds.list(study.id()).map(list -> list.isEmpty() ? "problem.discussion.notYet" : null)
        : Future.succeededFuture(null);
    return held.compose(r -> r != null ? Future.succeededFuture(r)
        : consents.given(study, who.participant().id()).compose(given -> !given
            ? Future.succeededFuture("problem.discussion.consent")
            : posts.closed(study.id(), item).map(closed -> closed ? "problem.discussion.closed" : null)));
  }

  private static Conflict refused(String key) {
    String path = "problem.discussion.closed".equals(key) ? "thread" : "discussion";
    Problem problem = Problem.worded(path, key);
    return new Conflict(path + ": " + problem.message(), List.of(problem));
  }
}
