package org.kenes.web.console;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.discussion.Moderation;
import org.kenes.discussion.Post;
import org.kenes.discussion.Thread;
import org.kenes.study.Study;
import org.kenes.web.Viewer;

/** The moderation page's model of one item's thread: every post, labelled by panel at most, with its state. */
final class ModerationView {

  private ModerationView() {}

  static JsonObject thread(Moderation.ItemThread t, Study study, Viewer viewer) {
    String lang = viewer.language();
    int size = t.entries().stream().mapToInt(e -> 1 + e.replies().size()).sum();
    return new JsonObject().put("item", t.item().id()).put("text", study.text(t.item().text(), lang))
        .put("closed", t.closed()).put("held", t.held()).put("size", size)
        .put("posts", entries(t.entries(), t.item().id(), study, viewer));
  }

  private static JsonArray entries(List<Thread.Entry> entries, String item, Study study, Viewer viewer) {
    JsonArray list = new JsonArray();
    for (Thread.Entry e : entries) {
      Post p = e.post();
      String label = e.author() == Thread.Author.PANEL
          ? study.panel(e.panel()).map(x -> study.text(x.name(), viewer.language())).orElse(e.panel())
          : viewer.text("thread.participant");
      list.add(new JsonObject().put("id", p.id()).put("item", item).put("label", label).put("text", p.text())
          .put("tag", p.tag() == null ? null : viewer.text("thread.tag." + p.tag().key()))
          .put("reply", p.reply()).put("hidden", p.state() == Post.State.HIDDEN)
          .put("held", p.state() == Post.State.HELD).put("reason", p.reason()).put("pinned", p.pinned())
          .put("agreements", e.agreements()).put("replies", entries(e.replies(), item, study, viewer)));
    }
    return list;
  }
}
