package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A secondary (not unique) single-key index of the stand-in, kept in memory, that serves queries pinning its key to one
 * value, as MongoDB's own index would: {@code {publishPending: true}} reads the documents holding that value, and
 * the rest of the query is still checked on each of them. mongo-java-server ignores secondary indexes, so such a
 * query scanned the whole collection, costing more as the data grew. The index is filled from the collection when it
 * is opened (after a restart of the file stand-in too); an array value is indexed by each of its elements.
 *
 * @param <P> the backend's document position
 */
final class ValueIndex<P> extends Index<P> {

    private final String key;
    private final Map<KeyValue, Map<Object, P>> positions = new HashMap<>();
    private long count;

    ValueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        if (keys.size() != 1) {
            throw new IllegalArgumentException("a value index has one key, not " + keys);
        }
        this.key = keys.get(0).getKey();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Object value = query.get(key);
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Map<Object, P> held = positions.get(keyValue(new Document(key, query.get(key))));
        return held == null ? List.of() : List.copyOf(held.values());
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get("_id");
        for (KeyValue value : values(document)) {
            if (positions.computeIfAbsent(value, v -> new HashMap<>()).put(id, position) == null) {
                count++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = document.get("_id");
        P removed = null;
        for (KeyValue value : values(document)) {
            Map<Object, P> held = positions.get(value);
            P position = held == null ? null : held.remove(id);
            if (position != null) {
                removed = position;
                count--;
                if (held.isEmpty()) {
                    positions.remove(value);
                }
            }
        }
        return removed;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (!values(oldDocument).equals(values(newDocument))) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    /** The document's position is its unique indexes' to say. */
    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any value may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any value may be stored
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public synchronized boolean isEmpty() {
        return count == 0;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        count = 0;
    }

    private Set<KeyValue> values(Document document) {
        return getKeyValues(document).stream().map(KeyValue::normalized)
                .collect(Collectors.toSet());
    }

    private KeyValue keyValue(Document query) {
        return getKeyValues(query).iterator().next().normalized();
    }
}
