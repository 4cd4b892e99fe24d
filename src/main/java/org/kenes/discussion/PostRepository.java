package org.kenes.discussion;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kenes.store.Durability;

/**
 * The discussions' store: {@code posts} ({@code study:item:id}), {@code postVotes} ({@code study:post:participant},
 * one agreement per person and post) and {@code threads} ({@code study:item}, a thread's moderation: closed or not).
 * Every write is an idempotent upsert on a deterministic id, acknowledged once durable.
 */
public final class PostRepository {

  static final String POSTS = "posts";
  static final String VOTES = "postVotes";
  static final String THREADS = "threads";

  private final MongoClient mongo;
  private final Durability durability;

  public PostRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  /** Stores a post unless it is there already (the same post sent twice); the stored one either way. */
  public Future<Post> insert(Post post) {
    JsonObject key = new JsonObject().put("_id", key(post.study(), post.item(), post.id()));
    return mongo.updateCollectionWithOptions(POSTS, key, new JsonObject().put("$setOnInsert", toJson(post)),
            new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync())
        .compose(v -> find(post.study(), post.item(), post.id()))
        .map(Optional::orElseThrow);
  }

  public Future<Optional<Post>> find(String study, String item, String id) {
    return mongo.findOne(POSTS, new JsonObject().put("_id", key(study, item, id)), null)
        .map(doc -> Optional.ofNullable(doc).map(PostRepository::fromJson));
  }

  /** The posts of an item's thread, oldest first. */
  public Future<List<Post>> thread(String study, String item) {
    return posts(new JsonObject().put("study", study).put("item", item));
  }

  /** Every post of a study, oldest first. */
  public Future<List<Post>> all(String study) {
    return posts(new JsonObject().put("study", study));
  }

  private Future<List<Post>> posts(JsonObject filter) {
    return mongo.find(POSTS, filter).map(docs -> docs.stream().map(PostRepository::fromJson)
        .sorted((a, b) -> a.at().equals(b.at()) ? a.id().compareTo(b.id()) : a.at().compareTo(b.at())).toList());
  }

  /** A participant's posts in a study, oldest first: what their own data holds of the discussion. */
  public Future<List<Post>> by(String study, String participant) {
    return posts(new JsonObject().put("study", study).put("participant", participant));
  }

  /** How many posts a participant has written in a study since {@code since}: what the rate limit counts. */
  public Future<Long> countSince(String study, String participant, Instant since) {
    return mongo.count(POSTS, new JsonObject().put("study", study).put("participant", participant)
        .put("atMs", new JsonObject().put("$gte", since.toEpochMilli())));
  }

  /** Records a participant's agreement with a post; agreeing again changes nothing. */
  public Future<Void> vote(String study, String item, String post, String participant) {
    JsonObject doc = new JsonObject().put("study", study).put("item", item).put("post", post)
        .put("participant", participant).put("at", Instant.now().toString());
    return mongo.updateCollectionWithOptions(VOTES, new JsonObject().put("_id", study + ":" + post + ":" + participant),
            new JsonObject().put("$setOnInsert", doc), new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync());
  }

  /** Who agreed with which post of a study (or of one item when {@code item} is not null): post id → participants. */
  public Future<Map<String, Set<String>>> votes(String study, String item) {
    JsonObject filter = new JsonObject().put("study", study);
    if (item != null) {
      filter.put("item", item);
    }
    return mongo.find(VOTES, filter).map(docs -> {
      Map<String, Set<String>> byPost = new HashMap<>();
      docs.forEach(d -> byPost.computeIfAbsent(d.getString("post"), k -> new HashSet<>())
          .add(d.getString("participant")));
      return byPost;
    });
  }

  /** Whether an item's thread is closed to new posts. */
  public Future<Boolean> closed(String study, String item) {
    return mongo.findOne(THREADS, new JsonObject().put("_id", study + ":" + item), null)
        .map(doc -> doc != null && doc.getBoolean("closed", false));
  }

  /** The items of a study whose threads are closed. */
  public Future<Set<String>> closedItems(String study) {
    return mongo.find(THREADS, new JsonObject().put("study", study).put("closed", true))
        .map(docs -> Set.copyOf(docs.stream().map(d -> d.getString("item")).toList()));
  }

  /** Closes or opens again an item's thread. */
  public Future<Void> close(String study, String item, boolean closed) {
    return mongo.updateCollectionWithOptions(THREADS, new JsonObject().put("_id", study + ":" + item),
            new JsonObject().put("$set", new JsonObject().put("study", study).put("item", item).put("closed", closed)),
            new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync());
  }

  /**
   * Counts a change of an item's thread (a post, an agreement, a moderator's action): what live pages on every
   * instance watch, one document read by its id.
   */
  public Future<Void> touch(String study, String item) {
    return mongo.updateCollectionWithOptions(THREADS, new JsonObject().put("_id", study + ":" + item),
        new JsonObject().put("$set", new JsonObject().put("study", study).put("item", item))
            .put("$inc", new JsonObject().put("version", 1)), new UpdateOptions().setUpsert(true)).mapEmpty();
  }

  /** How many changes an item's thread has seen ({@link #touch}). */
  public Future<Long> version(String study, String item) {
    return mongo.findOne(THREADS, new JsonObject().put("_id", study + ":" + item), null)
        .map(doc -> doc == null ? 0L : doc.getLong("version", 0L));
  }

  /** Sets a post's moderation: its state, the reason shown in place of a hidden one, whether it is pinned. */
  public Future<Void> moderate(Post post, Post.State state, String reason, boolean pinned) {
    JsonObject set = new JsonObject().put("state", state.key()).put("reason", reason).put("pinned", pinned);
    return mongo.updateCollection(POSTS, new JsonObject().put("_id", key(post.study(), post.item(), post.id())),
            new JsonObject().put("$set", set))
        .compose(r -> durability.sync());
  }

  /** Removes a participant's posts and agreements (their erasure); replies of others to them stay. */
  public Future<Void> forget(String study, String participant) {
    JsonObject filter = new JsonObject().put("study", study).put("participant", participant);
    return mongo.removeDocuments(POSTS, filter)
        .compose(r -> mongo.removeDocuments(VOTES, filter))
        .compose(r -> durability.sync());
  }

  private static String key(String study, String item, String id) {
    return study + ":" + item + ":" + id;
  }

  private static JsonObject toJson(Post p) {
    return new JsonObject().put("study", p.study()).put("item", p.item()).put("id", p.id()).put("parent", p.parent())
        .put("participant", p.participant()).put("panel", p.panel()).put("tag", p.tag() == null ? null : p.tag().key())
        .put("text", p.text()).put("language", p.language()).put("at", p.at().toString())
        .put("atMs", p.at().toEpochMilli())
        .put("state", p.state().key()).put("reason", p.reason()).put("pinned", p.pinned());
  }

  private static Post fromJson(JsonObject d) {
    return new Post(d.getString("id"), d.getString("study"), d.getString("item"), d.getString("parent"),
        d.getString("participant"), d.getString("panel"), Tag.fromKey(d.getString("tag")), d.getString("text"),
        d.getString("language"), Instant.parse(d.getString("at")), Post.State.fromKey(d.getString("state")),
        d.getString("reason"), d.getBoolean("pinned", false));
  }
}
