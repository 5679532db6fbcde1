package id.go.bangka.inovasi.stats.view;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.readmodel.ReadModelHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies one snapshot of {@code inovasi.catalog.v1} to the view, for the start-up restore and the live binding alike.
 * A record of another type is logged and skipped; an unreadable one throws (platform-starter's read model logs and
 * skips it).
 */
@Component
public class SnapshotRecords implements ReadModelHandler {

    private static final Logger log = LoggerFactory.getLogger(SnapshotRecords.class);

    private final CatalogView view;

    public SnapshotRecords(CatalogView view) {
        this.view = view;
    }

    @Override
    public void apply(Map<String, Object> headers, byte[] payload) {
        String type = CloudEventHeaders.attribute(headers, "type");
        if (EventTypes.INNOVATION_CHANGED.equals(type)) {
            view.apply(EventCodec.decode(payload, InnovationChanged.class));
        } else {
            log.warn("Skipped a record of type {} on the catalogue topic", type);
        }
    }
}
