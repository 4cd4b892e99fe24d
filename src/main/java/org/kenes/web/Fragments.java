package org.kenes.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parts of pages rendered once and kept. A part is rendered with a view model of its own as its whole context, and
 * that model is built from inputs the part names in its key; an equal key gives the same HTML, without building the
 * model again. The items of a questionnaire are the case: a 60-item page is mostly the same sixty items, answered or
 * not, for every panelist of a language, and building and rendering them was most of the page's CPU.
 */
final class Fragments {

  /**
   * One part of a page.
   *
   * @param template the template under {@code templates/}, rendered with the model as its whole context
   * @param key every input the model is built from, written out (JSON): equal keys must give equal models
   * @param model builds the view model, only for a key not rendered before
   */
  record Part(String template, String key, Supplier<JsonObject> model) {}

  /** Parts kept, the least recently used dropped first: a few kB each, every item of a few studies in two languages. */
  private static final int KEPT = 4_096;

  private final Map<String, String> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > KEPT;
    }
  });
  private final boolean keep;

  /** @param keep false while templates are being edited (VERTXWEB_ENVIRONMENT=dev): every part rendered anew */
  Fragments(boolean keep) {
    this.keep = keep;
  }

  String render(Handlebars handlebars, Part part) throws IOException {
    String key = part.template() + '\u0000' + part.key();
    String html = keep ? kept.get(key) : null;
    if (html == null) {
      html = handlebars.compile(part.template())
          .apply(Context.newBuilder(part.model().get()).resolver(JsonValues.INSTANCE).build());
      if (keep) {
        kept.put(key, html);
      }
    }
    return html;
  }
}
