package org.kenes.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Reads every document whose {@code _id} starts with a prefix (keys are built as {@code study:…}) through one cursor,
 * a batch at a time: no single reply grows past the wire protocol's limit, and the collection is scanned once. (The
 * embedded server answers an {@code _id} range from a scan, not from its index, so reading page after page by range
 * would scan the collection once per page.)
 */
public final class Pages {

  static final int SIZE = 1_000;
  /** A cursor that delivers nothing for this long is given up: the embedded server's streams once stalled. */
  static final long STALL_MS = 60_000;

  private Pages() {}

  /**
   * The documents under the prefix, each read by {@code as} and put in {@code order} whatever order the store keeps
   * them in; both on a worker, as a study's answers may be a hundred thousand. A document {@code as} reads as null is
   * left out.
   */
  public static <T> Future<List<T>> byKeyPrefix(Vertx vertx, MongoClient mongo, String collection, String prefix,
      Function<JsonObject, T> as, Comparator<? super T> order) {
    List<JsonObject> all = new ArrayList<>();
    return scan(vertx, mongo, collection, prefix, page -> {
      all.addAll(page);
      return Future.succeededFuture();
    }).compose(v -> vertx.executeBlocking(() -> all.stream().map(as).filter(java.util.Objects::nonNull).sorted(order)
        .toList(), false));
  }

  /**
   * Hands the documents, in no particular order, to {@code onPage} {@value #SIZE} at a time, one page after the
   * other, while the cursor goes on reading the next: a pass over a large set costs about its read.
   */
  public static Future<Void> scan(Vertx vertx, MongoClient mongo, String collection, String prefix,
      Function<List<JsonObject>, Future<Void>> onPage) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$gte", prefix).put("$lt", prefix + "\uffff"));
    FindOptions options = new FindOptions().setBatchSize(SIZE);
    return new Scan(vertx, mongo.findBatchWithOptions(collection, query, options), onPage).done.future();
  }

  /** One pass of a cursor: pages handed on in turn, a watch for a stalled cursor. */
  private static final class Scan {

    final Promise<Void> done = Promise.promise();
    private final Vertx vertx;
    private final ReadStream<JsonObject> cursor;
    private final Function<List<JsonObject>, Future<Void>> onPage;
    private final long watch;
    private List<JsonObject> page = new ArrayList<>();
    private Future<Void> handled = Future.succeededFuture();
    private volatile long lastActivity = System.currentTimeMillis();

    Scan(Vertx vertx, ReadStream<JsonObject> cursor, Function<List<JsonObject>, Future<Void>> onPage) {
      this.vertx = vertx;
      this.cursor = cursor;
      this.onPage = onPage;
      this.watch = vertx.setPeriodic(STALL_MS / 4, id -> {
        if (System.currentTimeMillis() - lastActivity > STALL_MS) {
          done.tryFail(new TimeoutException("the store's cursor delivered nothing for " + STALL_MS / 1000 + " s"));
        }
      });
      done.future().onComplete(r -> vertx.cancelTimer(watch));
      cursor.exceptionHandler(done::tryFail).endHandler(v -> {
        lastActivity = System.currentTimeMillis();
        hand(page).onComplete(r -> {
          if (r.succeeded()) {
            done.tryComplete();
          } else {
            done.tryFail(r.cause());
          }
        });
      }).handler(doc -> {
        lastActivity = System.currentTimeMillis();
        page.add(doc);
        if (page.size() == SIZE) {
          // The next page is read while this one is worked on; reading waits only when the work falls a page
          // behind, so memory stays at three pages at most.
          Future<Void> earlier = handled;
          hand(page).onFailure(e -> {
            // Nothing more is worked on once a page has failed: no use reading on.
            cursor.pause();
            done.tryFail(e);
          });
          page = new ArrayList<>();
          if (!earlier.isComplete()) {
            cursor.pause();
            earlier.onSuccess(v -> cursor.resume());
          }
        }
      });
    }

    private Future<Void> hand(List<JsonObject> docs) {
      handled = handled.compose(v -> docs.isEmpty() ? Future.succeededFuture() : onPage.apply(docs));
      return handled;
    }
  }
}
