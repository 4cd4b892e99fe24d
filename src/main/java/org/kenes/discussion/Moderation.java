package org.kenes.discussion;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * What the moderators (a study's facilitators) do with its discussion: see every thread, held posts too; hide a post
 * with a reason shown in its place, show it again or release a held one; pin a summary; close a thread or open it
 * again; keep the word lists that hold posts for review. The routes audit each action.
 */
public final class Moderation {

  /** A reason is a sentence shown in the post's place. */
  public static final int MAX_REASON = 300;

  private final DiscussionService discussions;
  private final PostRepository posts;

  public Moderation(DiscussionService discussions) {
    this.discussions = discussions;
    this.posts = discussions.posts();
  }

  /** One item's thread as the moderators see it: every post, labelled as panelists see others' posts. */
  public record ItemThread(Item item, boolean closed, int held, List<Thread.Entry> entries) {}

  /** Every item's thread of a study, in the study's order of items. */
  public Future<List<ItemThread>> threads(Study study) {
    return Future.all(posts.all(study.id()), posts.votes(study.id(), null), discussions.withheld(study),
        posts.closedItems(study.id())).map(all -> {
          List<Post> every = all.resultAt(0);
          Map<String, Set<String>> votes = all.resultAt(1);
          Set<String> withheld = all.resultAt(2);
          Set<String> closed = all.resultAt(3);
          List<ItemThread> threads = new ArrayList<>();
          for (Item item : study.items()) {
            List<Post> of = every.stream().filter(p -> p.item().equals(item.id())).toList();
            threads.add(new ItemThread(item, closed.contains(item.id()),
                (int) of.stream().filter(p -> p.state() == Post.State.HELD).count(),
                Threads.entries(of, votes, null, withheld)));
          }
          return threads;
        });
  }

  /** Hides a post; {@code reason} (required, at most {@value #MAX_REASON} characters) is shown in its place. */
  public Future<Post> hide(Study study, String item, String post, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      return Future.failedFuture(Invalid.worded("reason", "problem.missing"));
    }
    if (why.length() > MAX_REASON) {
      return Future.failedFuture(Invalid.worded("reason", "problem.text.length", String.valueOf(MAX_REASON)));
    }
    return post(study, item, post).compose(p -> set(p, Post.State.HIDDEN, why, p.pinned()));
  }

  /** Shows a hidden post again, or releases one the word list held. */
  public Future<Post> show(Study study, String item, String post) {
    return post(study, item, post).compose(p -> set(p, Post.State.VISIBLE, null, p.pinned()));
  }

  /** Pins a top-level post as the moderators' summary (shown first), or unpins it. */
  public Future<Post> pin(Study study, String item, String post, boolean pinned) {
    return post(study, item, post).compose(p -> p.reply() && pinned
        ? Future.failedFuture(Invalid.worded("post", "problem.discussion.pinReply"))
        : set(p, p.state(), p.reason(), pinned));
  }

  /** Closes an item's thread to new posts, or opens it again. */
  public Future<Void> close(Study study, String item, boolean closed) {
    return known(study, item).compose(v -> posts.close(study.id(), item, closed))
        .compose(v -> discussions.changed(study.id(), item));
  }

  /** Sets a language's word list (one word or phrase a line); {@link Invalid} naming {@code words.LANG}. */
  public Future<List<String>> words(Study study, String language, String typed) {
    String path = "words." + language;
    if (!study.languages().contains(language)) {
      return Future.failedFuture(Invalid.worded(path, "problem.discussion.language"));
    }
    List<String> words = WordList.parse(typed == null ? "" : typed);
    if (words.size() > WordList.MAX_WORDS) {
      return Future.failedFuture(Invalid.worded(path, "problem.discussion.words", WordList.MAX_WORDS));
    }
    if (words.stream().anyMatch(w -> w.length() > WordList.MAX_WORD)) {
      return Future.failedFuture(Invalid.worded(path, "problem.discussion.word", WordList.MAX_WORD));
    }
    return discussions.words().set(study.id(), language, words);
  }

  private Future<Post> set(Post p, Post.State state, String reason, boolean pinned) {
    return posts.moderate(p, state, reason, pinned)
        .compose(v -> discussions.changed(p.study(), p.item()))
        .map(v -> new Post(p.id(), p.study(), p.item(), p.parent(), p.participant(), p.panel(), p.tag(), p.text(),
            p.language(), p.at(), state, reason, pinned));
  }

  private Future<Post> post(Study study, String item, String id) {
    return known(study, item).compose(v -> posts.find(study.id(), item, id))
        .compose(found -> found.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(
                new NotFound("post: no post '" + id + "' under item '" + item + "'"))));
  }

  private static Future<Void> known(Study study, String item) {
    return study.item(item).isPresent() ? Future.succeededFuture()
        : Future.failedFuture(new NotFound("item: no item '" + item + "' in this study"));
  }
}
