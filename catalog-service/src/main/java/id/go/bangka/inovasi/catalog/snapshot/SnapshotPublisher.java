package id.go.bangka.inovasi.catalog.snapshot;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes an innovation's snapshot to the compacted catalogue topic, waits for the broker's ack, then marks the
 * version published. A failure leaves it pending for {@link SnapshotSweeper}.
 */
@Component
public class SnapshotPublisher {

    static final String BINDING = "snapshots-out-0";
    static final String SOURCE = "/inovasi/catalog-service";
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final StreamBridge streamBridge;
    private final InnovationStore store;

    public SnapshotPublisher(StreamBridge streamBridge, InnovationStore store) {
        this.streamBridge = streamBridge;
        this.store = store;
    }

    /** Publishes the snapshot; returns whether the broker acknowledged it. */
    public boolean publish(Innovation innovation) {
        InnovationChanged snapshot = innovation.toSnapshot();
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(snapshot))
                .copyHeaders(CloudEventHeaders.of(innovation.id() + ":" + innovation.version(),
                        EventTypes.INNOVATION_CHANGED, SOURCE, innovation.id(), innovation.updatedAt()))
                .setHeader(KafkaHeaders.KEY, innovation.id().toString().getBytes(StandardCharsets.UTF_8))
                .setHeader(CloudEventHeaders.REQUEST_ID, MDC.get("requestId"))
                .build();
        try {
            if (!streamBridge.send(BINDING, message)) {
                return false;
            }
        } catch (RuntimeException e) {
            log.warn("Snapshot {} v{} not published, the sweeper will retry: {}", innovation.id(),
                    innovation.version(), e.getMessage());
            return false;
        }
        store.markPublished(innovation.id(), innovation.version());
        return true;
    }
}
