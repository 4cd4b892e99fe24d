package org.kenes.discussion;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;

/** A post as a panelist sends it, checked field by field: {@code {"text", "tag", "parent"}}. */
record NewPost(String text, Tag tag, String parent) {

  /** The post a body asks for; {@link Invalid} naming every field that is wrong. */
  static NewPost read(JsonObject body) {
    List<Problem> problems = new ArrayList<>();
    Object rawText = body.getValue("text");
    String text = rawText instanceof String s ? s.replace("\r\n", "\n").strip() : null;
    if (text == null || text.isEmpty()) {
      problems.add(Problem.worded("text", rawText == null || text != null ? "problem.missing" : "problem.text"));
    } else if (text.length() > DiscussionService.MAX_TEXT) {
      problems.add(Problem.worded("text", "problem.text.length", String.valueOf(DiscussionService.MAX_TEXT)));
    }
    Tag tag = null;
    Object rawTag = body.getValue("tag");
    try {
      tag = rawTag == null || rawTag instanceof String ? Tag.fromKey((String) rawTag) : Tag.fromKey("?");
    } catch (IllegalArgumentException e) {
      problems.add(Problem.worded("tag", "problem.discussion.tag", String.join(", ", Tag.keys())));
    }
    Object rawParent = body.getValue("parent");
    if (rawParent != null && !(rawParent instanceof String)) {
      problems.add(Problem.worded("parent", "problem.discussion.parent"));
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    String parent = rawParent instanceof String p && !p.isEmpty() ? p : null;
    return new NewPost(text, tag, parent);
  }

  /** What makes two posts the same post: where it stands and what it says. */
  String content(String item) {
    return String.join("\u0000", item, String.valueOf(parent), tag == null ? "" : tag.key(), text);
  }
}
