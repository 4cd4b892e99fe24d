package org.kenes.discussion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the report says of an item's discussion: how many posts and replies were shown, how many agreements they had
 * and how many posts the moderators hid, its most agreed arguments for and against, and the moderators' summaries
 * (the pinned posts). Held posts count nowhere; nothing says who wrote what.
 */
public record DiscussionSummary(String item, int posts, int replies, int agreements, int hidden,
    TopArguments.Of top, List<String> summaries) {

  public DiscussionSummary {
    summaries = List.copyOf(summaries);
  }

  /** The items with at least one post shown or hidden, in the order of {@code items}. */
  static List<DiscussionSummary> of(List<String> items, List<Post> all, Map<String, Set<String>> votes) {
    Map<String, TopArguments.Of> top = TopArguments.of(all, votes);
    List<DiscussionSummary> summaries = new ArrayList<>();
    for (String item : items) {
      List<Post> posts = all.stream().filter(p -> p.item().equals(item) && p.state() != Post.State.HELD).toList();
      if (posts.isEmpty()) {
        continue;
      }
      List<Post> shown = posts.stream().filter(p -> p.state() == Post.State.VISIBLE).toList();
      summaries.add(new DiscussionSummary(item, (int) shown.stream().filter(p -> !p.reply()).count(),
          (int) shown.stream().filter(Post::reply).count(),
          shown.stream().mapToInt(p -> votes.getOrDefault(p.id(), Set.of()).size()).sum(),
          posts.size() - shown.size(), top.getOrDefault(item, new TopArguments.Of(List.of(), List.of())),
          shown.stream().filter(Post::pinned).map(Post::text).toList()));
    }
    return summaries;
  }
}
