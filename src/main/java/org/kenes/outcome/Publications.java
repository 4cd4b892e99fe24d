package org.kenes.outcome;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.mongo.UpdateOptions;
import java.time.Instant;
import java.util.Optional;
import org.kenes.common.Conflict;
import org.kenes.round.Round;
import org.kenes.round.RoundRepository;
import org.kenes.store.Durability;

/**
 * The {@code publications} collection: a study whose facilitator has published its outcome to the panelists, with
 * when ({@code {"_id": study, "at", "by"}}). Publishing ends the dialogue: each panelist's link shows the results from
 * then on, no further round opens, and the study's retention period runs from its last round's close.
 */
public final class Publications {

  static final String COLLECTION = "publications";

  /** The event-bus address on which the id of a study whose results were just published is announced. */
  public static final String PUBLISHED = "kenes.results.published";

  private final MongoClient mongo;
  private final Durability durability;
  private final RoundRepository rounds;
  private final EventBus events;

  public Publications(MongoClient mongo, Durability durability, RoundRepository rounds, EventBus events) {
    this.mongo = mongo;
    this.durability = durability;
    this.rounds = rounds;
    this.events = events;
  }

  /** When the study's outcome was published, if it was. */
  public Future<Optional<String>> find(String study) {
    return mongo.findOne(COLLECTION, new JsonObject().put("_id", study), null)
        .map(doc -> Optional.ofNullable(doc).map(d -> d.getString("at")));
  }

  /** Whether the study's outcome is published. */
  public Future<Boolean> published(String study) {
    return find(study).map(Optional::isPresent);
  }

  /**
   * Publishes a study's outcome, once: publishing again keeps the first moment. Answers when it was published;
   * {@link Conflict} while a round is open or before one has closed.
   */
  public Future<String> publish(String study, String by) {
    return rounds.list(study).compose(held -> {
      if (held.stream().anyMatch(Round::open)) {
        return Future.failedFuture(new Conflict("a round is open: close it before publishing the results"));
      }
      if (held.isEmpty()) {
        return Future.failedFuture(new Conflict("no round has closed yet: there are no results to publish"));
      }
      return record(study, by).onSuccess(at -> events.publish(PUBLISHED, study));
    });
  }

  private Future<String> record(String study, String by) {
    JsonObject doc = new JsonObject().put("study", study).put("at", Instant.now().toString()).put("by", by);
    return mongo.updateCollectionWithOptions(COLLECTION, new JsonObject().put("_id", study),
            new JsonObject().put("$setOnInsert", doc), new UpdateOptions().setUpsert(true))
        .compose(r -> durability.sync())
        .compose(v -> find(study))
        .map(Optional::orElseThrow);
  }
}
