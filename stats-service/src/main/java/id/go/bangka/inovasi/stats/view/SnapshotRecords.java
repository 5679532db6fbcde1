package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.stats.readiness.CatchUpTracker;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one record of {@code inovasi.catalog.v1} to the view and records its offset for the catch-up check, the
 * same way for the start-up restore and the live binding. A record it cannot read is logged and skipped: the view
 * must not stall behind it, and the next snapshot of that innovation supersedes it.
 */
@Component
public class SnapshotRecords {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRecords.class);

    private final CatalogView view;
    private final CatchUpTracker tracker;

    public SnapshotRecords(CatalogView view, CatchUpTracker tracker) {
        this.view = view;
        this.tracker = tracker;
    }

    /**
     * Applies the record.
     *
     * @param headers   its headers, values as text or bytes
     * @param payload   its value
     * @param partition its partition, or null when unknown
     * @param offset    its offset, or null when unknown
     */
    public void apply(Map<String, Object> headers, byte[] payload, Integer partition, Long offset) {
        String type = CloudEventHeaders.attribute(headers, "type");
        try {
            if (EventTypes.INNOVATION_CHANGED.equals(type)) {
                view.apply(EventCodec.decode(payload, InnovationChanged.class));
            } else {
                log.warn("Skipped a record of type {} on the catalogue topic", type);
            }
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable snapshot: {}", e.getMessage());
        }
        if (partition != null && offset != null) {
            tracker.seen(partition, offset);
        }
    }
}
