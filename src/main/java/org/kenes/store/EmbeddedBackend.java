package org.kenes.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 file backend, with two changes: its unique indexes order their keys by {@link IndexKeyType},
 * which keeps the order and the file format of the stock backend and only spares it serialising both keys on every
 * comparison; and its collections keep their documents as BSON ({@link DocumentType}) instead of Java serialisation,
 * which H2 undid for a whole page at nearly every read under load. Stores written by the stock backend stay readable.
 */
final class EmbeddedBackend extends H2Backend {

  EmbeddedBackend(MVStore store) {
    super(store);
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
