package org.kenes.bench;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP load from a process of its own, as {@code wrk -t2 -c32} drives one: what a client outside the server's JVM
 * sees, queueing in the kernel and the server's accept loop included. Run by {@code kenes bench} with a plan file:
 * {@code {"connections", "warmUpSeconds", "seconds", "loads": [{"name", "method", "urls", "body"}]}}. Every load is
 * warmed up first, in turn, then measured in turn; one JSON line per load on stdout: requests per second, p50 and p99
 * in ms, errors (answers other than 2xx, and failed connections).
 */
public final class HttpLoad {

  private final HttpClient client;
  private final int connections;

  private HttpLoad(HttpClient client, int connections) {
    this.client = client;
    this.connections = connections;
  }

  public static void main(String[] args) throws Exception {
    for (JsonObject result : measure(new JsonObject(Files.readString(Path.of(args[0]))))) {
      System.out.println(result.encode());
    }
    System.exit(0);
  }

  /** Every load of the plan warmed up in turn, then measured in turn: a result per load, named as it is. */
  static List<JsonObject> measure(JsonObject plan) {
    // Two threads, as wrk's -t2: the load should not take the cores the server needs.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
          .connectTimeout(Duration.ofSeconds(5)).build();
      HttpLoad load = new HttpLoad(client, plan.getInteger("connections", 32));
      List<JsonObject> loads = plan.getJsonArray("loads").stream().map(JsonObject.class::cast).toList();
      loads.forEach(spec -> load.run(spec, plan.getInteger("warmUpSeconds", 10)));
      return loads.stream().map(spec -> load.run(spec, plan.getInteger("seconds", 8))
          .put("name", spec.getString("name"))).toList();
    } finally {
      threads.shutdownNow();
    }
  }

  /** Keeps {@link #connections} requests in flight for {@code seconds}, each client taking the next URL in turn. */
  private JsonObject run(JsonObject spec, int seconds) {
    List<URI> urls = spec.getJsonArray("urls").stream().map(u -> URI.create((String) u)).toList();
    String body = spec.getString("body");
    String method = spec.getString("method", "GET");
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    long until = start + seconds * 1_000_000_000L;
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      clients.add(loop(() -> {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.get(Math.floorMod(next.getAndIncrement(),
            urls.size()))).timeout(Duration.ofSeconds(30));
        return body == null ? request.method(method, HttpRequest.BodyPublishers.noBody()).build()
            : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
      }, until, latencies, errors, bytes));
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new JsonObject().put("requests", sorted.size()).put("perSecond", sorted.size() / elapsed)
        .put("p50Ms", percentile(sorted, 0.5)).put("p99Ms", percentile(sorted, 0.99)).put("errors", errors.get())
        .put("meanBytes", sorted.isEmpty() ? 0 : bytes.get() / sorted.size());
  }

  /** One client: a request, then the next when it is answered, until {@code until}; then {@code done} completes. */
  private CompletableFuture<Void> loop(RequestSource requests, long until, List<Long> latencies, AtomicInteger errors,
      AtomicLong bytes) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    send(requests, until, latencies, errors, bytes, done);
    return done;
  }

  // Not a chain of composed futures: a client sends some ten thousand requests, and a chain as long would be held.
  private void send(RequestSource requests, long until, List<Long> latencies, AtomicInteger errors, AtomicLong bytes,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= until) {
      done.complete(null);
      return;
    }
    long start = System.nanoTime();
    client.sendAsync(requests.next(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
      latencies.add(System.nanoTime() - start);
      if (failure != null || response.statusCode() >= 300) {
        errors.incrementAndGet();
      } else {
        bytes.addAndGet(response.body().length);
      }
      send(requests, until, latencies, errors, bytes, done);
    });
  }

  private static double percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
  }

  private interface RequestSource {
    HttpRequest next();
  }
}
