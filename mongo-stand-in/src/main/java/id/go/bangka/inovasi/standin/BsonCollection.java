package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the file stand-in: mongo-java-server's {@code H2Collection}, with the same maps and keys, but the
 * documents' map holds their BSON bytes ({@link BsonBytesType}). A document is encoded when it is stored and decoded,
 * as a new document, each time it is read. The library's collection kept decoded documents in H2's page cache: several
 * times their BSON size (estimated at about 60 MB in a cache H2 counted as 16 MiB), promoted by young collections
 * before H2 dropped them, and encoded again each time a page holding them was written (docs/benchmarks.md, section
 * 2: with the bytes, the stand-in's young collections take half as long).
 *
 * <p>A document read here is the caller's own: mongo-java-server changes a document it updates in place and then
 * stores it again, which no longer changes a document another reader holds meanwhile.
 */
final class BsonCollection extends AbstractSynchronizedMongoCollection<Object> {

    private static final String DATA_SIZE_KEY = "dataSize";

    private final MVMap<Object, byte[]> documents;
    private final MVMap<String, Object> meta;

    BsonCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> documents,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.documents = documents;
        this.meta = meta;
        meta.putIfAbsent(DATA_SIZE_KEY, 0L);
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        synchronized (meta) {
            meta.put(DATA_SIZE_KEY, ((Number) meta.get(DATA_SIZE_KEY)).longValue() + sizeDelta);
        }
    }

    @Override
    protected int getDataSize() {
        return ((Number) meta.get(DATA_SIZE_KEY)).intValue();
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
        if (documents.putIfAbsent(Missing.ofNullable(key), BsonBytes.encode(document)) != null) {
            throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
        }
        return key;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] bson = documents.get(position);
        return bson == null ? null : BsonBytes.decode(bson);
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position);
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(BsonBytes.decode(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Stream<Document> candidates = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition()
                        .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
                        .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(BsonBytes::decode);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(Missing.ofNullable(position), BsonBytes.encode(newDocument));
    }
}
