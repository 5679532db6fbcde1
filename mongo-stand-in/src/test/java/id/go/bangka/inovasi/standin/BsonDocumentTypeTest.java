package id.go.bangka.inovasi.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTest {

    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void aDocumentIsStoredAsBsonBehindItsTagAndReadBackEqual() {
        Document document = new Document("_id", "a").append("version", 3L).append("title", "Inovasi Posyandu Remaja")
                .append("history", List.of(new Document("version", 1), new Document("version", 2)));

        ByteBuffer stored = write(document);

        assertThat(stored.get(0)).isEqualTo(BsonDocumentType.BSON_DOCUMENT);
        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).as("the read takes exactly the stored bytes").isZero();
    }

    @Test
    void aValueThatIsNotADocumentIsStoredAsH2StoresIt() {
        ByteBuffer stored = write("plain");

        assertThat(stored.get(0)).isNotEqualTo(BsonDocumentType.BSON_DOCUMENT);
        assertThat(type.read(stored)).isEqualTo("plain");
    }

    @Test
    void aDocumentChangedWhileItIsEncodedIsEncodedAgain() {
        Document document = new Document("_id", "a").append("proposal", new ChangingMap(3, "title", "Posyandu"));

        Object read = type.read(write(document));

        assertThat(read).isEqualTo(new Document("_id", "a").append("proposal", new Document("title", "Posyandu")));
    }

    @Test
    void aDocumentThatNeverStopsChangingFailsAfterTheLastAttempt() {
        Document document = new Document("_id", "a").append("proposal",
                new ChangingMap(BsonDocumentType.MOST_ATTEMPTS, "title", "Posyandu"));

        assertThatThrownBy(() -> write(document)).isInstanceOf(ConcurrentModificationException.class);
    }

    private ByteBuffer write(Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }

    /** A map whose first {@code changes} iterations fail as if another thread changed it meanwhile. */
    private static final class ChangingMap extends LinkedHashMap<String, Object> {

        private final AtomicInteger changes;

        ChangingMap(int changes, String key, Object value) {
            this.changes = new AtomicInteger(changes);
            put(key, value);
        }

        @Override
        public Set<String> keySet() {
            Set<String> keys = super.keySet();
            return new java.util.AbstractSet<>() {
                @Override
                public Iterator<String> iterator() {
                    if (changes.getAndDecrement() > 0) {
                        throw new ConcurrentModificationException();
                    }
                    return keys.iterator();
                }

                @Override
                public int size() {
                    return keys.size();
                }
            };
        }
    }
}
