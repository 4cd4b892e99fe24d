package org.kenes.discussion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds what one reader sees of a thread from its posts and agreements. */
final class Threads {

  private Threads() {}

  /**
   * @param reader the participant reading, or null for a moderator (who sees held posts and every hidden text)
   * @param withheld panels too small to be named (primary and secondary suppression)
   */
  static List<Thread.Entry> entries(List<Post> posts, Map<String, Set<String>> votes, String reader,
      Set<String> withheld) {
    Map<String, List<Thread.Entry>> replies = new LinkedHashMap<>();
    List<Post> top = new ArrayList<>();
    for (Post p : posts) {
      if (!visible(p, reader)) {
        continue;
      }
      if (p.reply()) {
        replies.computeIfAbsent(p.parent(), k -> new ArrayList<>())
            .add(entry(p, votes, reader, withheld, List.of()));
      } else {
        top.add(p);
      }
    }
    return top.stream().sorted(Comparator.comparing((Post p) -> !p.pinned()))
        .map(p -> entry(p, votes, reader, withheld, replies.getOrDefault(p.id(), List.of()))).toList();
  }

  private static boolean visible(Post p, String reader) {
    return p.state() != Post.State.HELD || reader == null || p.participant().equals(reader);
  }

  private static Thread.Entry entry(Post p, Map<String, Set<String>> votes, String reader, Set<String> withheld,
      List<Thread.Entry> replies) {
    Set<String> agreeing = votes.getOrDefault(p.id(), Set.of());
    Thread.Author author = reader != null && p.participant().equals(reader) ? Thread.Author.YOU
        : withheld.contains(p.panel()) ? Thread.Author.PARTICIPANT : Thread.Author.PANEL;
    return new Thread.Entry(p, author, author == Thread.Author.PARTICIPANT ? null : p.panel(), agreeing.size(),
        reader != null && agreeing.contains(reader), replies);
  }
}
