package id.go.bangka.inovasi.catalog.spd;

import id.go.bangka.inovasi.events.CloudEventHeaders;
import id.go.bangka.inovasi.events.EventCodec;
import id.go.bangka.inovasi.events.EventTypes;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes each period's stored SPD version on {@code inovasi.assessments.v1} (binding {@value #BINDING}, synchronous)
 * and marks it published; a version whose send failed is sent again by the sweep, always the stored one, so the last
 * record per period on the compacted topic is the newest.
 */
@Component
public class SpdPublisher {

    static final String BINDING = "spd-out-0";
    private static final String SOURCE = "/inovasi/catalog-service";
    private static final Logger log = LoggerFactory.getLogger(SpdPublisher.class);

    private final StreamBridge streamBridge;
    private final SpdStore store;

    public SpdPublisher(StreamBridge streamBridge, SpdStore store) {
        this.streamBridge = streamBridge;
        this.store = store;
    }

    /** Sends the period's stored version when it is not yet published; false when the send failed. */
    public synchronized boolean publish(String period) {
        SpdRecord current = store.find(period).orElse(null);
        if (current == null || !current.publishPending()) {
            return true;
        }
        Message<byte[]> message = MessageBuilder.withPayload(EventCodec.encode(current.toEvent()))
                .copyHeaders(CloudEventHeaders.of("spd:" + period + ":" + current.version(), EventTypes.SPD_RECORDED,
                        SOURCE, period, current.recordedAt()))
                .setHeader(KafkaHeaders.KEY, period.getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            if (!streamBridge.send(BINDING, message)) {
                return false;
            }
        } catch (RuntimeException e) {
            log.warn("SPD {} v{} not published, the sweep will retry: {}", period, current.version(), e.getMessage());
            return false;
        }
        store.markPublished(period, current.version());
        return true;
    }

    @Scheduled(fixedDelayString = "${inovasi.catalog.snapshot-sweep-interval:5s}",
            initialDelayString = "${inovasi.catalog.snapshot-sweep-interval:5s}")
    void sweep() {
        store.all().stream().filter(SpdRecord::publishPending).forEach(r -> publish(r.period()));
    }
}
