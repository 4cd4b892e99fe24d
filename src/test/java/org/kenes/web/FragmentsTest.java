package org.kenes.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Parts of pages kept by their inputs, within a bounded memory. */
class FragmentsTest {

  private final Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"))
      .registerHelper("t", (key, options) -> key);
  private final AtomicInteger built = new AtomicInteger();

  private Fragments.Part part(String key, String id) {
    return new Fragments.Part("item", key, () -> {
      built.incrementAndGet();
      return new JsonObject().put("id", id);
    });
  }

  @Test
  @DisplayName("a part is modelled and rendered once per key; another key is another part")
  void oncePerKey() throws Exception {
    Fragments fragments = new Fragments(true);
    String first = fragments.render(handlebars, part("k1", "a<b"));
    assertEquals(first, fragments.render(handlebars, part("k1", "ignored: the key was rendered")));
    assertEquals(1, built.get());
    assertTrue(first.contains("id=\"item-a&lt;b\""), first);
    assertTrue(fragments.render(handlebars, part("k2", "c")).contains("id=\"item-c\""));
    assertEquals(2, built.get());
    // While templates are edited, nothing is kept.
    Fragments editing = new Fragments(false);
    editing.render(handlebars, part("k1", "a"));
    editing.render(handlebars, part("k1", "a"));
    assertEquals(4, built.get());
    assertEquals(0, editing.size());
  }

  @Test
  @DisplayName("what is kept stays within its budget, the least recently used dropped first; a huge part is not kept")
  void bounded() throws Exception {
    Fragments fragments = new Fragments(true);
    String big = "x".repeat(50_000);
    for (int i = 0; i < 400; i++) {
      fragments.render(handlebars, part(i + big, "p" + i + big));
      fragments.render(handlebars, part(0 + big, "p0" + big));
      assertTrue(fragments.size() <= 16_000_000, "kept " + fragments.size());
    }
    int before = built.get();
    fragments.render(handlebars, part(0 + big, "p0"));
    assertEquals(before, built.get(), "the part used all along is still kept");
    fragments.render(handlebars, part(1 + big, "p1"));
    assertEquals(before + 1, built.get(), "an early part not used since was dropped");

    long kept = fragments.size();
    String huge = "y".repeat(300_000);
    fragments.render(handlebars, part(huge, "huge"));
    fragments.render(handlebars, part(huge, "huge"));
    assertEquals(before + 3, built.get());
    assertEquals(kept, fragments.size());
  }
}
