package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file stand-in stores a collection's documents in H2: as BSON, the wire protocol's own encoding, behind a tag
 * byte that H2's {@link ObjectDataType} never writes. mongo-java-server's H2 backend leaves documents to
 * {@link ObjectDataType}, which stores a document with Java serialization: in a profile of the platform under intake
 * that took most of the stand-in's CPU (docs/benchmarks.md, section 8). Values stored before, and anything that is not
 * a document, are read and written by {@link ObjectDataType} as they were, so an existing data file stays readable.
 *
 * <p>mongo-java-server changes some stored documents in place (and then stores them again, which marks their page for
 * the next write). H2 writes pages from its own thread, so a document may change while it is encoded: Java
 * serialization did not notice, the BSON encoder's iterator throws {@link ConcurrentModificationException}, and an
 * exception there closes the store. The document is then encoded again; the page is written once more after the
 * change anyway.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    /** The tag of a BSON document: above every tag {@link ObjectDataType} writes (0 to 119). */
    static final byte BSON_DOCUMENT = 120;
    /** Encodings of a document changing meanwhile tried before giving up. */
    static final int MOST_ATTEMPTS = 100;
    /** A document in memory (strings as UTF-16, a map entry per field) takes about this many times its BSON bytes. */
    private static final int MEMORY_PER_BSON_BYTE = 3;

    private final ObjectDataType others = new ObjectDataType();
    private volatile int averageBsonBytes = 1024;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            others.write(buffer, value);
            return;
        }
        ByteBuf bson = Unpooled.buffer(averageBsonBytes + 256);
        try {
            encode(document, bson);
        } catch (RuntimeException e) {
            bson.release();
            throw e;
        }
        averageBsonBytes = (averageBsonBytes * 15 + bson.readableBytes()) / 16;
        TaggedBson.write(buffer, BSON_DOCUMENT, bson);
    }

    private static void encode(Document document, ByteBuf bson) {
        for (int attempt = 1; ; attempt++) {
            try {
                BsonEncoder.encodeDocument(document, bson.clear());
                return;
            } catch (ConcurrentModificationException e) {
                if (attempt == MOST_ATTEMPTS) {
                    throw e;
                }
                Thread.yield();
            }
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return TaggedBson.isTagged(buffer, BSON_DOCUMENT) ? TaggedBson.read(buffer) : others.read(buffer);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageBsonBytes * MEMORY_PER_BSON_BYTE : others.getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
