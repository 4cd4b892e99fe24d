package org.kenes.discussion;

import java.util.List;
import java.util.Locale;

/**
 * An item's thread as one reader sees it: the posts they may see, each labelled with the author's panel at most.
 *
 * @param closed a moderator closed it to new posts
 * @param refusal why it takes no post from this reader now (a bundle key, {@code problem.discussion.*}), or null
 * @param entries top-level posts, the moderators' summaries first, each with its replies
 */
public record Thread(String study, String item, boolean closed, String refusal, List<Entry> entries) {

  /** Who wrote a post, as far as a reader may know. */
  public enum Author {
    /** The reader. */
    YOU,
    /** Someone of a panel large enough to be named. */
    PANEL,
    /** Someone whose panel is too small to be named. */
    PARTICIPANT;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One post as a reader sees it: a hidden one has no text, only the moderator's reason; a held one is seen by its
   * author alone.
   *
   * @param panel the author's panel when it may be named, else null
   * @param agreements how many agree with it
   * @param agreed whether the reader agrees with it
   */
  public record Entry(Post post, Author author, String panel, int agreements, boolean agreed, List<Entry> replies) {

    public Entry {
      replies = List.copyOf(replies);
    }
  }

  public Thread {
    entries = List.copyOf(entries);
  }

  public boolean accepting() {
    return refusal == null;
  }

  /** How many posts a reader sees, replies included (hidden ones too: their place is shown). */
  public int size() {
    return entries.stream().mapToInt(e -> 1 + e.replies().size()).sum();
  }
}
