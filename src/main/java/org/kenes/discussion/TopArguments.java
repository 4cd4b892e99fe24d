package org.kenes.discussion;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments a round's feedback shows for an item: the {@value #SHOWN} posts tagged {@code for} and the
 * {@value #SHOWN} tagged {@code against} that most panelists agree with (at least one), shown and not hidden or held;
 * the earlier first among equals. Anonymous: a text and how many agree, nothing of who wrote it.
 */
public final class TopArguments {

  public static final int SHOWN = 3;

  /** An argument as feedback shows it. */
  public record Argument(String text, int agreements) {}

  /** An item's most agreed arguments for and against. */
  public record Of(List<Argument> forIt, List<Argument> against) {

    public boolean isEmpty() {
      return forIt.isEmpty() && against.isEmpty();
    }
  }

  private TopArguments() {}

  /** By item, the items with at least one agreed argument. */
  static Map<String, Of> of(List<Post> posts, Map<String, Set<String>> votes) {
    Map<String, Of> byItem = new LinkedHashMap<>();
    posts.stream().map(Post::item).distinct().forEach(item -> {
      Of top = new Of(top(posts, votes, item, Tag.FOR), top(posts, votes, item, Tag.AGAINST));
      if (!top.isEmpty()) {
        byItem.put(item, top);
      }
    });
    return byItem;
  }

  private static List<Argument> top(List<Post> posts, Map<String, Set<String>> votes, String item, Tag tag) {
    return posts.stream()
        .filter(p -> p.item().equals(item) && p.tag() == tag && p.state() == Post.State.VISIBLE)
        .filter(p -> !votes.getOrDefault(p.id(), Set.of()).isEmpty())
        .sorted(Comparator.comparing((Post p) -> -votes.get(p.id()).size()).thenComparing(Post::at))
        .limit(SHOWN)
        .map(p -> new Argument(p.text(), votes.get(p.id()).size()))
        .toList();
  }
}
