package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.Collection;

/**
 * A unique single-key index of the stand-in that also serves queries pinning its key to one value among other
 * conditions, as MongoDB's own indexes do: {@code {_id: x, version: 3}} reads the one document with {@code _id} x and
 * then checks the rest of the query on it. mongo-java-server's unique indexes serve only queries on exactly their
 * keys, so every conditional update by id scanned the whole collection. Everything else is the wrapped index's.
 *
 * @param <P> the backend's document position
 */
final class KeyLookupIndex<P> extends Index<P> {

    private final Index<P> index;
    private final String key;

    KeyLookupIndex(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
        this.key = index.getKeys().get(0).getKey();
    }

    /** Wraps unique single-key indexes; returns any other index as it is. */
    static <P> Index<P> wrap(Index<P> index, boolean sparse) {
        return index.isUnique() && index.getKeys().size() == 1 ? new KeyLookupIndex<>(index, sparse) : index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinsKey(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        return index.getPositions(new Document(key, query.get(key)));
    }

    private boolean pinsKey(Document query) {
        Object value = query.get(key);
        return query.size() > 1 && value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value) && index.canHandle(new Document(key, value));
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return index.hasSameOptions(other instanceof KeyLookupIndex<?> lookup ? lookup.index : other);
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }
}
