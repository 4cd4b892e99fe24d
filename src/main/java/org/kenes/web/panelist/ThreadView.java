package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.kenes.common.KenesException;
import org.kenes.common.Problem;
import org.kenes.discussion.DiscussionService;
import org.kenes.discussion.Post;
import org.kenes.discussion.Tag;
import org.kenes.discussion.Thread;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * An item's thread as JSON (the API) and as the thread page's model. Neither says who wrote a post: "you", the
 * author's panel when it may be named, or "a participant".
 */
final class ThreadView {

  private ThreadView() {}

  /** The API's thread: {@code {"item", "closed", "accepting", "refusal", "posts": [...]}}. */
  static JsonObject json(Thread thread, Study study, String lang) {
    return new JsonObject().put("item", thread.item()).put("closed", thread.closed())
        .put("accepting", thread.accepting())
        .put("refusal", thread.refusal() == null ? null : Views.text(lang, thread.refusal()))
        .put("posts", entries(thread.entries(), study, lang, false));
  }

  /** One post as the API shows it. */
  static JsonObject json(Post post) {
    return new JsonObject().put("id", post.id()).put("parent", post.parent())
        .put("tag", post.tag() == null ? null : post.tag().key()).put("text", post.text())
        .put("held", post.state() == Post.State.HELD);
  }

  /**
   * The thread page's model.
   *
   * @param typed a refused form's fields (text, tag, parent) to show again, or null
   * @param failure why the form was refused, or null
   */
  static JsonObject page(Thread thread, Study study, String lang, String token, JsonObject typed,
      KenesException failure, String done) {
    String item = thread.item();
    String base = "/p/" + token + "/items/" + item + "/thread";
    String text = study.item(item).map(i -> study.text(i.text(), lang)).orElse(item);
    JsonArray languages = new JsonArray();
    study.languages().forEach(l -> languages.add(new JsonObject().put("code", l).put("current", l.equals(lang))
        .put("name", Views.languageName(l))));
    String typedParent = typed == null ? null : typed.getString("parent");
    JsonArray posts = entries(thread.entries(), study, lang, true);
    posts.forEach(o -> {
      JsonObject p = (JsonObject) o;
      if (typed != null && p.getString("id").equals(typedParent)) {
        p.put("typed", typed.getString("text"));
      }
    });
    JsonArray problems = new JsonArray();
    if (failure != null) {
      List<Problem> listed = failure.problems().isEmpty() ? List.of(new Problem("", failure.getMessage()))
          : failure.problems();
      listed.forEach(p -> problems.add(new JsonObject().put("message", p.message(lang))));
    }
    boolean topLevel = typed != null && typedParent == null;
    return new JsonObject().put("lang", lang).put("title", study.text(study.title(), lang)).put("token", token)
        .put("itemText", text).put("itemId", item).put("action", base).put("agree", base + "/agree")
        .put("notifyAction", base + "/notify").put("page", base + "?lang=" + lang)
        .put("back", "/p/" + token + "?lang=" + lang + "#item-" + item)
        .put("languageHref", base + "?").put("languages", languages)
        .put("closed", thread.closed()).put("accepting", thread.accepting())
        .put("refusal", thread.refusal() == null ? null : Views.text(lang, thread.refusal()))
        .put("posts", posts).put("empty", posts.isEmpty())
        .put("tags", tags(lang, topLevel ? typed.getString("tag") : null))
        .put("typed", topLevel ? typed.getString("text") : null)
        .put("maxText", DiscussionService.MAX_TEXT)
        .put("problems", problems).put("hasErrors", failure != null)
        .put("posted", "posted".equals(done)).put("agreed", "agreed".equals(done))
        .put("notifyOn", "notify-on".equals(done)).put("notifyOff", "notify-off".equals(done))
        .put("titlePrefix", failure != null ? Views.text(lang, "form.errors.title") : null);
  }

  private static JsonArray tags(String lang, String chosen) {
    JsonArray tags = new JsonArray().add(new JsonObject().put("value", "")
        .put("label", Views.text(lang, "thread.tag.none")).put("selected", chosen == null || chosen.isEmpty()));
    Tag.keys().forEach(k -> tags.add(new JsonObject().put("value", k)
        .put("label", Views.text(lang, "thread.tag." + k)).put("selected", k.equals(chosen))));
    return tags;
  }

  private static JsonArray entries(List<Thread.Entry> entries, Study study, String lang, boolean page) {
    JsonArray list = new JsonArray();
    for (Thread.Entry e : entries) {
      list.add(entry(e, study, lang, page).put("replies", entries(e.replies(), study, lang, page)));
    }
    return list;
  }

  private static JsonObject entry(Thread.Entry e, Study study, String lang, boolean page) {
    Post p = e.post();
    boolean hidden = p.state() == Post.State.HIDDEN;
    String panelName = e.panel() == null ? null : study.panel(e.panel()).map(x -> study.text(x.name(), lang))
        .orElse(e.panel());
    JsonObject json = new JsonObject().put("id", p.id()).put("author", e.author().key())
        .put("panel", e.author() == Thread.Author.PANEL ? e.panel() : null)
        .put("panelName", e.author() == Thread.Author.PANEL ? panelName : null)
        .put("tag", p.tag() == null ? null : p.tag().key()).put("text", hidden ? null : p.text())
        .put("hidden", hidden).put("reason", hidden ? p.reason() : null)
        .put("held", p.state() == Post.State.HELD).put("pinned", p.pinned())
        .put("agreements", e.agreements()).put("agreed", e.agreed());
    if (page) {
      json.put("label", switch (e.author()) {
        case YOU -> Views.text(lang, "thread.you");
        case PANEL -> panelName;
        case PARTICIPANT -> Views.text(lang, "thread.participant");
      }).put("tagLabel", p.tag() == null ? null : Views.text(lang, "thread.tag." + p.tag().key()))
          .put("mine", e.author() == Thread.Author.YOU);
    }
    return json;
  }

  /** Adds to each item of a questionnaire how many posts its thread shows, and on a page where the thread is. */
  static void counts(JsonObject q, Map<String, Integer> counts, String token, boolean page) {
    q.getJsonArray("items").forEach(o -> {
      JsonObject item = (JsonObject) o;
      JsonObject d = new JsonObject().put("posts", counts.getOrDefault(item.getString("id"), 0));
      if (page) {
        d.put("href", "/p/" + token + "/items/" + item.getString("id") + "/thread?lang=" + q.getString("language"));
      }
      item.put("discussion", d);
    });
  }
}
