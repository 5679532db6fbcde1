package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.LinkedHashMap;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 (MVStore file) backend with {@link KeyLookupIndex} unique and {@link ValueIndex}
 * secondary indexes, documents stored and cached as BSON bytes ({@link BsonCollection}) and unique indexes' keys as
 * BSON ({@link IndexKeyType}). A unique index's map from a file written before, its keys in another order, is rebuilt
 * in the new order the first time it is opened; a map in the file, {@value #INDEX_KEY_FORMATS}, names those rebuilt.
 */
final class IndexedH2Backend extends H2Backend {

    /** The prefixes of {@link H2Database}'s map names, which an existing data file already uses. */
    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    private static final String INDEX_PREFIX = "._index_";
    /**
     * The unique indexes' maps whose keys are {@link IndexKeyType}'s, by name. No dot in the name: dropping a
     * database removes every map whose name starts with the database's name and a dot.
     */
    static final String INDEX_KEY_FORMATS = "inovasi-index-key-formats";
    private static final String REBUILDING = ".rebuilding";
    private static final String BSON_KEYS = "bson";

    /** The backend on {@code file}, opened with {@link StoreTuning}'s settings (system properties or defaults). */
    IndexedH2Backend(String file) {
        super(StoreTuning.fromSystemProperties().open(file));
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

        /** As {@link H2Database}'s, with the same map names, but a {@link BsonCollection} on BSON bytes. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, byte[]> documents = store.openMap(DATABASES_PREFIX + namespace,
                    new MVMap.Builder<Object, byte[]>().valueType(new BsonBytesType()));
            return new BsonCollection(this, collectionName, options, documents, store.openMap(META_PREFIX + namespace),
                    getCursorRegistry());
        }

        /** As {@link H2Database}'s, its map opened first with {@link IndexKeyType} keys (H2 then hands out that map). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            openIndexMap(getFullCollectionNamespace(collectionName) + INDEX_PREFIX + indexName);
            return KeyLookupIndex.wrap(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
        }

        /**
         * Opens a unique index's map with {@link IndexKeyType} keys. A map not yet named in {@value
         * #INDEX_KEY_FORMATS} may hold keys in the old order: it is copied into {@code <name>.rebuilding}, which then
         * replaces it, and only then is it named there. H2 may save the file between any two of these steps, so a start
         * after a crash finds one of: the copy half made (dropped, and made again from the intact map), the map gone
         * and the copy whole (renamed), or the map rebuilt but not yet named (rebuilt once more, to the same order:
         * {@link IndexKeyType} reads keys of either format).
         */
        private void openIndexMap(String name) {
            MVStore store = getMvStore();
            MVMap<String, String> formats = store.openMap(INDEX_KEY_FORMATS);
            String rebuilding = name + REBUILDING;
            if (!BSON_KEYS.equals(formats.get(name))) {
                if (store.hasMap(name)) {
                    if (store.hasMap(rebuilding)) {
                        store.removeMap(store.openMap(rebuilding, bsonKeys()));
                    }
                    MVMap<Object, Object> copy = store.openMap(rebuilding, bsonKeys());
                    MVMap<Object, Object> before = store.openMap(name, bsonKeys());
                    copy.putAll(new LinkedHashMap<>(before));
                    store.removeMap(before);
                    store.renameMap(copy, name);
                } else if (store.hasMap(rebuilding)) {
                    store.renameMap(store.openMap(rebuilding, bsonKeys()), name);
                }
                formats.put(name, BSON_KEYS);
            }
            store.openMap(name, bsonKeys());
        }

        private static MVMap.Builder<Object, Object> bsonKeys() {
            return new MVMap.Builder<Object, Object>().keyType(new IndexKeyType());
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            return keys.size() == 1 ? new ValueIndex<>(indexName, keys, sparse)
                    : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }
    }
}
