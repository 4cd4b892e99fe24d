package org.kenes.discussion;

import java.time.Instant;
import java.util.Locale;

/**
 * One post of an item's thread. Its author is kept only as the participant id: to say "you" to them and to erase the
 * post with them; every reader is shown the author's panel at most ({@link Threads}).
 *
 * @param id the post's id within its study (a keyed hash of where it stands, who wrote it and what it says: the same
 *     post sent twice is one post, and the id does not tell whose it is)
 * @param parent the post it replies to, or null for a top-level post
 * @param panel the author's panel when they wrote it
 * @param tag what kind of argument it makes, or null
 * @param state whether it is shown, held for review by the word list, or hidden by a moderator
 * @param reason why a moderator hid it (shown in its place), or null
 * @param pinned a moderator's summary, shown first
 */
public record Post(String id, String study, String item, String parent, String participant, String panel, Tag tag,
    String text, String language, Instant at, State state, String reason, boolean pinned) {

  /** Where a post stands with moderation. */
  public enum State {
    VISIBLE,
    /** Held by the study's word list until a moderator releases or hides it; only its author sees it meanwhile. */
    HELD,
    HIDDEN;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State fromKey(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  public boolean reply() {
    return parent != null;
  }
}
