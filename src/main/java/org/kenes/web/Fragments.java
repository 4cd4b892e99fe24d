package org.kenes.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parts of pages rendered once and kept. A part is rendered with a view model of its own as its whole context, and
 * that model is built from inputs the part names in its key; an equal key gives the same HTML, without building the
 * model again. The items of a questionnaire are the case: a 60-item page is mostly the same sixty items, answered or
 * not, for every panelist of a language, and building and rendering them was most of the page's CPU.
 */
public final class Fragments {

  /**
   * One part of a page.
   *
   * @param template the template under {@code templates/}, rendered with the model as its whole context
   * @param key every input the model is built from, written out (JSON): equal keys must give equal models
   * @param model builds the view model, only for a key not rendered before
   */
  public record Part(String template, String key, Supplier<JsonObject> model) {}

  /**
   * What is kept, in characters of keys and parts together (about twice as many bytes): every item of a few large
   * studies in two languages. A part bigger than a 64th of it (an item with thousands of comments) is not kept.
   */
  private static final long BUDGET = 16_000_000;

  /** Least recently used first. */
  private final LinkedHashMap<String, String> kept = new LinkedHashMap<>(256, 0.75f, true);
  private long size;
  private final boolean keep;

  /** @param keep false while templates are being edited (VERTXWEB_ENVIRONMENT=dev): every part rendered anew */
  Fragments(boolean keep) {
    this.keep = keep;
  }

  String render(Handlebars handlebars, Part part) throws IOException {
    String key = part.template() + '\u0000' + part.key();
    String html = keep ? kept(key) : null;
    if (html == null) {
      // A writer of our own, as for a page (Views.render): Handlebars' buffer copies itself at every write.
      StringWriter out = new StringWriter(4 * 1024);
      handlebars.compile(part.template())
          .apply(Context.newBuilder(part.model().get()).resolver(JsonValues.INSTANCE).build(), out);
      html = out.toString();
      if (keep) {
        keep(key, html);
      }
    }
    return html;
  }

  private synchronized String kept(String key) {
    return kept.get(key);
  }

  private synchronized void keep(String key, String html) {
    long weight = key.length() + html.length();
    if (weight > BUDGET / 64) {
      return;
    }
    String before = kept.put(key, html);
    size += weight - (before == null ? 0 : key.length() + before.length());
    for (Iterator<Map.Entry<String, String>> eldest = kept.entrySet().iterator(); size > BUDGET && eldest.hasNext(); ) {
      Map.Entry<String, String> dropped = eldest.next();
      size -= dropped.getKey().length() + dropped.getValue().length();
      eldest.remove();
    }
  }

  /** Characters kept, for the tests. */
  synchronized long size() {
    return size;
  }
}
