package org.kenes.web;

import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.kenes.account.Preferences;

/**
 * The language and time zone a person reads a page in: a signed-in facilitator's own (kept with the account), else
 * the page's {@code ?lang=} or the browser's first language that Kenes speaks, else English; dates in UTC unless the
 * account chose a zone. Dates are stored in UTC and only shown in the zone.
 */
public record Viewer(String language, ZoneId zone) {

  private static final Map<String, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

  public static Viewer of(RoutingContext ctx) {
    Preferences chosen = FacilitatorAuth.session(ctx).map(s -> s.preferences()).orElse(Preferences.NONE);
    String own = Views.spoken(chosen.language());
    String language = own != null ? own : browser(ctx);
    return new Viewer(language, zone(chosen.timeZone()));
  }

  /**
   * The language asked for with {@code ?lang=}, else the browser's first that Kenes speaks, else English; always one
   * of the bundles' languages, never the request's spelling of it.
   */
  public static String browser(RoutingContext ctx) {
    String asked;
    try {
      asked = Views.spoken(ctx.queryParams().get("lang"));
    } catch (RuntimeException malformed) {
      // An address whose query does not decode (?lang=%ZZ): its error page is in the browser's language.
      asked = null;
    }
    if (asked != null) {
      return asked;
    }
    return ctx.acceptableLanguages().stream().map(l -> Views.spoken(l.tag())).filter(Objects::nonNull).findFirst()
        .orElse("en");
  }

  /** A zone id as stored, or UTC for none (or one this Java no longer knows). */
  public static ZoneId zone(String id) {
    if (id == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  public String text(String key, Object... args) {
    return Views.text(language, key, args);
  }

  /** An instant (ISO text, as stored) as the reader reads it: "1 Dec 2026, 15:00" in their zone; null for none. */
  public String when(String instant) {
    if (instant == null) {
      return null;
    }
    DateTimeFormatter format = DATES.computeIfAbsent(language,
        l -> DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.forLanguageTag(l)));
    return format.format(Instant.parse(instant).atZone(zone));
  }

  /** The zone's name for a person: its id ("Asia/Almaty"), or "UTC". */
  public String zoneName() {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }
}
