package id.go.bangka.inovasi.platform.readmodel;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies records of a read model's topic to the model. Applying a record twice must change nothing: the start-up
 * restore reads again from the beginning after a failure. A record it cannot read throws; {@link ReadModelRecords}
 * logs and skips it.
 */
@FunctionalInterface
public interface ReadModelHandler {

    /**
     * Applies the record.
     *
     * @param headers its headers, values as text or bytes
     * @param payload its value, null for a tombstone
     */
    void apply(Map<String, Object> headers, byte[] payload);

    /**
     * Applies the records one poll of the start-up restore read, in offset order within each partition; their offsets
     * then count for the rebuild's progress. By default one after the other. A model may hand them to threads of its
     * own and return at once, as long as the records of one key stay in order on one thread and {@link #restored}
     * returns only once everything handed over is applied.
     *
     * @param records the records read
     * @param each    applies one record through {@link #apply}, logging and skipping one it cannot read
     */
    default void applyRestored(List<ReadModelRecord> records, Consumer<ReadModelRecord> each) {
        records.forEach(each);
    }

    /**
     * The start-up restore has read everything up to its end offsets: finish applying it and make it visible to readers
     * now. Called once, before the catch-up readiness can report the model ready.
     */
    default void restored() {
    }
}
