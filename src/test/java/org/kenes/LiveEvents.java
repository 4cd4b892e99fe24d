package org.kenes;

import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A facilitator's connection to a study's live stream: the {@code participation} events, queued as they arrive. */
public final class LiveEvents implements AutoCloseable {

  private final HttpClient client;
  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final StringBuilder buffer = new StringBuilder();
  /** The stream's response, for its status and headers. */
  public final HttpClientResponse response;
  /** Completes when the server ends the stream. */
  public final Promise<Void> ended = Promise.promise();

  private LiveEvents(TestKenes kenes, String study, String header, String value) {
    client = kenes.vertx.createHttpClient();
    // The handler is set on the event loop as the response arrives: set afterwards from the test's thread, it could
    // come after the first event, which would then be lost.
    response = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
            .setPort(kenes.port()).setURI("/api/studies/" + study + "/live")
            .putHeader(header, value))
        .compose(request -> request.send())
        .map(r -> r.handler(chunk -> read(chunk.toString())).endHandler(v -> ended.tryComplete()))
        .await();
  }

  public static LiveEvents open(TestKenes kenes, String study) {
    return open(kenes, study, "Authorization", "Bearer " + TestKenes.ADMIN);
  }

  /** A stream opened with a header of one's own: another token, or a session's cookie. */
  public static LiveEvents open(TestKenes kenes, String study, String header, String value) {
    return new LiveEvents(kenes, study, header, value);
  }

  private void read(String chunk) {
    buffer.append(chunk);
    for (int end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      String event = buffer.substring(0, end);
      buffer.delete(0, end + 2);
      if (event.contains("event: participation")) {
        String data = event.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
        events.add(new JsonObject(data));
      }
    }
  }

  /** The next event that passes {@code test}, dropping those before it; null if none comes in {@link Wait#PATIENCE}. */
  public JsonObject next(Predicate<JsonObject> test) throws InterruptedException {
    long end = System.nanoTime() + Wait.PATIENCE.toNanos();
    for (long left = Wait.PATIENCE.toNanos(); left > 0; left = end - System.nanoTime()) {
      JsonObject e = events.poll(left, TimeUnit.NANOSECONDS);
      if (e != null && test.test(e)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void close() {
    client.close().await();
  }
}
