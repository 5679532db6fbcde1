package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file stand-in stores a collection's documents in H2: each value is a document's BSON bytes
 * ({@link BsonCollection} encodes and decodes), written behind a tag byte that H2's {@link ObjectDataType} never
 * writes.
 * H2 keeps the bytes as they are in its page cache, so a cached document takes its BSON size in memory and a page is
 * written without encoding its documents again.
 *
 * <p>Data files stay readable both ways. Documents written by the earlier stand-in (decoded documents in the cache,
 * encoded when a page was written) have the same tag and bytes. Documents written by mongo-java-server's own H2
 * backend, with Java serialization, are read by {@link ObjectDataType} and encoded on reading; the page is stored
 * tagged the next time it is written.
 */
final class BsonBytesType extends BasicDataType<Object> {

    /** The tag of a BSON document: above every tag {@link ObjectDataType} writes (0 to 119). */
    static final byte BSON_DOCUMENT = 120;
    /** The empty document: its length (4 bytes, little-endian, counting itself) and the terminating zero. */
    private static final int SMALLEST_DOCUMENT = 5;
    /** What a byte array takes in memory besides its bytes: its header and length. */
    private static final int ARRAY_OVERHEAD = 16;

    private final ObjectDataType others = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof byte[] bson)) {
            throw new IllegalArgumentException("a collection stores BSON bytes, not " + value.getClass().getName());
        }
        buffer.put(BSON_DOCUMENT).put(bson);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (!TaggedBson.isTagged(buffer, BSON_DOCUMENT)) {
            return BsonBytes.encode((Document) others.read(buffer));
        }
        buffer.get();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < SMALLEST_DOCUMENT || length > buffer.remaining()) {
            throw new IllegalStateException("A stored document claims " + length + " bytes, of "
                    + buffer.remaining() + " left in its page: the data file is damaged");
        }
        byte[] bson = new byte[length];
        buffer.get(bson);
        return bson;
    }

    @Override
    public int getMemory(Object value) {
        return ((byte[]) value).length + ARRAY_OVERHEAD;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
