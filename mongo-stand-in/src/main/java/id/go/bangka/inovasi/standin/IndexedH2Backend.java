package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 (MVStore file) backend with {@link KeyLookupIndex} unique and {@link ValueIndex}
 * secondary indexes, and documents stored as BSON ({@link BsonDocumentType}).
 */
final class IndexedH2Backend extends H2Backend {

    /** The prefixes of {@link H2Database}'s map names, which an existing data file already uses. */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    IndexedH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class: H2Database's constructor already opens collections, before a field of a subclass is set, and
     * this reaches the store through the enclosing backend instead.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        /** As {@link H2Database}'s, with the same map names, but the documents' map stores BSON. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = store.openMap(DATABASES_PREFIX + namespace,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            return new H2Collection(this, collectionName, options, documents, store.openMap(META_PREFIX + namespace),
                    getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return KeyLookupIndex.wrap(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return keys.size() == 1 ? new ValueIndex<>(indexName, keys, sparse)
                    : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }
    }
}
