package id.go.bangka.inovasi.standin;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();

    @Test
    void aKeyIsStoredAsBsonBehindItsTagAndReadBackEqual() {
        KeyValue key = new KeyValue("DINKES|2024|posyandu remaja", 3, UUID.fromString(
                "0f8fad5b-d9cb-469f-a165-70867728950e"));

        ByteBuffer stored = write(key);

        assertThat(stored.get(0)).isEqualTo(IndexKeyType.BSON_KEY);
        assertThat(type.read(stored)).isEqualTo(key);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void keysAreOrderedValueByValueAndOnlyEqualKeysCompareAsEqual() {
        assertThat(type.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(type.compare(new KeyValue("b", 2), new KeyValue("b", 1))).isPositive();
        assertThat(type.compare(new KeyValue("b"), new KeyValue("b", 1))).isNegative();
        assertThat(type.compare(new KeyValue(7), new KeyValue("7"))).isNotZero();
        assertThat(type.compare(new KeyValue(1), new KeyValue(1L))).isNotZero();
        assertThat(type.compare(new KeyValue(1L), new KeyValue(1L))).isZero();
        assertThat(type.compare(new KeyValue("k1", null), new KeyValue("k1", null))).isZero();
        assertThat(Integer.signum(type.compare(new KeyValue(1), new KeyValue(1L))))
                .isEqualTo(-Integer.signum(type.compare(new KeyValue(1L), new KeyValue(1))));
    }

    @Test
    void uuidsAreOrderedAsMongoJavaServerOrdersThemByTheirText() {
        List<UUID> uuids = new ArrayList<>(List.of(new UUID(0, 0), new UUID(0, 1), new UUID(0, -1), new UUID(1, 0),
                new UUID(Long.MAX_VALUE, 0), new UUID(Long.MIN_VALUE, 0), new UUID(-1, -1),
                new UUID(0x7fffffffffffffffL, 0xffffffffffffffffL), new UUID(0x8000000000000000L, 0)));
        Random random = new Random(20);
        for (int i = 0; i < 200; i++) {
            uuids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (UUID a : uuids) {
            for (UUID b : uuids) {
                assertThat(Integer.signum(IndexKeyType.valueOrder(a, b))).as("%s, %s", a, b)
                        .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
            }
        }
        assertThat(IndexKeyType.valueOrder(new UUID(0x8000000000000000L, 0), new UUID(0x7fffffffffffffffL, 0)))
                .as("the highest bit set orders last, as in the text (8... after 7...)").isPositive();
        assertThat(type.compare(new KeyValue(new UUID(0, 2)), new KeyValue(new UUID(0, 10)))).isNegative();
    }

    private ByteBuffer write(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }
}
