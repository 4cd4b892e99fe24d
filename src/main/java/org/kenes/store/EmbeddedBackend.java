package org.kenes.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, with two changes: its unique indexes order their keys by {@link IndexKeyType},
 * which keeps the order and the file format of the stock backend and only spares it serialising both keys on every
 * comparison; and its collections keep their documents as BSON ({@link DocumentType}) instead of Java serialisation,
 * which H2 undid for a whole page at nearly every read under load. Stores written by the stock backend stay readable.
 * And every connection must sign in first ({@link StoreSecret}): the stock server answers anyone on the machine.
 */
final class EmbeddedBackend extends H2Backend {

  private final StoreSecret secret;

  EmbeddedBackend(MVStore store, StoreSecret secret) {
    super(store);
    this.secret = secret;
  }

  /** Every command, through the legacy and the current wire protocol alike, once the connection has signed in. */
  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    if (command.equalsIgnoreCase("saslStart")) {
      return secret.signIn(channel, query);
    }
    secret.checkCommand(channel, command);
    return super.handleCommand(channel, database, command, query);
  }

  /** A query of the legacy wire protocol. */
  @Override
  public QueryResult handleQuery(MongoQuery query) {
    secret.checkQuery(query.getChannel());
    return super.handleQuery(query);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    // Called from H2Backend's constructor for the databases already in the file: only what the super class has set
    // may be used here.
    return new Database(databaseName);
  }

  private final class Database extends H2Database {

    Database(String name) {
      super(name, getMvStore(), getCursorRegistry());
    }

    /** The documents' map opened first with their BSON value type; the stock backend's openMap then finds it open. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
      getMvStore().openMap("databases." + getFullCollectionNamespace(collectionName),
          new MVMap.Builder<Object, Object>().valueType(new DocumentType()));
      return super.openOrCreateCollection(collectionName, options);
    }

    /** The index map opened first with the faster key type; the stock backend's openMap then finds it open. */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
        boolean sparse) {
      getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
          new MVMap.Builder<Object, Object>().keyType(new IndexKeyType()));
      return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }
  }
}
