package id.go.bangka.inovasi.standin;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file stand-in stores the keys of a unique index in H2: a key ({@link KeyValue}, the indexed fields' values)
 * as BSON behind a tag byte, ordered value by value as MongoDB orders values. mongo-java-server's H2 backend leaves
 * them to H2's {@link ObjectDataType}, which stores a key with Java serialization and, a key not being
 * {@link Comparable}, compares two keys by serializing both, at every step of a binary search: in a profile of the
 * platform under intake, half of the stand-in's CPU (docs/benchmarks.md, section 1). The order differs from the one a
 * map of the old keys was built in, so such a map is rebuilt when it is opened ({@link IndexedH2Backend}).
 */
final class IndexKeyType extends BasicDataType<Object> {

    /** The tag of a key: above every tag {@link ObjectDataType} writes (0 to 119) and {@link BsonBytesType}'s. */
    static final byte BSON_KEY = 121;
    private static final String VALUES = "k";
    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType others = new ObjectDataType();

    @Override
    public void write(WriteBuffer buffer, Object value) {
        ByteBuf bson = value instanceof KeyValue key ? encoded(key.stream().toList()) : null;
        if (bson == null) {
            others.write(buffer, value);
        } else {
            TaggedBson.write(buffer, BSON_KEY, bson);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return TaggedBson.isTagged(buffer, BSON_KEY)
                ? new KeyValue((List<?>) TaggedBson.read(buffer).get(VALUES)) : others.read(buffer);
    }

    /**
     * Value by value in MongoDB's order of values, then the shorter key first. Two values that order alike but are not
     * equal (which MongoDB's order allows across some types) are ordered as H2 orders objects, so that only equal keys
     * compare as 0.
     */
    @Override
    public int compare(Object a, Object b) {
        if (!(a instanceof KeyValue left) || !(b instanceof KeyValue right)) {
            return others.compare(a, b);
        }
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            Object x = left.get(i);
            Object y = right.get(i);
            int order = valueOrder(x, y);
            if (order == 0 && !Objects.equals(x, y)) {
                order = others.compare(x, y);
            }
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /**
     * MongoDB's order of two values as {@link ValueComparator} gives it. That compares two UUIDs by their text
     * ({@code toString}), two strings made at every step of a binary search of the {@code _id} index: in a profile of
     * the stand-in under intake (docs/benchmarks.md, section 8, eleventh session) 5 to 7 % of its samples. The text
     * is fixed-width hexadecimal, so its order is the UUID's 128 bits read as one unsigned number, compared directly.
     */
    static int valueOrder(Object x, Object y) {
        if (x instanceof UUID u && y instanceof UUID v) {
            int high = Long.compareUnsigned(u.getMostSignificantBits(), v.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(u.getLeastSignificantBits(), v.getLeastSignificantBits());
        }
        return ORDER.compare(x, y);
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof KeyValue key ? 48 + 32 * key.size() : others.getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** The key's values as BSON; null for a value BSON has no form for (mongo-java-server's {@code Missing}). */
    private static ByteBuf encoded(List<?> values) {
        ByteBuf bson = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeDocument(new Document(VALUES, values), bson);
            return bson;
        } catch (IllegalArgumentException e) {
            bson.release();
            return null;
        }
    }
}
