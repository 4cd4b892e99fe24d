package org.kenes.participant;

import static org.kenes.participant.ParticipantRepository.ATTRIBUTES;
import static org.kenes.participant.ParticipantRepository.ATTRIBUTES_AT;
import static org.kenes.participant.ParticipantRepository.COLLECTION;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kenes.store.Durability;
import org.kenes.store.Pages;

/**
 * Participants' attribute values, kept in their own document of {@code participants} (field {@code attributes}), so
 * that erasing a participant erases them too. Given with the participant list, or answered by the panelist once, on
 * their first visit ({@code attributesAt}).
 */
public final class ParticipantAttributes {

  private final Vertx vertx;
  private final MongoClient mongo;
  private final Durability durability;

  public ParticipantAttributes(Vertx vertx, MongoClient mongo, Durability durability) {
    this.vertx = vertx;
    this.mongo = mongo;
    this.durability = durability;
  }

  /**
   * A participant's values.
   *
   * @param answered whether the panelist answered the attribute questions themselves (they are then not asked again)
   */
  public record Values(String participant, String panel, Map<String, Object> values, boolean answered) {

    public Values {
      values = Map.copyOf(values);
    }
  }

  /** Every participant's values, in the order of their ids. */
  public Future<List<Values>> list(String study) {
    return Pages.byKeyPrefix(vertx, mongo, COLLECTION, study + ":", ParticipantAttributes::values,
        Comparator.comparing(Values::participant));
  }

  public Future<Values> of(Participant p) {
    return mongo.findOne(COLLECTION, new JsonObject().put("token", p.token()), null)
        .map(doc -> doc == null ? new Values(p.id(), p.panel(), Map.of(), false) : values(doc));
  }

  /**
   * The panelist's answers to the attribute questions, replacing what was given for them before; durable when this
   * succeeds. Answering again changes nothing more.
   */
  public Future<Void> answer(Participant p, Map<String, Object> values) {
    JsonObject set = new JsonObject().put(ATTRIBUTES, new JsonObject(Map.copyOf(values)))
        .put(ATTRIBUTES_AT, Instant.now().toString());
    return mongo.updateCollection(COLLECTION, new JsonObject().put("token", p.token()),
            new JsonObject().put("$set", set))
        .compose(r -> durability.sync());
  }

  private static Values values(JsonObject doc) {
    JsonObject values = doc.getJsonObject(ATTRIBUTES, new JsonObject());
    return new Values(doc.getString("pseudonym"), doc.getString("panel"), values.getMap(),
        doc.getString(ATTRIBUTES_AT) != null);
  }
}
