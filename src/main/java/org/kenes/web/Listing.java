package org.kenes.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;

/**
 * What a request asks of a long list (participants, the outbox): a search ({@code q}: every entry whose searchable
 * text contains it, case aside) and a page of it ({@code page} from 1, {@code size} entries). A list of 20,000 is read
 * whole either way, but only a page is laid out, so a page costs the same however long the list.
 *
 * @param all no page asked for: the API's whole list, as before paging existed
 */
public record Listing(String query, int page, int size, boolean all) {

  public static final int DEFAULT_SIZE = 100;
  public static final int MAX_SIZE = 1_000;
  static final int MAX_QUERY = 200;

  /**
   * The console's listing: always a page ({@value #DEFAULT_SIZE} entries unless {@code size} says otherwise); a value
   * that cannot be one (an address typed by hand) counts as not given, as the page shows what it shows.
   */
  public static Listing paged(RoutingContext ctx) {
    try {
      return read(ctx, false);
    } catch (Invalid typedByHand) {
      return new Listing("", 1, DEFAULT_SIZE, false);
    }
  }

  /**
   * The API's listing: the whole list unless {@code q}, {@code page} or {@code size} is given. {@link Invalid} naming
   * {@code q}, {@code page} or {@code size} when one is not what it may be.
   */
  public static Listing optional(RoutingContext ctx) {
    return read(ctx, true);
  }

  private static Listing read(RoutingContext ctx, boolean wholeByDefault) {
    String q = ctx.request().getParam("q");
    String page = ctx.request().getParam("page");
    String size = ctx.request().getParam("size");
    List<Problem> problems = new ArrayList<>();
    if (q != null && q.length() > MAX_QUERY) {
      problems.add(Problem.worded("q", "problem.list.query", MAX_QUERY));
    }
    int p = number(page, 1, Integer.MAX_VALUE, "page", problems);
    int s = number(size, DEFAULT_SIZE, MAX_SIZE, "size", problems);
    if (!problems.isEmpty()) {
      throw new Invalid("the list cannot be shown so", problems);
    }
    String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
    return new Listing(query, p, s, wholeByDefault && q == null && page == null && size == null);
  }

  private static int number(String given, int otherwise, int max, String field, List<Problem> problems) {
    if (given == null || given.isBlank()) {
      return otherwise;
    }
    if (given.strip().matches("\\d{1,9}") && Integer.parseInt(given.strip()) >= 1
        && Integer.parseInt(given.strip()) <= max) {
      return Integer.parseInt(given.strip());
    }
    problems.add(Problem.worded(field, "problem.list.number", max));
    return otherwise;
  }

  /** One page of a list: its entries, how many matched the search, and where the page stands among them. */
  public record Page<T>(List<T> items, int total, int page, int pages, int from, int to) {}

  /**
   * The page of the entries whose {@code searchable} text holds the query; one pass, without sorting (the list comes
   * sorted). Call on a worker for a long list.
   */
  public <T> Page<T> of(List<T> entries, Function<T, String> searchable) {
    List<T> matching = query.isEmpty() ? entries : entries.stream()
        .filter(e -> searchable.apply(e).toLowerCase(Locale.ROOT).contains(query)).toList();
    int total = matching.size();
    if (all) {
      return new Page<>(matching, total, 1, 1, total == 0 ? 0 : 1, total);
    }
    int pages = Math.max(1, (total + size - 1) / size);
    int from = (int) Math.min((long) (page - 1) * size, total);
    int to = Math.min(from + size, total);
    return new Page<>(matching.subList(from, to), total, page, pages, to > from ? from + 1 : 0, to);
  }

  /** {@link #of} on a worker. */
  public <T> Future<Page<T>> on(Vertx vertx, List<T> entries, Function<T, String> searchable) {
    return vertx.executeBlocking(() -> of(entries, searchable), false);
  }

  /**
   * What a page's template shows around the list: "101–200 of 20,000", the search as typed, and the links to the
   * pages before and after ({@code base}: the page's address without a query).
   */
  public JsonObject nav(Page<?> p, String base, String typed) {
    String q = typed == null || typed.isBlank() ? "" : "q=" + URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8)
        + "&";
    String sized = size == DEFAULT_SIZE ? "" : "size=" + size + "&";
    return new JsonObject().put("base", base).put("from", p.from()).put("to", p.to()).put("total", p.total())
        .put("q", typed)
        .put("searching", !query.isEmpty()).put("paged", p.pages() > 1)
        .put("previous", p.page() > 1 ? base + "?" + q + sized + "page=" + (Math.min(p.page(), p.pages() + 1) - 1)
            : null)
        .put("next", p.page() < p.pages() ? base + "?" + q + sized + "page=" + (p.page() + 1) : null);
  }
}
