package id.go.bangka.inovasi.catalog.snapshot;

import id.go.bangka.inovasi.catalog.innovation.Innovation;
import id.go.bangka.inovasi.catalog.innovation.InnovationStore;
import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import id.go.bangka.inovasi.events.InnovationChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
 * version published. A failure leaves it pending for {@link SnapshotSweeper}. Meter {@value #DELAY} (tag
 * {@code trigger}: write or sweep) times each snapshot from its change's write to the broker's ack.
 */
@Component
public class SnapshotPublisher {

    static final String BINDING = "snapshots-out-0";
    static final String SOURCE = "/inovasi/catalog-service";
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);

    /** Why a snapshot is published: right after its change, or by the sweeper. */
    enum Trigger {
        WRITE, SWEEP
    }

    static final String DELAY = "inovasi.snapshot.publish.delay";

    private final StreamBridge streamBridge;
    private final InnovationStore store;
    private final SnapshotTraces traces;
    private final MeterRegistry registry;

    public SnapshotPublisher(StreamBridge streamBridge, InnovationStore store, SnapshotTraces traces,
            MeterRegistry registry) {
        this.streamBridge = streamBridge;
        this.store = store;
        this.traces = traces;
        this.registry = registry;
    }

    /** Publishes the snapshot of a change just written; returns whether the broker acknowledged it. */
    public boolean publish(Innovation innovation) {
        if (send(innovation, Trigger.WRITE)) {
            return true;
        }
        traces.remember(innovation);
        return false;
    }

    /** Publishes a pending snapshot, continuing the trace of the change that made it. */
    boolean publishPending(Innovation innovation) {
        return traces.continuing(innovation.id(), () -> send(innovation, Trigger.SWEEP));
    }

    private boolean send(Innovation innovation, Trigger trigger) {
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
        Timer.builder(DELAY).description("From a change's write to the broker's ack of its snapshot")
                .tag("trigger", trigger.name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
                .register(registry).record(Duration.between(innovation.updatedAt(), Instant.now()));
        return true;
    }
}
