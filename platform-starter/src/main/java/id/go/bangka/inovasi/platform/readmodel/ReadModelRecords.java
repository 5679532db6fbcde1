package id.go.bangka.inovasi.platform.readmodel;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Applies one record of the feed's topic to the read model and records its offset for the catch-up check, the same
 * way for the start-up restore and the live binding. A record the handler cannot read is logged and skipped: the model
 * must not stall behind it, and the next record of that key supersedes it.
 */
public class ReadModelRecords {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRecords.class);

    private final ReadModelFeed feed;
    private final CatchUpTracker tracker;

    public ReadModelRecords(ReadModelFeed feed, CatchUpTracker tracker) {
        this.feed = feed;
        this.tracker = tracker;
    }

    /** Applies a message of the feed's binding. */
    public void accept(Message<byte[]> message) {
        apply(message.getHeaders(), message.getPayload(),
                message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class),
                message.getHeaders().get(KafkaHeaders.OFFSET, Long.class));
    }

    /**
     * Applies a record of the binding; its offset counts for the catch-up check once the start-up restore is done.
     *
     * @param headers   its headers, values as text or bytes
     * @param payload   its value
     * @param partition its partition, or null when unknown
     * @param offset    its offset, or null when unknown
     */
    public void apply(Map<String, Object> headers, byte[] payload, Integer partition, Long offset) {
        applyOnly(headers, payload, partition, offset);
        if (partition != null && offset != null) {
            tracker.seenLive(partition, offset);
        }
    }

    /**
     * Applies the records one poll of the start-up restore read ({@link ReadModelHandler#applyRestored}), then records
     * their offsets. After the poll that reaches the end offsets the model is told it is restored before those last
     * offsets count, so readiness never reports a model whose last records are not yet visible.
     *
     * @param records the records read, in offset order within each partition
     * @param last    whether they are the last the restore reads
     */
    public void applyRestored(List<ReadModelRecord> records, boolean last) {
        feed.handler().applyRestored(records,
                r -> applyOnly(r.headers(), r.payload(), r.partition(), r.offset()));
        if (last) {
            restored();
        }
        records.forEach(r -> tracker.seen(r.partition(), r.offset()));
    }

    /**
     * Tells the model that the start-up restore has read up to its end offsets, then lets the binding's offsets count.
     */
    public void restored() {
        feed.handler().restored();
        tracker.restored();
    }

    private void applyOnly(Map<String, Object> headers, byte[] payload, Integer partition, Long offset) {
        try {
            feed.handler().apply(headers, payload);
        } catch (RuntimeException e) {
            log.warn("The {} read model skipped an unreadable record at {}-{}@{}: {}", feed.name(), feed.topic(),
                    partition, offset, e.getMessage());
        }
    }
}
