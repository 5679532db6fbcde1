package id.go.bangka.inovasi.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class BsonBytesTypeTest {

    /** {"_id": "a", "version": 3}: int32 length, a string element, an int32 element, the terminating zero. */
    private static final byte[] SMALL_DOCUMENT = {
        29, 0, 0, 0,
        2, '_', 'i', 'd', 0, 2, 0, 0, 0, 'a', 0,
        16, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0, 3, 0, 0, 0,
        0};

    private final BsonBytesType type = new BsonBytesType();

    @Test
    void aDocumentIsEncodedAsBsonAndDecodedBackEqual() {
        assertThat(BsonBytes.encode(new Document("_id", "a").append("version", 3))).isEqualTo(SMALL_DOCUMENT);
        assertThat(BsonBytes.decode(SMALL_DOCUMENT)).isEqualTo(new Document("_id", "a").append("version", 3));
    }

    @Test
    void eachDecodingIsANewDocument() {
        Document first = BsonBytes.decode(SMALL_DOCUMENT);
        first.put("version", 4);

        assertThat(BsonBytes.decode(SMALL_DOCUMENT)).containsEntry("version", 3);
    }

    @Test
    void theBytesAreStoredBehindTheTagAndReadBackExactly() {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, SMALL_DOCUMENT);
        type.write(buffer, SMALL_DOCUMENT);
        ByteBuffer stored = buffer.getBuffer().flip();

        assertThat(stored.remaining()).isEqualTo(2 * (1 + SMALL_DOCUMENT.length));
        assertThat(stored.get(0)).isEqualTo(BsonBytesType.BSON_DOCUMENT);
        assertThat((byte[]) type.read(stored)).isEqualTo(SMALL_DOCUMENT);
        assertThat(stored.position()).as("the read stops at the document's end").isEqualTo(1 + SMALL_DOCUMENT.length);
        assertThat((byte[]) type.read(stored)).isEqualTo(SMALL_DOCUMENT);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void aDocumentThePreviousBuildStoredIsReadAsItsBson() {
        ByteBuffer stored = ByteBuffer.allocate(1 + SMALL_DOCUMENT.length).put((byte) 120).put(SMALL_DOCUMENT).flip();

        assertThat((byte[]) type.read(stored)).isEqualTo(SMALL_DOCUMENT);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void aDocumentJavaSerializedByTheLibrarysBackendIsReadAsItsBson() {
        Document document = new Document("_id", "old").append("history", List.of(new Document("version", 1)));
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);
        ByteBuffer stored = buffer.getBuffer().flip();

        Object read = type.read(stored);

        assertThat(BsonBytes.decode((byte[]) read)).isEqualTo(document);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void aLengthLongerThanThePageLeftIsADamagedFile() {
        ByteBuffer stored = ByteBuffer.allocate(1 + SMALL_DOCUMENT.length).put(BsonBytesType.BSON_DOCUMENT)
                .put(SMALL_DOCUMENT).flip();
        stored.put(1, (byte) 30);

        assertThatThrownBy(() -> type.read(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("claims 30 bytes, of 29 left").hasMessageContaining("damaged");
    }

    @Test
    void theCacheCountsABytesArrayAsItsLengthAndItsHeader() {
        assertThat(type.getMemory(SMALL_DOCUMENT)).isEqualTo(29 + 16);
    }

    @Test
    void aValueThatIsNotBsonBytesIsRefused() {
        assertThatThrownBy(() -> type.write(new WriteBuffer(), new Document("_id", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Document");
    }
}
