package org.kenes.web;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kenes.common.Messages;

/**
 * The one Handlebars engine of the server-side pages: templates under {@code templates/} compiled once (unless
 * VERTXWEB_ENVIRONMENT=dev), {@code {{x}}} escaping everything, and the helpers the templates use.
 */
public final class Views {

  /**
   * More entries than any server's languages and texts need: the caches below are keyed by the languages of the
   * bundles and the studies only, and this bound keeps them small should a caller ever pass another.
   */
  private static final int MAX_CACHED = 4_096;
  /** Texts by the language of the bundle that has them and key. */
  private static final Map<String, String> PATTERNS = new ConcurrentHashMap<>();
  private static final Map<String, String> LANGUAGE_NAMES = new ConcurrentHashMap<>();
  private static final ThreadLocal<Map<String, MessageFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<Map<String, NumberFormat>> NUMBERS = ThreadLocal.withInitial(HashMap::new);
  private final Handlebars handlebars;
  private final Assets assets;

  /** @param webroot the static assets, whose addresses the pages give with their versions ({@link Assets}) */
  public Views(Path webroot) {
    handlebars = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"));
    boolean editing = "dev".equals(System.getenv("VERTXWEB_ENVIRONMENT"));
    assets = new Assets(webroot, editing);
    if (!editing) {
      handlebars.with(new PartialCache());
    }
    Fragments fragments = new Fragments(!editing);
    handlebars.registerHelper("t", (Helper<String>) (key, options) -> text(options.param(0, "en"), key,
        options.params.length > 1 ? java.util.Arrays.copyOfRange(options.params, 1, options.params.length) : new Object[0]));
    handlebars.registerHelper("eq", (Helper<Object>) (a, options) -> String.valueOf(a).equals(String.valueOf((Object) options.param(0))));
    handlebars.registerHelper("pct", (Helper<Object>) (share, options) -> share instanceof Number n
        ? Math.round(n.doubleValue() * 100) + "%" : "–");
    handlebars.registerHelper("num", (Helper<Object>) (value, options) -> number(value, options.param(0, "")));
    // {{parts list}}: parts of a page, each rendered once for its inputs and kept (Fragments), joined here rather than
    // in an {{#each}}, whose buffer grows by copying itself at every part.
    handlebars.registerHelper("parts", (Helper<Iterable<Object>>) (parts, options) -> {
      StringBuilder html = new StringBuilder(64 * 1024);
      for (Object part : parts) {
        html.append(fragments.render(options.handlebars, (Fragments.Part) part));
      }
      return new Handlebars.SafeString(html);
    });
    handlebars.registerHelper("chart", (Helper<Charts.Distribution>) (d, options) ->
        new Handlebars.SafeString(Charts.distribution(d, options.param(0, "en"))));
    // {{asset "css/kenes.css"}}: the asset's address with its version, an address of ours, not a person's text.
    handlebars.registerHelper("asset", (Helper<String>) (path, options) -> new Handlebars.SafeString(assets.url(path)));
  }

  /** The static assets the pages link to. */
  public Assets assets() {
    return assets;
  }

  /**
   * A number as people of a language write it (6.5, 6,5), with at most two decimals, or as many more as keep a number
   * that is not zero from reading as zero (Kendall's W of 0.0024 reads 0.002, not 0); "–" for none.
   */
  public static String number(Object value, String language) {
    if (!(value instanceof Number n)) {
      return "–";
    }
    double x = n.doubleValue();
    int digits = x == 0 || Math.abs(x) >= 0.01 || !Double.isFinite(x) ? 2 : (int) -Math.floor(Math.log10(Math.abs(x)));
    return cached(NUMBERS.get(), language + '\u0000' + digits, k -> {
      NumberFormat format = NumberFormat.getNumberInstance(language.isEmpty() ? Locale.ROOT
          : Locale.forLanguageTag(language));
      format.setMaximumFractionDigits(digits);
      format.setGroupingUsed(false);
      return format;
    }).format(x);
  }

  /** The day of an instant (ISO-8601) as people of a language write it ("1 May 2026", "1 мая 2026 г."), in UTC. */
  public static String date(String instant, String language) {
    if (instant == null) {
      return "–";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language))
        .withZone(ZoneOffset.UTC).format(Instant.parse(instant));
  }

  /** A language's name in that language ("Русский", "Қазақ тілі"), from the JDK: no bundle needs to know it. */
  public static String languageName(String language) {
    return cached(LANGUAGE_NAMES, language, l -> {
      Locale locale = Locale.forLanguageTag(l);
      String name = locale.getDisplayLanguage(locale);
      return name.isEmpty() ? l : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    });
  }

  /** A UI text in a language, or null where no bundle has the key. */
  public static String textOrNull(String language, String key) {
    try {
      return text(language, key);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  /**
   * The interface's language for a language tag a request asks for ({@code ru-RU} → {@code ru}), or null when no
   * bundle has it: only the bundles' languages are taken from a request, however it spells them.
   */
  public static String spoken(String tag) {
    return Messages.spoken(tag);
  }

  /** The languages the interface speaks: English first, then every language with a bundle of its own. */
  public static List<String> languages() {
    return Messages.languages();
  }

  /** A UI text in a language, with English as the fallback for a missing bundle or key. */
  public static String text(String language, String key, Object... args) {
    if (args.length == 0) {
      return pattern(language, key);
    }
    // MessageFormat is costly to build and not thread-safe: one per thread, language and key.
    return cached(FORMATS.get(), language + '\u0000' + key,
        k -> new MessageFormat(pattern(language, key), Locale.forLanguageTag(language))).format(args);
  }

  /**
   * The bundles are part of the jar: a text once found is kept, as a page asks for some of them per item. Kept by the
   * bundle that has it, so that a study's language without a bundle of its own shares the English texts.
   */
  private static String pattern(String language, String key) {
    String bundle = spoken(language);
    String in = bundle == null ? "en" : bundle;
    return cached(PATTERNS, in + '\u0000' + key, k -> Messages.pattern(in, key));
  }

  /** A value kept in a cache that is emptied rather than let grow past {@link #MAX_CACHED} entries. */
  private static <V> V cached(Map<String, V> cache, String key, Function<String, V> make) {
    V value = cache.get(key);
    if (value == null) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      value = cache.computeIfAbsent(key, make);
    }
    return value;
  }

  /** Entries kept in the caches all threads share (texts, language names), for the tests. */
  static int cachedEntries() {
    return PATTERNS.size() + LANGUAGE_NAMES.size();
  }

  /**
   * A page rendered into a writer of our own: Handlebars' own buffer grows by exactly what each write needs, copying
   * the whole page so far every time (a 44 kB page cost megabytes of copies).
   */
  public Future<Buffer> render(String template, JsonObject model) {
    try {
      return Future.succeededFuture(rendered(template, model));
    } catch (IOException | RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Buffer rendered(String template, JsonObject model) throws IOException {
    StringWriter html = new StringWriter(64 * 1024);
    handlebars.compile(template).apply(Context.newBuilder(model).resolver(JsonValues.INSTANCE).build(), html);
    return Buffer.buffer(html.toString());
  }

  /**
   * Renders a page as the response on a worker: a console page may hold a long list (a page of participants, of the
   * outbox), and the event loop that serves everyone else must not wait for it. The model is the worker's alone.
   */
  public Future<Void> respondOffLoop(RoutingContext ctx, int status, String template, JsonObject model) {
    return ctx.vertx().executeBlocking(() -> rendered(template, model), false).compose(html -> ctx.response()
        .setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html));
  }

  /** Renders a page as the response, with the given status. */
  public Future<Void> respond(RoutingContext ctx, int status, String template, JsonObject model) {
    return render(template, model).compose(html -> ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8").end(html));
  }
}
