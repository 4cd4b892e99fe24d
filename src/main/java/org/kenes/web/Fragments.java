package org.kenes.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parts of pages rendered from a model of their own and kept: a part is a function of its template and its model
 * alone (it is rendered with that model as its whole context), so an equal model gives the same HTML. The items of a
 * questionnaire are the case: a 60-item page is mostly the same sixty items, answered or not, for every panelist of a
 * language, and rendering them was most of the page's CPU.
 *
 * <p>Models are compared by value ({@link JsonObject#equals}); a model must not change once rendered.
 */
final class Fragments {

  /** Parts kept, the least recently used dropped first: a few kB each, every item of a few studies in two languages. */
  private static final int KEPT = 4_096;

  private record Key(String template, JsonObject model) {}

  private final Map<Key, String> kept = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
      return size() > KEPT;
    }
  });
  private final boolean keep;

  /** @param keep false while templates are being edited (VERTXWEB_ENVIRONMENT=dev): every part rendered anew */
  Fragments(boolean keep) {
    this.keep = keep;
  }

  String render(Handlebars handlebars, String template, JsonObject model) throws IOException {
    Key key = new Key(template, model);
    String html = keep ? kept.get(key) : null;
    if (html == null) {
      html = handlebars.compile(template).apply(Context.newBuilder(model).resolver(JsonValues.INSTANCE).build());
      if (keep) {
        kept.put(key, html);
      }
    }
    return html;
  }
}
