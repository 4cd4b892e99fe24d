package org.kenes.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.MongoClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every document whose {@code _id} starts with a prefix, a page at a time along the {@code _id} index: keys are
 * built as {@code study:…}, so this is how a study's documents are found without a scan of the collection, and no
 * single reply grows past the wire protocol's limit (the embedded server answers a find in one batch).
 */
public final class Pages {

  static final int SIZE = 1_000;

  private Pages() {}

  public static Future<List<JsonObject>> byKeyPrefix(MongoClient mongo, String collection, String prefix) {
    List<JsonObject> all = new ArrayList<>();
    return scan(mongo, collection, prefix, page -> {
      all.addAll(page);
      return Future.succeededFuture();
    }).map(all);
  }

  /**
   * Hands each page to {@code onPage}, in order, one after the other, while the next page is being read: a pass over
   * a large set costs about its read, with the work on each page done meanwhile.
   */
  public static Future<Void> scan(MongoClient mongo, String collection, String prefix,
      Function<List<JsonObject>, Future<Void>> onPage) {
    return next(mongo, collection, prefix, prefix, Future.succeededFuture(), onPage);
  }

  private static Future<Void> next(MongoClient mongo, String collection, String prefix, String after,
      Future<Void> before, Function<List<JsonObject>, Future<Void>> onPage) {
    JsonObject query = new JsonObject().put("_id", new JsonObject().put("$gt", after).put("$lt", prefix + "\uffff"));
    FindOptions page = new FindOptions().setSort(new JsonObject().put("_id", 1)).setLimit(SIZE);
    return mongo.findWithOptions(collection, query, page).compose(docs -> {
      Future<Void> handled = before.compose(v -> onPage.apply(docs));
      return docs.size() < SIZE ? handled
          : next(mongo, collection, prefix, docs.get(docs.size() - 1).getString("_id"), handled, onPage);
    });
  }
}
