package id.go.bangka.inovasi.catalog.search;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import id.go.bangka.inovasi.platform.readmodel.ReadModelHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies one record of {@code inovasi.catalog.v1} to the search index: a snapshot is indexed, anything else skipped. */
@Component
public class SnapshotIndexer implements ReadModelHandler {

    private static final Logger log = LoggerFactory.getLogger(SnapshotIndexer.class);

    private final SearchIndex index;

    public SnapshotIndexer(SearchIndex index) {
        this.index = index;
    }

    @Override
    public void apply(Map<String, Object> headers, byte[] payload) {
        String type = CloudEventHeaders.attribute(headers, "type");
        if (EventTypes.INNOVATION_CHANGED.equals(type) && payload != null) {
            index.apply(EventCodec.decode(payload, InnovationChanged.class));
        } else {
            log.warn("The search index skipped a record of type {} on the catalogue topic", type);
        }
    }
}
