package org.kenes.mail;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kenes.store.Durability;

/** The {@code mailTexts} collection: a study's own message texts, keyed {@code study:kind:language}. */
final class MessageTextRepository {

  static final String COLLECTION = "mailTexts";

  private final MongoClient mongo;
  private final Durability durability;

  MessageTextRepository(MongoClient mongo, Durability durability) {
    this.mongo = mongo;
    this.durability = durability;
  }

  Future<Void> save(String study, MessageText text) {
    JsonObject doc = new JsonObject().put("_id", study + ":" + text.kind() + ":" + text.language()).put("study", study)
        .put("kind", text.kind()).put("language", text.language()).put("subject", text.subject())
        .put("body", text.body());
    return mongo.save(COLLECTION, doc).compose(id -> durability.sync());
  }

  /** Every text of a study, the edited ones from the store and Kenes's own for the rest. */
  Future<List<MessageText>> all(String study, List<String> languages) {
    return mongo.find(COLLECTION, new JsonObject().put("study", study)).map(docs -> {
      Map<String, MessageText> edited = new HashMap<>();
      docs.forEach(d -> edited.put(d.getString("kind") + ":" + d.getString("language"),
          new MessageText(d.getString("kind"), d.getString("language"), d.getString("subject"), d.getString("body"), true)));
      return MessageText.KINDS.stream().flatMap(kind -> languages.stream()
          .map(lang -> edited.getOrDefault(kind + ":" + lang, MessageText.standard(kind, lang)))).toList();
    });
  }
}
